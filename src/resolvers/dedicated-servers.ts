import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { INTERFACE_SEGMENT } from '../datasources/dedicated-servers.js';
import type { OperatingSystem, OperatingSystemModel, Server, ServerJob } from '../datasources/types/dedicated-servers.js';
import type { Resolvers } from '../generated/graphql.js';
import { orNull } from '../datasources/loaders.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { mutations } from './dedicated-servers.mutations.js';
import { money } from './money.js';
import { localId, onlySelects, selectedFields, selectedFieldsAt, typed } from './support.js';

const TYPENAME = 'DedicatedServer';

/** The server id named by an argument (Leaseweb id or global id). */
const serverIdArg = (id: string) => localId(id, TYPENAME);

/**
 * The list returns a summary (the `dedicatedServers` list, and edges the list answered:
 * see DedicatedServersAPI.lookup); fields only the detail has load GET /servers/{id} (once).
 */
async function detail(s: Server, ctx: GraphQLContext): Promise<Server> {
  if (isDetail(s)) return s;
  return (await ctx.ds.dedicatedServers.get(s.id)) ?? s;
}

/** Only the detail carries `specs`. */
const isDetail = (s: Server) => s.specs !== undefined;

/** The contract's fields the list carries. */
const CONTRACT_SUMMARY = ['contractId', 'customerId', 'salesOrgId', 'deliveryStatus', 'reference'];

/**
 * Fields of a server only the detail answers: those below that read `detail`, `powerPorts`
 * (the list may leave it out) and `aggregationPack` (it needs the contract's
 * `aggregationPackId`, src/resolvers/aggregation-packs.ts). A field missing here still
 * answers (its resolver loads the detail), at one call more. `dedicatedRack` is left out on
 * purpose: only a server in a dedicated rack needs its detail for it.
 */
const DETAIL_FIELDS = new Set([
  'serialNumber',
  'isPrivateNetworkCapable',
  'isPrivateNetworkEnabled',
  'isRedundantPrivateNetworkCapable',
  'specs',
  'powerPorts',
  'aggregationPack',
]);

/**
 * True when the servers a field returns are asked for something the list's summary lacks,
 * or may lack (`ipmiReboot`, an interface's `nullRouted`: left out in its samples, they
 * would answer null). The selection may hold other types' fragments too: a name they share
 * errs towards the detail, that is each server's GET, as before there was a list to read.
 * Worked out once per field of the query, not per server.
 */
function asksForDetail(info: GraphQLResolveInfo): boolean {
  let asks = detailAsked.get(info.fieldNodes);
  if (asks === undefined) {
    const at = (...path: string[]) => [...selectedFieldsAt(info, path)].filter((name) => name !== '__typename');
    asks =
      at().some((name) => DETAIL_FIELDS.has(name)) ||
      at('contract').some((name) => !CONTRACT_SUMMARY.includes(name)) ||
      at('rack').some((name) => name !== 'type') ||
      at('privateNetworks').includes('dhcp') ||
      INTERFACES.some((k) => at('networkInterfaces', k).some((name) => name === 'locationId' || name === 'nullRouted')) ||
      at('featureAvailability').includes('ipmiReboot');
    detailAsked.set(info.fieldNodes, asks);
  }
  return asks;
}

const detailAsked = new WeakMap<readonly FieldNode[], boolean>();
const INTERFACES = ['public', 'internal', 'remoteManagement'] as const;

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

const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  productIds: ['DEDICATED_SERVER'],
  matches: (id) => /^\d+$/.test(id),
  // Reached from an IP, a service, a probe or `nodes(ids:)`, several servers at once may be
  // read from the list (a summary; its resolvers fill in the rest). Unless the query asks
  // for a field only the detail has: then each server costs its GET anyway, and the list
  // would be one call more.
  load: async (ctx, id, info) => {
    const servers = ctx.ds.dedicatedServers;
    const server = await (info && asksForDetail(info) ? servers.get(id) : servers.lookup(id));
    return server ? typed(TYPENAME, server) : null;
  },
  forget: (ctx, id) => ctx.ds.dedicatedServers.forget(id),
};

