import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll, listFirst, type Listing } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type {
  ControlPanel,
  DhcpLease,
  DhcpLeaseModel,
  HardwareInfo,
  OperatingSystem,
  OperatingSystemSummary,
  RescueImage,
  Server,
  ServerJob,
  ServerNetworkInterfaceStatus,
} from './types/dedicated-servers.js';

const api = pathUnder('/bareMetals/v2');

export interface ServerListFilter {
  reference?: string | null;
  ip?: string | null;
  macAddress?: string | null;
  site?: string | null;
  privateRackId?: string | null;
  privateNetworkCapable?: boolean | null;
  privateNetworkEnabled?: boolean | null;
}

export interface JobFilter {
  type?: string | null;
  status?: string | null;
  isRunning?: boolean | null;
}

export type InterfaceSegment = 'public' | 'internal' | 'remoteManagement';

/** The path segment of each network type (`PUBLIC` → `public` …). */
export const INTERFACE_SEGMENT: Record<'PUBLIC' | 'INTERNAL' | 'REMOTE_MANAGEMENT', InterfaceSegment> = {
  PUBLIC: 'public',
  INTERNAL: 'internal',
  REMOTE_MANAGEMENT: 'remoteManagement',
};

/**
 * Dedicated servers (bareMetals/v2): one method per REST operation (the IP, credential,
 * notification, metrics and power families are in ./families/). Reads of one server
 * go through per-request loaders, so a server asked for twice in a query is fetched once.
 * There is no batch endpoint for servers by id: the only batch is the whole list, so the
 * lookups behind the edges (IP → equipment …) take one call per id or the list, whichever
 * costs fewer calls (see `lookUpServers`).
 */
export class DedicatedServersAPI {
  private readonly serverById = byIdLoader((id: string) => this.upstream.get<Server>(api`/servers/${id}`));
  /**
   * Servers by id for the edges, where a summary will do. Its batches collect the ids of
   * every sibling call of the request (UpstreamSession.afterSiblings), as the ipMgmt batches
   * do: the IPs of every floating IP range's definitions reach their servers in one batch.
   */
  private readonly serverLookup = new DataLoader<string, Server | null>((ids) => this.lookUpServers(ids), {
    batchScheduleFn: (send) => this.upstream.afterSiblings(send),
  });
  /** The first page of the whole server list, with the rest on demand. */
  private listing?: Promise<Listing<Server>>;
  /** Every server of the account by id: the whole list, read once per request. */
  private everything?: Promise<Map<string, Server>>;
  /** Jobs by `serverId/jobId`: the detail, which alone carries a job's tasks. */
  private readonly jobById = byIdLoader(
    ([serverId, jobId]: readonly [string, string]) => this.upstream.get<ServerJob>(api`/servers/${serverId}/jobs/${jobId}`),
    ([serverId, jobId]) => `${serverId}/${jobId}`,
  );
  /** OS details by `id` and control panel (Leaseweb needs one), once per request. */
  private readonly operatingSystemById = byIdLoader(
    ([id, controlPanelId]: readonly [string, string]) =>
      this.upstream.get<OperatingSystem>(api`/operatingSystems/${id}`, { controlPanelId }),
    ([id, controlPanelId]) => `${id}?${controlPanelId}`,
  );
  private operatingSystemIndex?: Promise<Map<string, OperatingSystemSummary>>;

  constructor(private readonly upstream: UpstreamSession) {}

  // Servers.

  /** One page of servers; each also answers later lookups of it in the request (a summary is what a lookup gives). */
  async list(window: Window, filter: ServerListFilter = {}): Promise<Page<Server>> {
    const page = toPage<Server>(await this.upstream.get(api`/servers`, { ...window, ...filter }), 'servers', window);
    for (const server of page.items) this.serverLookup.prime(server.id, server);
    return page;
  }

  /** The full server (the list only carries a summary); null when it does not exist. */
  get(id: string): Promise<Server | null> {
    return this.serverById.load(id);
  }

  /**
   * A server for an edge (an IP's, a service's, an anchor's equipment; an untyped id
   * probed for its kind): the detail, or the list's summary when the list answered the
   * lookup (its resolvers load the detail for the fields the summary lacks). Null when the
   * account has no such server: an id missing from the whole list costs no 404.
   */
  lookup(id: string): Promise<Server | null> {
    return this.serverLookup.load(id);
  }

