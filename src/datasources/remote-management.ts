import type { StreamedResponse, UpstreamSession } from './client.js';
import { slicePage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { OpenVpnProfile } from './types/remote-management.js';

const api = pathUnder('/bareMetals/v2');

/** Remote management (bareMetals/v2 `/remoteManagement`): OpenVPN profiles, the `.ovpn` files, the credentials. */
export class RemoteManagementAPI {
  private all?: Promise<OpenVpnProfile[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  /** Every profile, listed once per request (a short list; the reference documents no paging parameters). */
  profiles(): Promise<OpenVpnProfile[]> {
    this.all ??= this.upstream.get<{ profiles: OpenVpnProfile[] }>(api`/remoteManagement/profiles`).then((body) => body.profiles);
    return this.all;
  }

  async list(window: Window): Promise<Page<OpenVpnProfile>> {
    return slicePage(await this.profiles(), window);
  }

  /** The profile of a data center, or the one whose satellites include it; null when none. */
  async forDatacenter(datacenter: string): Promise<OpenVpnProfile | null> {
    const all = await this.profiles();
    return all.find((p) => p.datacenter === datacenter) ?? all.find((p) => p.satelliteDatacenters.includes(datacenter)) ?? null;
  }

  /** The `.ovpn` file of a data center, streamed. */
  ovpn(datacenter: string): Promise<StreamedResponse> {
    return this.upstream.stream(api`/remoteManagement/profiles/lsw-rmvpn-${datacenter}.ovpn`, 'text/plain');
  }

  changeCredentials(password: string): Promise<void> {
    return this.upstream.post(api`/remoteManagement/changeCredentials`, { password });
  }
}
