import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll, orNull } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import { bareIp } from './ip-management.js';
import type {
  ControlPanel,
  Credential,
  CredentialType,
  DdosNotificationSettings,
  DhcpLease,
  HardwareInfo,
  MetricsResponse,
  NotificationSetting,
  OperatingSystem,
  OperatingSystemSummary,
  PowerStatus,
  RescueImage,
  Server,
  ServerIp,
  ServerJob,
  ServerNetworkInterfaceStatus,
  ServerNullRoute,
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

export interface ServerIpFilter {
  networkType?: string | null;
  version?: number | null;
  nullRouted?: boolean | null;
  ips?: readonly string[] | null;
}

export interface JobFilter {
  type?: string | null;
  status?: string | null;
  isRunning?: boolean | null;
}

export type NotificationKind = 'bandwidth' | 'datatraffic';
export type InterfaceSegment = 'public' | 'internal' | 'remoteManagement';

export interface MetricsQuery {
  from: string;
  to: string;
  granularity?: string | null;
  aggregation: string;
}

export interface NotificationSettingInput {
  frequency: string;
  threshold: string;
  unit: string;
}

const notificationItemsKey = (kind: NotificationKind) =>
  kind === 'bandwidth' ? 'bandwidthNotificationSettings' : 'datatrafficNotificationSettings';

/**
 * Dedicated servers (bareMetals/v2): one method per REST operation. Reads of one server
 * go through per-request loaders, so a server asked for twice in a query is fetched once.
 */
export class DedicatedServersAPI {
  private readonly serverById = byIdLoader((id: string) => this.upstream.get<Server>(api`/servers/${id}`));
  /** All IPs of one server as the server sees them (network type, DDoS profile …). */
  private readonly ipViews = new DataLoader<string, Map<string, ServerIp>>((ids) =>
    Promise.all(
      ids.map((id) =>
        fetchAll<ServerIp>(this.upstream, api`/servers/${id}/ips`, 'ips')
          .then((ips) => new Map(ips.map((ip) => [bareIp(ip.ip), ip])))
          .catch((e: Error) => e),
      ),
    ),
  );
  /** Jobs by `serverId/jobId`: the detail, which alone carries a job's tasks. */
  private readonly jobById = byIdLoader(
    ([serverId, jobId]: readonly [string, string]) => this.upstream.get<ServerJob>(api`/servers/${serverId}/jobs/${jobId}`),
    ([serverId, jobId]) => `${serverId}/${jobId}`,
  );
  /** OS details by `id` and control panel (Leaseweb needs one), once per request. */
  private readonly operatingSystemById = byIdLoader(
    ([id, controlPanelId]: readonly [string, string]) => this.upstream.get<OperatingSystem>(api`/operatingSystems/${id}`, { controlPanelId }),
    ([id, controlPanelId]) => `${id}?${controlPanelId}`,
  );
  private operatingSystemIndex?: Promise<Map<string, OperatingSystemSummary>>;

  constructor(private readonly upstream: UpstreamSession) {}

  // Servers.

  list(window: Window, filter: ServerListFilter = {}): Promise<Page<Server>> {
    return this.upstream
      .get(api`/servers`, { ...window, ...filter })
      .then((body) => toPage<Server>(body, 'servers', window));
  }

  /** The full server (the list only carries a summary); null when it does not exist. */
  get(id: string): Promise<Server | null> {
    return this.serverById.load(id);
  }

  async update(id: string, reference: string): Promise<void> {
    await this.upstream.put(api`/servers/${id}`, { reference });
    this.serverById.clear(id);
  }

  // IPs.

  ips(id: string, window: Window, filter: ServerIpFilter = {}): Promise<Page<ServerIp>> {
    return this.upstream
      .get(api`/servers/${id}/ips`, { ...window, ...filter })
      .then((body) => toPage<ServerIp>(body, 'ips', window));
  }

  /** One IP as the server sees it, from the server's whole IP list (one call per server). */
  async ipView(id: string, address: string): Promise<ServerIp | null> {
    return (await this.ipViews.load(id)).get(bareIp(address)) ?? null;
  }

  ip(id: string, address: string): Promise<ServerIp | null> {
    return orNull(this.upstream.get<ServerIp>(api`/servers/${id}/ips/${bareIp(address)}`));
  }

  updateIp(id: string, address: string, changes: { detectionProfile?: string | null; reverseLookup?: string | null }): Promise<ServerIp> {
    this.ipViews.clear(id);
    return this.upstream.put<ServerIp>(api`/servers/${id}/ips/${bareIp(address)}`, changes);
  }

  nullRouteIp(id: string, address: string): Promise<ServerIp> {
    this.ipViews.clear(id);
    return this.upstream.post<ServerIp>(api`/servers/${id}/ips/${bareIp(address)}/null`);
  }

  removeIpNullRoute(id: string, address: string): Promise<ServerIp> {
    this.ipViews.clear(id);
    return this.upstream.post<ServerIp>(api`/servers/${id}/ips/${bareIp(address)}/unnull`);
  }

  nullRouteHistory(id: string, window: Window): Promise<Page<ServerNullRoute>> {
    return this.upstream
      .get(api`/servers/${id}/nullRouteHistory`, { ...window })
      .then((body) => toPage<ServerNullRoute>(body, 'nullRoutes', window));
  }

  // Private networks.

  async addToPrivateNetwork(id: string, privateNetworkId: string, linkSpeed: number): Promise<void> {
    await this.upstream.put(api`/servers/${id}/privateNetworks/${privateNetworkId}`, { linkSpeed });
    this.serverById.clear(id);
  }

  async removeFromPrivateNetwork(id: string, privateNetworkId: string): Promise<void> {
    await this.upstream.delete(api`/servers/${id}/privateNetworks/${privateNetworkId}`);
    this.serverById.clear(id);
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
      type
        ? api`/servers/${id}/networkInterfaces/${type}/${action}`
        : api`/servers/${id}/networkInterfaces/${action}`,
    );
  }

  // Hardware and metrics.

  hardwareInfo(id: string): Promise<HardwareInfo> {
    return this.upstream.get(api`/servers/${id}/hardwareInfo`);
  }

  metrics(id: string, kind: NotificationKind, query: MetricsQuery): Promise<MetricsResponse> {
    return this.upstream.get(api`/servers/${id}/metrics/${kind}`, { ...query });
  }

  // Notification settings.

  notificationSettings(id: string, kind: NotificationKind, window: Window): Promise<Page<NotificationSetting>> {
    return this.upstream
      .get(api`/servers/${id}/notificationSettings/${kind}`, { ...window })
      .then((body) => toPage<NotificationSetting>(body, notificationItemsKey(kind), window));
  }

  notificationSetting(id: string, kind: NotificationKind, settingId: string): Promise<NotificationSetting | null> {
    return orNull(this.upstream.get(api`/servers/${id}/notificationSettings/${kind}/${settingId}`));
  }

  createNotificationSetting(id: string, kind: NotificationKind, input: NotificationSettingInput): Promise<NotificationSetting> {
    return this.upstream.post(api`/servers/${id}/notificationSettings/${kind}`, input);
  }

  updateNotificationSetting(id: string, kind: NotificationKind, settingId: string, input: NotificationSettingInput): Promise<NotificationSetting> {
    return this.upstream.put(api`/servers/${id}/notificationSettings/${kind}/${settingId}`, input);
  }

  async deleteNotificationSetting(id: string, kind: NotificationKind, settingId: string): Promise<void> {
    await this.upstream.delete(api`/servers/${id}/notificationSettings/${kind}/${settingId}`);
  }

  ddosNotificationSettings(id: string): Promise<DdosNotificationSettings> {
    return this.upstream.get(api`/servers/${id}/notificationSettings/ddos`);
  }

  async updateDdosNotificationSettings(id: string, changes: Partial<DdosNotificationSettings>): Promise<void> {
    await this.upstream.put(api`/servers/${id}/notificationSettings/ddos`, changes);
  }

  // Power.

  powerStatus(id: string): Promise<PowerStatus> {
    return this.upstream.get(api`/servers/${id}/powerInfo`);
  }

  async power(id: string, action: 'powerOn' | 'powerOff' | 'powerCycle'): Promise<void> {
    await this.upstream.post(api`/servers/${id}/${action}`);
  }

  // Jobs.

  jobs(id: string, window: Window, filter: JobFilter = {}): Promise<Page<ServerJob>> {
    return this.upstream
      .get(api`/servers/${id}/jobs`, { ...window, ...filter })
      .then((body) => toPage<ServerJob>(body, 'jobs', window));
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

  // Credentials.

  credentials(id: string, window: Window, type?: CredentialType | null): Promise<Page<Credential>> {
    const url = type ? api`/servers/${id}/credentials/${type}` : api`/servers/${id}/credentials`;
    return this.upstream.get(url, { ...window }).then((body) => toPage<Credential>(body, 'credentials', window));
  }

  credential(id: string, type: CredentialType, username: string): Promise<Credential | null> {
    return orNull(this.upstream.get(api`/servers/${id}/credentials/${type}/${username}`));
  }

  createCredential(id: string, credential: Required<Credential>): Promise<Credential> {
    return this.upstream.post(api`/servers/${id}/credentials`, credential);
  }

  updateCredential(id: string, type: CredentialType, username: string, password: string): Promise<Credential> {
    return this.upstream.put(api`/servers/${id}/credentials/${type}/${username}`, { password });
  }

  async deleteCredential(id: string, type: CredentialType, username: string): Promise<void> {
    await this.upstream.delete(api`/servers/${id}/credentials/${type}/${username}`);
  }

  // DHCP reservations.

  dhcpReservations(id: string): Promise<DhcpLease[]> {
    return this.upstream.get(api`/servers/${id}/leases`).then((body) => toPage<DhcpLease>(body, 'leases').items);
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
    const url = operatingSystemId
      ? api`/operatingSystems/${operatingSystemId}/controlPanels`
      : api`/controlPanels`;
    return this.upstream.get(url, { ...window }).then((body) => toPage<ControlPanel>(body, 'controlPanels', window));
  }

  rescueImages(window: Window): Promise<Page<RescueImage>> {
    return this.upstream
      .get(api`/rescueImages`, { ...window })
      .then((body) => toPage<RescueImage>(body, 'rescueImages', window));
  }
}
