/**
 * Upstream shapes of the Dedicated Servers API (bareMetals/v2), written from the
 * reference (`api-reference.txt`, section Dedicated Servers) and its samples. Fields the
 * list endpoint leaves out are optional: the list returns a summary, GET /servers/{id}
 * the detail.
 */
import type { Page } from '../page.js';

export interface Port {
  name: string;
  port: string;
}

export interface NetworkInterface {
  mac: string | null;
  ip: string | null;
  nullRouted?: boolean | null;
  gateway: string | null;
  ports: Port[];
  locationId?: string | null;
}

export interface ServerContract {
  id: string;
  customerId: string;
  salesOrgId: string;
  deliveryStatus: string;
  reference: string | null;
  privateNetworkPortSpeed?: number | null;
  subnets?: unknown[];
  status?: string;
  startsAt?: string | null;
  endsAt?: string | null;
  sla?: string;
  contractTerm?: number;
  contractType?: string;
  billingCycle?: number;
  billingFrequency?: string;
  pricePerFrequency?: string;
  currency?: string;
  networkTraffic?: {
    type: string | null;
    connectivityType: string | null;
    trafficType: string | null;
    datatrafficLimit: number | null;
    datatrafficUnit: string | null;
  };
  softwareLicenses?: Array<{ name: string; price: string | null; currency: string; type: string }>;
  managedServices?: unknown[];
  aggregationPackId?: string | null;
  ipv4Quantity?: number;
}

export interface ServerPrivateNetwork {
  id: string;
  linkSpeed: number;
  status: string;
  dhcp?: string;
  subnet: string;
  vlanId: string;
}

export interface ServerSpecs {
  brand: string;
  chassis: string;
  hardwareRaidCapable: boolean;
  cpu: { type: string; quantity: number };
  ram: { size: number; unit: string };
  hdd: Array<{
    id: string;
    size: number;
    unit: string;
    amount: number;
    type: string;
    performanceType: string | null;
  }>;
  pciCards: Array<{ description: string }>;
}

export interface Server {
  id: string;
  assetId: string;
  serialNumber?: string;
  contract: ServerContract;
  featureAvailability: {
    automation: boolean;
    powerCycle: boolean;
    ipmiReboot?: boolean;
    privateNetwork: boolean;
    remoteManagement: boolean;
  };
  isPrivateNetworkCapable?: boolean;
  isPrivateNetworkEnabled?: boolean;
  isRedundantPrivateNetworkCapable?: boolean;
  location: { site: string; suite: string; rack: string; unit: string };
  networkInterfaces: {
    public: NetworkInterface;
    internal: NetworkInterface;
    remoteManagement: NetworkInterface;
  };
  powerPorts?: Port[];
  privateNetworks: ServerPrivateNetwork[];
  rack: { id?: string; type: string; capacity?: string };
  specs?: ServerSpecs;
}

/** An IP as the server sees it (`/servers/{id}/ips`): `ip` carries the subnet prefix. */
export interface ServerIp {
  ip: string;
  version: number;
  networkType: 'PUBLIC' | 'INTERNAL' | 'REMOTE_MANAGEMENT';
  mainIp: boolean;
  nullRouted: boolean;
  gateway: string | null;
  floatingIp: boolean;
  reverseLookup: string | null;
  ddos: { detectionProfile: string; protectionType: string };
}

/** One entry of `/servers/{id}/nullRouteHistory` (no id: it cannot be joined to ipMgmt). */
export interface ServerNullRoute {
  automatedUnnullingAt: string | null;
  comment: string | null;
  ip: string;
  nullLevel: number;
  nulledAt: string;
  ticketId: string | null;
}

export interface ServerNetworkInterfaceStatus {
  linkSpeed: string;
  operStatus: string;
  status: string;
  switchInterface: string;
  switchName: string;
  type: 'PUBLIC' | 'INTERNAL' | 'REMOTE_MANAGEMENT';
}

export interface Partition {
  filesystem: string;
  mountpoint?: string;
  size: string | number;
}

export interface JobTask {
  description: string;
  errorMessage: string | null;
  flow: string;
  onError: string;
  status: string;
  statusTimestamps: Record<string, string>;
  uuid: string;
}