const nodes: NodeFetchers = {
  DedicatedServer: (ctx, [id], info) => equipmentKind.load(ctx, id!, info),
  DedicatedServerJob: async (ctx, [serverId, jobId]) => {
    const job = await ctx.ds.dedicatedServers.job(serverId!, jobId!);
    return job ? typed('DedicatedServerJob', job) : null;
  },
  DhcpReservation: async (ctx, [serverId, ...rest]) => {
    if (rest.length) return null;
    const [reservation] = await orNull(ctx.ds.dedicatedServers.dhcpReservations(serverId!)).then((r) => r ?? []);
    return reservation ? typed('DhcpReservation', reservation) : null;
  },
  ControlPanel: async (ctx, [id]) => {
    const panel = await ctx.ds.dedicatedServers.controlPanel(id!);
    return panel ? typed('ControlPanel', { ...panel }) : null;
  },
  RescueImage: async (ctx, [id]) => {
    const image = await ctx.ds.dedicatedServers.rescueImage(id!);
    return image ? typed('RescueImage', { ...image }) : null;
  },
  OperatingSystem: async (ctx, [id]) => {
    const os = await ctx.ds.dedicatedServers.operatingSystemSummary(id!);
    return os ? typed('OperatingSystem', { ...os }) : null;
  },
};

const resolvers: Resolvers = {
  Query: {
    dedicatedServers: (_, { first, after, filter }, ctx) => ctx.ds.dedicatedServers.list(toWindow({ first, after }), filter ?? {}),
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
    contract: async (s, _, ctx, info) => (onlySelects(info, CONTRACT_SUMMARY) ? s.contract : (await detail(s, ctx)).contract),
    isPrivateNetworkCapable: fromDetail((s) => s.isPrivateNetworkCapable ?? null),
    isPrivateNetworkEnabled: fromDetail((s) => s.isPrivateNetworkEnabled ?? null),
    isRedundantPrivateNetworkCapable: fromDetail((s) => s.isRedundantPrivateNetworkCapable ?? null),
    powerPorts: async (s, _, ctx) => s.powerPorts ?? (await detail(s, ctx)).powerPorts ?? null,
    rack: async (s, _, ctx, info) => (onlySelects(info, ['type']) ? s.rack : (await detail(s, ctx)).rack),
    // The list leaves out each private network's `dhcp` and each interface's `locationId`
    // (listServers sample): asked for on a summary, they come from the detail.
    privateNetworks: (s, _, ctx, info) =>
      !isDetail(s) && s.privateNetworks.some((p) => p.dhcp === undefined) && selectedFields(info).has('dhcp')
        ? detail(s, ctx).then((d) => d.privateNetworks)
        : s.privateNetworks,
    networkInterfaces: (s, _, ctx, info) =>
      !isDetail(s) &&
      INTERFACES.some((k) => s.networkInterfaces[k] && s.networkInterfaces[k].locationId === undefined) &&
      INTERFACES.some((k) => selectedFieldsAt(info, [k]).has('locationId'))
        ? detail(s, ctx).then((d) => d.networkInterfaces)
        : s.networkInterfaces,
    specs: fromDetail((s) => s.specs ?? null),
    networkInterfaceStatuses: (s, _, ctx) => ctx.ds.dedicatedServers.networkInterfaces(s.id),
    networkInterfaceStatus: (s, { networkType }, ctx) => ctx.ds.dedicatedServers.networkInterface(s.id, INTERFACE_SEGMENT[networkType]),
    hardwareInformation: (s, _, ctx) => ctx.ds.dedicatedServers.hardwareInfo(s.id),
    jobs: (s, { first, after, filter }, ctx) => ctx.ds.dedicatedServers.jobs(s.id, toWindow({ first, after }), filter ?? {}),
    job: (s, { id }, ctx) => ctx.ds.dedicatedServers.job(s.id, id),
    dhcpReservations: (s, _, ctx) => ctx.ds.dedicatedServers.dhcpReservations(s.id),
  },

  DhcpReservation: {
    id: (r) => gid('DhcpReservation', r.serverId),
    dedicatedServer: (r, _, ctx) => ctx.ds.dedicatedServers.get(r.serverId),
  },

  DedicatedServerContract: {
    contractId: (c) => c.id,
    pricePerFrequency: (c) => (c.pricePerFrequency == null || !c.currency ? null : money(c.pricePerFrequency, c.currency)),
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
  DedicatedServerJob: {
    id: (j) => gid('DedicatedServerJob', j.serverId, j.uuid),
    leasewebId: (j) => j.uuid,
    server: (j, _, ctx, info) => equipmentKind.load(ctx, j.serverId, info) as Promise<Server | null>,
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
    id: (c) => gid('ControlPanel', c.id),
    controlPanelId: (c) => c.id,
  },
  RescueImage: {
    id: (r) => gid('RescueImage', r.id),
    rescueImageId: (r) => r.id,
  },

  DedicatedServerConnection: connectionResolvers,
  DedicatedServerJobConnection: connectionResolvers,
  OperatingSystemConnection: connectionResolvers,
  ControlPanelConnection: connectionResolvers,
  RescueImageConnection: connectionResolvers,
};

export const dedicatedServers: ProductGraph = {
  resolvers: [resolvers, mutations],
  nodes,
  equipment: [equipmentKind],
};