  async update(id: string, reference: string): Promise<void> {
    await this.upstream.put(api`/servers/${id}`, { reference });
    this.forget(id);
  }

  // Private networks.

  async addToPrivateNetwork(id: string, privateNetworkId: string, linkSpeed: number): Promise<void> {
    await this.upstream.put(api`/servers/${id}/privateNetworks/${privateNetworkId}`, { linkSpeed });
    this.forget(id);
  }

  async removeFromPrivateNetwork(id: string, privateNetworkId: string): Promise<void> {
    await this.upstream.delete(api`/servers/${id}/privateNetworks/${privateNetworkId}`);
    this.forget(id);
  }

  // Network interfaces (switch ports).

  networkInterfaces(id: string): Promise<ServerNetworkInterfaceStatus[]> {
    return this.upstream
      .get(api`/servers/${id}/networkInterfaces`)
      .then((body) => toPage<ServerNetworkInterfaceStatus>(body, 'networkInterfaces').items);
  }

  networkInterface(id: string, type: InterfaceSegment): Promise<ServerNetworkInterfaceStatus> {
    return this.upstream.get(api`/servers/${id}/networkInterfaces/${type}`);
  }

  async setNetworkInterfaces(id: string, action: 'open' | 'close', type?: InterfaceSegment): Promise<void> {
    await this.upstream.post(
      type ? api`/servers/${id}/networkInterfaces/${type}/${action}` : api`/servers/${id}/networkInterfaces/${action}`,
    );
  }

  // Hardware.

  hardwareInfo(id: string): Promise<HardwareInfo> {
    return this.upstream.get(api`/servers/${id}/hardwareInfo`);
  }

  // Jobs.

  jobs(id: string, window: Window, filter: JobFilter = {}): Promise<Page<ServerJob>> {
    return this.upstream.get(api`/servers/${id}/jobs`, { ...window, ...filter }).then((body) => toPage<ServerJob>(body, 'jobs', window));
  }

  /** One job with its tasks (once per request); null when it does not exist. */
  job(id: string, jobId: string): Promise<ServerJob | null> {
    return this.jobById.load([id, jobId]);
  }

  stopActiveJob(id: string, action: 'cancelActiveJob' | 'expireActiveJob'): Promise<ServerJob> {
    this.jobById.clearAll();
    return this.upstream.post(api`/servers/${id}/${action}`);
  }

  retryJob(id: string, jobId: string): Promise<ServerJob> {
    this.jobById.clearAll();
    return this.upstream.post(api`/servers/${id}/jobs/${jobId}/retry`);
  }

  launchJob(
    id: string,
    operation: 'install' | 'rescueMode' | 'hardwareScan' | 'ipmiReset',
    body: Record<string, unknown>,
  ): Promise<ServerJob> {
    return this.upstream.post(api`/servers/${id}/${operation}`, body);
  }

  // DHCP reservations.

  dhcpReservations(id: string): Promise<DhcpLeaseModel[]> {
    return this.upstream
      .get(api`/servers/${id}/leases`)
      .then((body) => toPage<DhcpLease>(body, 'leases').items.map((lease) => ({ ...lease, serverId: id })));
  }

  async createDhcpReservation(id: string, input: { bootfile: string; hostname?: string | null }): Promise<void> {
    await this.upstream.post(api`/servers/${id}/leases`, input);
  }

  async deleteDhcpReservation(id: string): Promise<void> {
    await this.upstream.delete(api`/servers/${id}/leases`);
  }

  // Catalogues.

  operatingSystems(window: Window, controlPanelId?: string | null): Promise<Page<OperatingSystemSummary>> {
    return this.upstream
      .get(api`/operatingSystems`, { ...window, controlPanelId })
      .then((body) => toPage<OperatingSystemSummary>(body, 'operatingSystems', window));
  }

