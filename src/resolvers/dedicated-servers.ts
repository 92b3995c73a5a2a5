import type { GraphQLContext } from '../context.js';
import type { InterfaceSegment, NotificationKind } from '../datasources/dedicated-servers.js';
import { bareIp } from '../datasources/ip-management.js';
import { slicePage } from '../datasources/page.js';
import type { OperatingSystem, OperatingSystemModel, Server, ServerJob } from '../datasources/types/dedicated-servers.js';
import type { IpNetworkType, MetricsGranularity, NotificationSettingKind, Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import { ipFromMgmt, ipFromView, ipPage } from './ip-management.js';
import type { NodeFetchers } from './nodes.js';
import { localId, onlySelects, typed } from './support.js';

const TYPENAME = 'DedicatedServer';
const owner = (s: Server) => ({ typename: TYPENAME, id: s.id });

export const NOTIFICATION_KIND: Record<NotificationSettingKind, NotificationKind> = {
  BANDWIDTH: 'bandwidth',
  DATATRAFFIC: 'datatraffic',
};
export const INTERFACE_SEGMENT: Record<IpNetworkType, InterfaceSegment> = {
  PUBLIC: 'public',
  INTERNAL: 'internal',
  REMOTE_MANAGEMENT: 'remoteManagement',
};
const GRANULARITY: Record<MetricsGranularity, string> = {
  FIVE_MIN: '5MIN',
  HOUR: 'HOUR',
  DAY: 'DAY',
  WEEK: 'WEEK',
  MONTH: 'MONTH',
  YEAR: 'YEAR',
};

/** The server id named by an argument (Leaseweb id or global id). */
export const serverIdArg = (id: string) => localId(id, TYPENAME);

/** The list returns a summary; fields only the detail has load GET /servers/{id} (once). */
async function detail(s: Server, ctx: GraphQLContext): Promise<Server> {
  if (s.specs !== undefined) return s;
  return (await ctx.ds.dedicatedServers.get(s.id)) ?? s;
}

const fromDetail =
  <T>(pick: (s: Server) => T) =>
  async (s: Server, _args: unknown, ctx: GraphQLContext): Promise<T> =>
    pick(await detail(s, ctx));

/** Job → operating system: the catalogue entry (listed once per request) plus the job's own OS facts. */
async function jobOperatingSystem(job: ServerJob, ctx: GraphQLContext): Promise<OperatingSystemModel | null> {
  const id = job.payload.operatingSystemId;
  if (!id) return null;
  const summary = await ctx.ds.dedicatedServers.operatingSystemSummary(id);
  const os = (job.payload.os ?? {}) as Partial<OperatingSystemModel>;
  const controlPanelId = (job.payload.controlPanelId as string | undefined) ?? null;
  return typed('OperatingSystem', { ...os, id, name: summary?.name ?? os.name ?? id, controlPanelId });
}

/** Fills the detail fields of an OS when a control panel is known (Leaseweb requires one). */
const osDetail =
  <K extends keyof OperatingSystem>(key: K) =>
  async (os: OperatingSystemModel, _args: unknown, ctx: GraphQLContext) => {
    if (os[key] !== undefined) return os[key] ?? null;
    if (!os.controlPanelId) return null;
    const full = await ctx.ds.dedicatedServers.operatingSystem(os.id, os.controlPanelId);
    return full?.[key] ?? null;
  };

export const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  matches: (id) => /^\d+$/.test(id),
  load: async (ctx, id) => {
    const server = await ctx.ds.dedicatedServers.get(id);
    return server ? typed(TYPENAME, server) : null;
  },
  ipView: (ctx, id, address) => ctx.ds.dedicatedServers.ipView(id, address),
};

export const nodeFetchers: NodeFetchers = {
  DedicatedServer: (ctx, [id]) => equipmentKind.load(ctx, id!),
  DedicatedServerJob: async (ctx, [serverId, jobId]) => {
    const job = await ctx.ds.dedicatedServers.job(serverId!, jobId!);
    return job ? typed('DedicatedServerJob', job) : null;
  },
  OperatingSystem: async (ctx, [id]) => {
    const os = await ctx.ds.dedicatedServers.operatingSystemSummary(id!);
    return os ? typed('OperatingSystem', { ...os }) : null;
  },
};