export interface ServerJob {
  uuid: string;
  serverId: string;
  type: string;
  status: string;
  isRunning: boolean;
  flow: string;
  node: string;
  createdAt: string;
  updatedAt: string;
  /** Free-form labels (the reference's example: `{ "BATCH_ID": "…" }`); only in the detail. */
  metadata?: Record<string, string>;
  payload: Record<string, unknown> & { operatingSystemId?: string; jobType?: string };
  progress: {
    canceled: number;
    expired: number;
    failed: number;
    finished: number;
    inprogress: number;
    pending: number;
    percentage: number;
    total: number;
    waiting: number;
  };
  /** Only in the detail (`GET /jobs/{jobId}`) and the answers of writes; the list leaves them out. */
  tasks?: JobTask[];
}

/** The credential types Leaseweb stores (every one on bareMetals equipment). */
export const CREDENTIAL_TYPES = [
  'OPERATING_SYSTEM',
  'CONTROL_PANEL',
  'REMOTE_MANAGEMENT',
  'RESCUE_MODE',
  'SWITCH',
  'PDU',
  'FIREWALL',
  'LOAD_BALANCER',
  'VNC',
  'TEMPORARY_OPERATING_SYSTEM',
  'VPN_USER',
  'COMBINATION_LOCK',
  'DATABASE',
] as const;

export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export interface Credential {
  type: CredentialType;
  username: string;
  /** Only in the single-credential answers. */
  password?: string;
}

export interface NotificationSetting {
  id: string;
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  threshold: string;
  unit: string;
  lastCheckedAt: string | null;
  thresholdExceededAt: string | null;
  actions: Array<{ type: string; lastTriggeredAt: string | null }>;
}

export interface DdosNotificationSettings {
  nulling: 'ENABLED' | 'DISABLED';
  scrubbing: 'ENABLED' | 'DISABLED';
}

export interface PowerStatus {
  ipmi?: { status: string };
  pdu: { status: string };
}

export interface DhcpLease {
  ip: string;
  mac: string;
  gateway: string;
  hostname: string;
  netmask: string;
  site: string;
  bootfile?: string;
  createdAt: string;
  updatedAt: string;
  lastClientRequest: { relayAgent: string | null; type: string; userAgent: string };
}

/** A DHCP reservation and the server it is for (Leaseweb keeps at most one, for the public interface). */
export interface DhcpLeaseModel extends DhcpLease {
  serverId: string;
}

/** The upstream metrics answer: series keyed by name. */
export interface MetricsResponse {
  _metadata: { from: string; to: string; granularity: string; aggregation: string };
  metrics: Record<string, { unit: string; values: Array<{ timestamp: string; value: number }> }>;
}

export interface HardwareInfo {
  id: string;
  parserVersion: string;
  scannedAt?: string;
  serverId?: string;
  result: Record<string, unknown>;
}

export interface OperatingSystemSummary {
  id: string;
  name: string;
}

export interface OperatingSystem extends OperatingSystemSummary {
  architecture?: string;
  configurable?: boolean;
  family?: string;
  type?: string;
  version?: string;
  features?: string[];
  supportedBootDevices?: string[];
  supportedFileSystems?: string[];
  defaults?: { device: string; partitions: Partition[] };
}

export interface ControlPanel {
  id: string;
  name: string;
}

export interface RescueImage {
  id: string;
  name: string;
}

export type ServerRack = Server['rack'];
export type ServerDisk = ServerSpecs['hdd'][number];

/**
 * An operating system as the graph holds it: the catalogue entry, the details when they
 * were fetched, and the control panel needed to fetch them.
 */
export interface OperatingSystemModel extends OperatingSystem {
  controlPanelId?: string | null;
}

// Connection parents: one page of each list.
export type ServerPage = Page<Server>;
export type ServerNullRoutePage = Page<ServerNullRoute>;
export type ServerJobPage = Page<ServerJob>;
export type OperatingSystemPage = Page<OperatingSystemModel>;
export type ControlPanelPage = Page<ControlPanel>;
export type RescueImagePage = Page<RescueImage>;
