import type { UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { PrivateNetwork, PrivateNetworkReservation, PrivateNetworkReservationModel } from './types/private-networks.js';

const api = pathUnder('/bareMetals/v2');

/**
 * Private networks (bareMetals/v2 `/privateNetworks`) and their DHCP reservations: one
 * method per operation; a network read by id goes through a per-request loader.
 */
export class PrivateNetworksAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<PrivateNetwork>(api`/privateNetworks/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window): Promise<Page<PrivateNetwork>> {
    return this.upstream.get(api`/privateNetworks`, { ...window }).then((body) => toPage<PrivateNetwork>(body, 'privateNetworks', window));
  }

  get(id: string): Promise<PrivateNetwork | null> {
    return this.byId.load(id);
  }

  create(name: string | null | undefined): Promise<PrivateNetwork> {
    return this.upstream.post<PrivateNetwork>(api`/privateNetworks`, name == null ? {} : { name });
  }

  async update(id: string, name: string): Promise<PrivateNetwork> {
    const answer = await this.upstream.put<PrivateNetwork>(api`/privateNetworks/${id}`, { name });
    this.byId.clear(id);
    return answer;
  }

  async delete(id: string): Promise<void> {
    await this.upstream.delete(api`/privateNetworks/${id}`);
    this.byId.clear(id);
  }

  async reservations(id: string, window: Window): Promise<Page<PrivateNetworkReservationModel>> {
    const page = toPage<PrivateNetworkReservation>(
      await this.upstream.get(api`/privateNetworks/${id}/reservations`, { ...window }),
      'reservations',
      window,
    );
    return { ...page, items: page.items.map((r) => ({ ...r, privateNetworkId: id })) };
  }

  async createReservation(id: string, body: PrivateNetworkReservation): Promise<PrivateNetworkReservationModel> {
    const answer = await this.upstream.post<PrivateNetworkReservation>(api`/privateNetworks/${id}/reservations`, body);
    return { ...answer, privateNetworkId: id };
  }

  async deleteReservation(id: string, ip: string): Promise<void> {
    await this.upstream.delete(api`/privateNetworks/${id}/reservations/${ip}`);
  }
}
