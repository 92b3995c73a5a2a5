import type { UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { DedicatedRack } from './types/dedicated-racks.js';

const api = pathUnder('/bareMetals/v2');

export interface DedicatedRackFilter {
  reference?: string | null;
  privateNetworkCapable?: boolean | null;
  privateNetworkEnabled?: boolean | null;
}

/**
 * Dedicated racks (bareMetals/v2 `/privateRacks`): the list, one by id (a per-request
 * loader) and the reference update. IPs, credentials, metrics and notification settings are
 * the families' (./families/, owner row `DedicatedRack`).
 */
export class DedicatedRacksAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<DedicatedRack>(api`/privateRacks/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window, filter: DedicatedRackFilter = {}): Promise<Page<DedicatedRack>> {
    return this.upstream
      .get(api`/privateRacks`, { ...window, ...filter })
      .then((body) => toPage<DedicatedRack>(body, 'privateRacks', window));
  }

  /** The full rack (the list carries a summary); null when it does not exist. */
  get(id: string): Promise<DedicatedRack | null> {
    return this.byId.load(id);
  }

  async update(id: string, reference: string): Promise<void> {
    await this.upstream.put(api`/privateRacks/${id}`, { reference });
    this.byId.clear(id);
  }

  forget(id: string): void {
    this.byId.clear(id);
  }
}
