import { path } from '../path.js';

/**
 * The equipment families (IPs, credentials, notification settings, metrics, power,
 * snapshots/ISO/console) are written once and served for every owner in this table. A
 * row says where the owner lives (API base and collection) and, per family it has, how
 * that owner's API differs from its siblings'. Adding a family to an owner is a row entry
 * here plus the owner's SDL `implements`; the resolvers and datasources read the table.
 */
export interface OwnerRow {
  /** API base, e.g. `/bareMetals/v2`. */
  api: string;
  /** The collection the owner is an item of, e.g. `servers`. */
  collection: string;
  /** The owner's path parameter as Leaseweb names it (in `errorDetails` too), e.g. `serverId`. */
  idParam: string;
  ips?: IpQuirks;
  credentials?: CredentialQuirks;
  notificationSettings?: NotificationQuirks;
  metrics?: MetricQuirks;
  power?: PowerQuirks;
  snapshots?: true;
  iso?: true;
  console?: true;
}

export interface IpQuirks {
  /** The IP list pages with limit/offset (bareMetals) or answers whole (Public Cloud). */
  paged: boolean;
  /** Separator of the `ips` filter: `,` for bareMetals, `|` for Public Cloud. */
  ipsSeparator: ',' | '|';
  /** The list takes `networkType`; otherwise the gateway filters the whole list. */
  networkTypeFilter: boolean;
  /** `POST …/null` takes `{ comment, automatedUnnulingAt }` (hours); bareMetals takes no body. */
  nullRouteBody: boolean;
  /** `PUT …/ips/{ip}` accepts a DDoS `detectionProfile` besides `reverseLookup`. */
  detectionProfile: boolean;
  /** `GET …/nullRouteHistory` exists. */
  nullRouteHistory: boolean;
}

export interface CredentialQuirks {
  paged: boolean;
  /** The credential types the owner stores; undefined: every `CredentialType`. */
  types?: readonly string[];
  /** `DELETE …/credentials` (all at once) exists. */
  deleteAll: boolean;
}

export interface NotificationQuirks {
  /** `…/notificationSettings/ddos` exists. */
  ddos: boolean;
}

export interface MetricQuirks {
  /** bareMetals: bandwidth and datatraffic (`Metrics`); cloud: datatraffic (`PublicCloudMetrics`). */
  flavor: 'bareMetal' | 'cloud';
  /** `…/metrics/cpu` exists (cloud flavor). */
  cpu?: boolean;
}

export interface PowerQuirks {
  /** The POST that powers on, off and cycles: `powerOn`… (bareMetals) or `start`… (Public Cloud). */
  on: string;
  off: string;
  cycle: string;
  /** `GET …/powerInfo` exists. */
  status: boolean;
}

const bareMetalIps: IpQuirks = {
  paged: true,
  ipsSeparator: ',',
  networkTypeFilter: true,
  nullRouteBody: false,
  detectionProfile: true,
  nullRouteHistory: true,
};
const cloudIps: IpQuirks = {
  paged: false,
  ipsSeparator: '|',
  networkTypeFilter: false,
  nullRouteBody: true,
  detectionProfile: false,
  nullRouteHistory: false,
};

/** Every owner of a family, by GraphQL type name. */
export const owners = {
  DedicatedServer: {
    api: '/bareMetals/v2',
    collection: 'servers',
    idParam: 'serverId',
    ips: bareMetalIps,
    credentials: { paged: true, deleteAll: false },
    notificationSettings: { ddos: true },
    metrics: { flavor: 'bareMetal' },
    power: { on: 'powerOn', off: 'powerOff', cycle: 'powerCycle', status: true },
  },
  PublicCloudInstance: {
    api: '/publicCloud/v1',
    collection: 'instances',
    idParam: 'instanceId',
    ips: cloudIps,
    credentials: { paged: false, types: ['OPERATING_SYSTEM', 'CONTROL_PANEL'], deleteAll: true },
    metrics: { flavor: 'cloud', cpu: true },
    power: { on: 'start', off: 'stop', cycle: 'reboot', status: false },
    snapshots: true,
    iso: true,
    console: true,
  },
  Vps: {
    api: '/publicCloud/v1',
    collection: 'vps',
    idParam: 'vpsId',
    ips: cloudIps,
    credentials: { paged: false, types: ['OPERATING_SYSTEM', 'CONTROL_PANEL'], deleteAll: true },
    metrics: { flavor: 'cloud', cpu: false },
    power: { on: 'start', off: 'stop', cycle: 'reboot', status: false },
    snapshots: true,
    iso: true,
    console: true,
  },
  PublicCloudLoadBalancer: {
    api: '/publicCloud/v1',
    collection: 'loadBalancers',
    idParam: 'loadBalancerId',
    ips: cloudIps,
    metrics: { flavor: 'cloud', cpu: false },
    power: { on: 'start', off: 'stop', cycle: 'reboot', status: false },
  },
  NetworkEquipment: {
    api: '/bareMetals/v2',
    collection: 'networkEquipments',
    idParam: 'networkEquipmentId',
    ips: bareMetalIps,
    credentials: { paged: true, deleteAll: false },
    power: { on: 'powerOn', off: 'powerOff', cycle: 'powerCycle', status: true },
  },
  DedicatedRack: {
    api: '/bareMetals/v2',
    collection: 'privateRacks',
    idParam: 'privateRackId',
    ips: bareMetalIps,
    credentials: {
      paged: true,
      types: ['OPERATING_SYSTEM', 'CONTROL_PANEL', 'REMOTE_MANAGEMENT', 'RESCUE_MODE', 'SWITCH', 'PDU', 'FIREWALL', 'LOAD_BALANCER'],
      deleteAll: false,
    },
    notificationSettings: { ddos: true },
    metrics: { flavor: 'bareMetal' },
  },
} satisfies Record<string, OwnerRow>;

export type OwnerType = keyof typeof owners;
export type Family = Exclude<keyof OwnerRow, 'api' | 'collection' | 'idParam'>;

/** One owner: its GraphQL type and Leaseweb id. */
export interface OwnerRef {
  typename: OwnerType;
  id: string;
}

export const ownerRow = (typename: OwnerType): OwnerRow => owners[typename];

export const isOwnerType = (typename: string): typename is OwnerType => Object.hasOwn(owners, typename);

/** The owner types that have a family, in table order. */
export const ownersOf = (family: Family): OwnerType[] =>
  (Object.keys(owners) as OwnerType[]).filter((t) => (owners[t] as OwnerRow)[family] !== undefined);

/** The quirks of a family for an owner; throws when the table says the owner lacks it. */
export function quirks<F extends Family>(ref: OwnerRef, family: F): NonNullable<OwnerRow[F]> {
  const q = (owners[ref.typename] as OwnerRow)[family];
  if (q === undefined) throw new Error(`${ref.typename} has no ${family}`);
  return q as NonNullable<OwnerRow[F]>;
}

/**
 * A path tag below one owner: ownerPath(ref)`/ips/${ip}` gives
 * `/bareMetals/v2/servers/<encoded id>/ips/<encoded ip>`.
 */
export function ownerPath(ref: OwnerRef) {
  const row = owners[ref.typename];
  const base = `${row.api}/${row.collection}${path`/${ref.id}`}`;
  return (strings: TemplateStringsArray, ...values: Array<string | number>): string => base + path(strings, ...values);
}

/** A per-request cache key for one owner. */
export const ownerKey = (ref: OwnerRef) => `${ref.typename}/${ref.id}`;
