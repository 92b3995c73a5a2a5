import type { UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { NetworkEquipment } from './types/network-equipment.js';

const api = pathUnder('/bareMetals/v2');

export interface NetworkEquipmentFilter {
  reference?: string | null;
  ip?: string | null;
  macAddress?: string | null;
  site?: string | null;
  privateRackId?: string | null;
  privateNetworkCapable?: boolean | null;
  privateNetworkEnabled?: boolean | null;
}

/**
 * Network equipment (bareMetals/v2 `/networkEquipments`): the list, one by id (through a
 * per-request loader) and the reference update. Its IPs, credentials and power are the
 * families' (./families/, owner row `NetworkEquipment`).
 */
export class NetworkEquipmentAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<NetworkEquipment>(api`/networkEquipments/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window, filter: NetworkEquipmentFilter = {}): Promise<Page<NetworkEquipment>> {
    return this.upstream
      .get(api`/networkEquipments`, { ...window, ...filter })
      .then((body) => toPage<NetworkEquipment>(body, 'networkEquipments', window));
  }

  /** The full record (the list carries a summary); null when it does not exist. */
  get(id: string): Promise<NetworkEquipment | null> {
    return this.byId.load(id);
  }

  async update(id: string, reference: string): Promise<void> {
    await this.upstream.put(api`/networkEquipments/${id}`, { reference });
    this.byId.clear(id);
  }

  forget(id: string): void {
    this.byId.clear(id);
  }
}
