import type { UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { AggregationPack } from './types/aggregation-packs.js';

const api = pathUnder('/bareMetals/v2');

/** Aggregation packs (bareMetals/v2 `/aggregationPacks`): the list (items under `connectContractItems`) and one by id. */
export class AggregationPacksAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<AggregationPack>(api`/aggregationPacks/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window): Promise<Page<AggregationPack>> {
    return this.upstream
      .get(api`/aggregationPacks`, { ...window })
      .then((body) => toPage<AggregationPack>(body, 'connectContractItems', window));
  }

  get(id: string): Promise<AggregationPack | null> {
    return this.byId.load(id);
  }
}