export const resolvers: Resolvers = {
  Query: {
    dedicatedServers: (_, { first, after, filter }, ctx) =>
      ctx.ds.dedicatedServers.list(toWindow({ first, after }), filter ?? {}),
    dedicatedServer: (_, { id }, ctx) => ctx.ds.dedicatedServers.get(serverIdArg(id)),
    dedicatedServerOperatingSystems: async (_, { first, after, controlPanelId }, ctx) => {
      const page = await ctx.ds.dedicatedServers.operatingSystems(toWindow({ first, after }), controlPanelId);
      return { ...page, items: page.items.map((os) => ({ ...os, controlPanelId })) };
    },
    dedicatedServerOperatingSystem: async (_, { id, controlPanelId }, ctx) => {
      const os = await ctx.ds.dedicatedServers.operatingSystem(id, controlPanelId);
      return os ? { ...os, controlPanelId } : null;
    },
    dedicatedServerControlPanels: (_, { first, after, operatingSystemId }, ctx) =>
      ctx.ds.dedicatedServers.controlPanels(toWindow({ first, after }), operatingSystemId),
    dedicatedServerRescueImages: (_, { first, after }, ctx) => ctx.ds.dedicatedServers.rescueImages(toWindow({ first, after })),
  },

  DedicatedServer: {
    id: (s) => gid(TYPENAME, s.id),
    leasewebId: (s) => s.id,
    reference: (s) => s.contract.reference,
    serialNumber: fromDetail((s) => s.serialNumber ?? null),
    contract: async (s, _, ctx, info) =>
      onlySelects(info, ['contractId', 'customerId', 'salesOrgId', 'deliveryStatus', 'reference']) ? s.contract : (await detail(s, ctx)).contract,
    isPrivateNetworkCapable: fromDetail((s) => s.isPrivateNetworkCapable ?? null),
    isPrivateNetworkEnabled: fromDetail((s) => s.isPrivateNetworkEnabled ?? null),
    isRedundantPrivateNetworkCapable: fromDetail((s) => s.isRedundantPrivateNetworkCapable ?? null),
    powerPorts: async (s, _, ctx) => s.powerPorts ?? (await detail(s, ctx)).powerPorts ?? null,
    rack: async (s, _, ctx, info) => (onlySelects(info, ['type']) ? s.rack : (await detail(s, ctx)).rack),
    specs: fromDetail((s) => s.specs ?? null),
    ips: async (s, { first, after, filter }, ctx) => {
      const window = toWindow({ first, after });
      if (filter?.networkType) {
        // ipMgmt has no network type: ask the server itself.
        const page = await ctx.ds.dedicatedServers.ips(s.id, window, filter);
        return ipPage(page, (ip) => ipFromView(ip, owner(s)));
      }
      // Batched with every other server of the query into one ipMgmt ?equipmentIds= call.
      const only = filter?.ips?.map(bareIp);
      const ips = (await ctx.ds.ipManagement.ofEquipment(s.id))
        .filter((ip) => filter?.version == null || ip.version === filter.version)
        .filter((ip) => filter?.nullRouted == null || ip.nullRouted === filter.nullRouted)
        .filter((ip) => !only || only.includes(bareIp(ip.ip)));
      return ipPage(slicePage(ips, window), (ip) => ipFromMgmt(ip, owner(s)));
    },
    ip: async (s, { ip }, ctx) => {
      const view = await ctx.ds.dedicatedServers.ip(s.id, ip);
      return view ? ipFromView(view, owner(s)) : null;
    },
    nullRouteHistory: (s, { first, after }, ctx) => ctx.ds.dedicatedServers.nullRouteHistory(s.id, toWindow({ first, after })),
    networkInterfaceStatuses: (s, _, ctx) => ctx.ds.dedicatedServers.networkInterfaces(s.id),
    networkInterfaceStatus: (s, { networkType }, ctx) =>
      ctx.ds.dedicatedServers.networkInterface(s.id, INTERFACE_SEGMENT[networkType]),
    hardwareInformation: (s, _, ctx) => ctx.ds.dedicatedServers.hardwareInfo(s.id),
    bandwidthMetrics: (s, { from, to, granularity, aggregation }, ctx) =>
      ctx.ds.dedicatedServers.metrics(s.id, 'bandwidth', {
        from,
        to,
        granularity: granularity ? GRANULARITY[granularity] : undefined,
        aggregation: aggregation === 'PERCENTILE_95' ? '95TH' : aggregation,
      }),
    datatrafficMetrics: (s, { from, to, granularity, aggregation }, ctx) =>
      ctx.ds.dedicatedServers.metrics(s.id, 'datatraffic', {
        from,
        to,
        granularity: granularity ? GRANULARITY[granularity] : undefined,
        aggregation: aggregation ?? 'SUM',
      }),
    notificationSettings: (s, { kind, first, after }, ctx) =>
      ctx.ds.dedicatedServers.notificationSettings(s.id, NOTIFICATION_KIND[kind], toWindow({ first, after })),
    notificationSetting: (s, { kind, id }, ctx) => ctx.ds.dedicatedServers.notificationSetting(s.id, NOTIFICATION_KIND[kind], id),
    ddosNotificationSettings: (s, _, ctx) => ctx.ds.dedicatedServers.ddosNotificationSettings(s.id),
    powerStatus: (s, _, ctx) => ctx.ds.dedicatedServers.powerStatus(s.id),
    jobs: (s, { first, after, filter }, ctx) => ctx.ds.dedicatedServers.jobs(s.id, toWindow({ first, after }), filter ?? {}),
    job: (s, { id }, ctx) => ctx.ds.dedicatedServers.job(s.id, id),
    credentials: (s, { type, first, after }, ctx) => ctx.ds.dedicatedServers.credentials(s.id, toWindow({ first, after }), type),
    credential: (s, { type, username }, ctx) => ctx.ds.dedicatedServers.credential(s.id, type, username),
    dhcpReservations: (s, _, ctx) => ctx.ds.dedicatedServers.dhcpReservations(s.id),
  },

  DedicatedServerContract: {
    contractId: (c) => c.id,
    pricePerFrequency: (c) => (c.pricePerFrequency == null ? null : Number(c.pricePerFrequency)),
  },
  DedicatedServerNetworkInterface: {
    ports: (i) => i.ports ?? [],
  },
  DedicatedServerPrivateNetwork: {
    privateNetworkId: (p) => p.id,
  },
  DedicatedServerRack: {
    rackId: (r) => r.id ?? null,
  },
  DedicatedServerSpecs: {
    pciCards: (s) => s.pciCards.map((c) => (typeof c === 'string' ? c : c.description)),
  },
  DedicatedServerDisk: {
    diskId: (d) => d.id,
  },
  DedicatedServerHardwareInformation: {
    scanId: (h) => h.id,
  },
  NotificationSetting: {
    settingId: (n) => n.id,
    threshold: (n) => Number(n.threshold),
  },
  DedicatedServerPowerStatus: {
    ipmi: (p) => p.ipmi?.status ?? null,
    pdu: (p) => p.pdu?.status ?? null,
    poweredOn: (p) => p.ipmi?.status === 'on' && p.pdu?.status === 'on',
  },
  DedicatedServerJob: {
    id: (j) => gid('DedicatedServerJob', j.serverId, j.uuid),
    leasewebId: (j) => j.uuid,
    server: (j, _, ctx) => equipmentKind.load(ctx, j.serverId) as Promise<Server | null>,
    operatingSystem: (j, _, ctx) => jobOperatingSystem(j, ctx),
    // The job list leaves tasks out: read them from the job itself when asked for.
    tasks: async (j, _, ctx) => j.tasks ?? (await ctx.ds.dedicatedServers.job(j.serverId, j.uuid))?.tasks ?? null,
  },
  DedicatedServerJobTask: {
    taskId: (t) => t.uuid,
  },
  OperatingSystem: {
    id: (os) => gid('OperatingSystem', os.id),
    leasewebId: (os) => os.id,
    configurable: osDetail('configurable'),
    features: osDetail('features'),
    supportedBootDevices: osDetail('supportedBootDevices'),
    supportedFileSystems: osDetail('supportedFileSystems'),
    defaults: osDetail('defaults'),
    architecture: osDetail('architecture'),
    family: osDetail('family'),
    type: osDetail('type'),
    version: osDetail('version'),
    controlPanels: (os, { first, after }, ctx) => ctx.ds.dedicatedServers.controlPanels(toWindow({ first, after }), os.id),
  },
  Partition: {
    size: (p) => String(p.size),
  },
  ControlPanel: {
    controlPanelId: (c) => c.id,
  },
  RescueImage: {
    rescueImageId: (r) => r.id,
  },

  DedicatedServerConnection: connectionResolvers,
  DedicatedServerNullRouteConnection: connectionResolvers,
  NotificationSettingConnection: connectionResolvers,
  DedicatedServerJobConnection: connectionResolvers,
  CredentialConnection: connectionResolvers,
  OperatingSystemConnection: connectionResolvers,
  ControlPanelConnection: connectionResolvers,
  RescueImageConnection: connectionResolvers,
};