  /** The OS catalogue, listed once per request and indexed by id. */
  operatingSystemSummary(id: string): Promise<OperatingSystemSummary | null> {
    this.operatingSystemIndex ??= fetchAll<OperatingSystemSummary>(this.upstream, api`/operatingSystems`, 'operatingSystems').then(
      (all) => new Map(all.map((os) => [os.id, os])),
    );
    return this.operatingSystemIndex.then((index) => index.get(id) ?? null);
  }

  /** One OS with its install defaults (cached for the request); null when unknown. */
  operatingSystem(id: string, controlPanelId: string): Promise<OperatingSystem | null> {
    return this.operatingSystemById.load([id, controlPanelId]);
  }

  controlPanels(window: Window, operatingSystemId?: string | null): Promise<Page<ControlPanel>> {
    const url = operatingSystemId ? api`/operatingSystems/${operatingSystemId}/controlPanels` : api`/controlPanels`;
    return this.upstream.get(url, { ...window }).then((body) => toPage<ControlPanel>(body, 'controlPanels', window));
  }

  /** One control panel from the catalogue (there is no GET by id: the list, read whole). */
  async controlPanel(id: string): Promise<ControlPanel | null> {
    return (await fetchAll<ControlPanel>(this.upstream, api`/controlPanels`, 'controlPanels')).find((c) => c.id === id) ?? null;
  }

  /** One rescue image from the catalogue (there is no GET by id: the list, read whole). */
  async rescueImage(id: string): Promise<RescueImage | null> {
    return (await fetchAll<RescueImage>(this.upstream, api`/rescueImages`, 'rescueImages')).find((r) => r.id === id) ?? null;
  }

  rescueImages(window: Window): Promise<Page<RescueImage>> {
    return this.upstream.get(api`/rescueImages`, { ...window }).then((body) => toPage<RescueImage>(body, 'rescueImages', window));
  }

  /** Drops cached reads of a server after a write. */
  forget(id: string): void {
    this.serverById.clear(id);
    this.serverLookup.clear(id);
    // The list holds the server too; it is read again on the next lookup that needs it.
    this.listing = undefined;
    this.everything = undefined;
  }

  /** The first page of the whole list, read once per request. */
  private firstPage(): Promise<Listing<Server>> {
    return (this.listing ??= listFirst<Server>(this.upstream, api`/servers`, 'servers'));
  }

  /**
   * A batch of lookups. One id is one GET, unless the list is read anyway. Several read the
   * list's first page, which holds the whole account when it has up to 100 servers and tells
   * what the rest would cost when it has more: for the ids not on it, the rest of the list
   * when that is fewer calls than one GET per id, one GET per id otherwise (then one call
   * above the minimum, the price of learning the list's size). No list filter takes several
   * ids (`?ip=`, `?macAddress=`, `?reference=` take one value each), so none narrows it.
   * An id the whole list lacks is no server of the account: null, without a 404.
   */
  private async lookUpServers(ids: readonly string[]): Promise<Array<Server | null | Error>> {
    if (!this.listing && ids.length === 1) return this.getEach(ids);
    let listing: Listing<Server>;
    try {
      listing = await this.firstPage();
    } catch {
      // The list is a shortcut only: without it each id takes its own GET, and fails alone.
      return this.getEach(ids);
    }
    const found = new Map<string, Server | null | Error>(listing.items.map((s) => [s.id, s]));
    const rest = ids.filter((id) => !found.has(id));
    if (rest.length > 0 && listing.pagesLeft > 0) {
      const late = await (this.everything || listing.pagesLeft < rest.length ? this.fromWholeList(listing, rest) : this.getEach(rest));
      rest.forEach((id, i) => found.set(id, late[i]!));
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Servers from the whole list (read once per request); each by its own GET should it fail. */
  private async fromWholeList(listing: Listing<Server>, ids: readonly string[]): Promise<Array<Server | null | Error>> {
    try {
      this.everything ??= listing.all().then((all) => new Map(all.map((s) => [s.id, s])));
      const all = await this.everything;
      return ids.map((id) => all.get(id) ?? null);
    } catch {
      return this.getEach(ids);
    }
  }

  /** One GET per id (shared with `get`): a 404 is null, any other failure that id's error. */
  private getEach(ids: readonly string[]): Promise<Array<Server | null | Error>> {
    return Promise.all(ids.map((id) => this.serverById.load(id).catch((e: Error) => e)));
  }
}
