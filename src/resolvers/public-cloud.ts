import type { GraphQLContext } from '../context.js';
import { bareIp } from '../datasources/ip-management.js';
import { slicePage, type Page } from '../datasources/page.js';
import type { ProductIpView } from '../datasources/types/ip-management.js';
import type { Image, ImageModel, Instance, InstanceIp, InstanceType, InstanceTypeModel, Snapshot, SnapshotModel } from '../datasources/types/public-cloud.js';
import type { PublicCloudCpuMetricsGranularity, Resolvers } from '../generated/graphql.js';
import { expectGid, gid, parseGid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import { ipFromMgmt, ipFromView, ipPage } from './ip-management.js';
import type { NodeFetchers } from './nodes.js';
import { localId, typed } from './support.js';

const TYPENAME = 'PublicCloudInstance';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const owner = (i: Instance) => ({ typename: TYPENAME, id: i.id });

/** The instance id named by an argument (UUID or global id). */
export const instanceIdArg = (id: string) => localId(id, TYPENAME);

/** A snapshot id named by an argument: its UUID, or its global id (which also names the instance). */
export const snapshotIdArg = (id: string) => (parseGid(id) ? expectGid(id, 'PublicCloudSnapshot', 2)[1]! : id);

const CPU_GRANULARITY: Record<PublicCloudCpuMetricsGranularity, string> = {
  FIVE_MINUTES: '5m',
  TEN_MINUTES: '10m',
  THIRTY_MINUTES: '30m',
  SIXTY_MINUTES: '60m',
};

/** Leaseweb documents these parameters as dates (`2023-11-01`): the time part is dropped. */
const dateOnly = (value: string) => value.slice(0, 10);

/** An instance IP as the shared Ip type reads it (Public Cloud sends `prefixLength` as a string). */
export function toIpView(ip: InstanceIp): ProductIpView {
  return { ...ip, prefixLength: Number(ip.prefixLength) };
}

/** The list returns a summary; `iso` and `privateNetwork` load GET /instances/{id} (once). */
async function detail(i: Instance, ctx: GraphQLContext): Promise<Instance> {
  if (i.iso !== undefined) return i;
  return (await ctx.ds.publicCloud.get(i.id)) ?? i;
}

/** An instance embeds its image's id, name, family, flavour and `custom`; the rest is in the catalogue. */
async function catalogued(img: ImageModel, ctx: GraphQLContext): Promise<ImageModel> {
  if (img.state !== undefined) return img;
  return (await ctx.ds.publicCloud.image(img.id)) ?? img;
}

const fromCatalogue =
  <K extends keyof Image>(key: K) =>
  async (img: ImageModel, _args: unknown, ctx: GraphQLContext): Promise<Image[K] | null> =>
    ((await catalogued(img, ctx))[key] as Image[K] | undefined) ?? null;

/** An instance type reached from an instance knows its name and region; the rest is in the region's catalogue. */
async function fullType(t: InstanceTypeModel, ctx: GraphQLContext): Promise<Partial<InstanceType>> {
  if (t.prices !== undefined || !t.region) return t;
  return (await ctx.ds.publicCloud.instanceType(t.region, t.name)) ?? t;
}

const inRegion = (page: Page<InstanceType>, region: string | null): Page<InstanceTypeModel> => ({
  ...page,
  items: page.items.map((t) => ({ ...t, region })),
});

const withInstance = (instanceId: string, s: Snapshot): SnapshotModel => ({ ...s, instanceId });

export const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  matches: (id) => UUID.test(id),
  load: async (ctx, id) => {
    const instance = await ctx.ds.publicCloud.get(id);
    return instance ? typed(TYPENAME, instance) : null;
  },
  ipView: async (ctx, id, address) => {
    const view = await ctx.ds.publicCloud.ipView(id, address);
    return view ? toIpView(view) : null;
  },
};

export const nodeFetchers: NodeFetchers = {
  PublicCloudInstance: (ctx, [id]) => equipmentKind.load(ctx, id!),
  PublicCloudSnapshot: async (ctx, [instanceId, snapshotId]) => {
    const snapshot = await ctx.ds.publicCloud.snapshot(instanceId!, snapshotId!);
    return snapshot ? typed('PublicCloudSnapshot', withInstance(instanceId!, snapshot)) : null;
  },
  PublicCloudImage: async (ctx, [id]) => {
    const image = await ctx.ds.publicCloud.image(id!);
    return image ? typed('PublicCloudImage', { ...image }) : null;
  },
};

export const resolvers: Resolvers = {
  Query: {
    publicCloudRegions: (_, { first, after }, ctx) => ctx.ds.publicCloud.regions(toWindow({ first, after })),
    publicCloudInstanceTypes: async (_, { region, first, after }, ctx) =>
      inRegion(await ctx.ds.publicCloud.instanceTypes(region, toWindow({ first, after })), region),
    publicCloudInstances: (_, { first, after, filter }, ctx) => {
      const { states, id, ...rest } = filter ?? {};
      return ctx.ds.publicCloud.list(toWindow({ first, after }), { ...rest, id: id ? instanceIdArg(id) : id, state: states });
    },
    publicCloudInstance: (_, { id }, ctx) => ctx.ds.publicCloud.get(instanceIdArg(id)),
    publicCloudImages: (_, { first, after, filter }, ctx) => ctx.ds.publicCloud.images(toWindow({ first, after }), filter ?? {}),
    publicCloudIsos: (_, { first, after }, ctx) => ctx.ds.publicCloud.isos(toWindow({ first, after })),
    publicCloudExpenses: (_, { equipmentId, from, to }, ctx) =>
      ctx.ds.publicCloud.expenses(instanceIdArg(equipmentId), dateOnly(from), to ? dateOnly(to) : undefined),
  },

  PublicCloudInstance: {
    id: (i) => gid(TYPENAME, i.id),
    leasewebId: (i) => i.id,
    regionName: (i) => i.region,
    region: (i) => ({ name: i.region }),
    instanceType: (i) => ({ name: i.type, region: i.region }),
    image: (i) => i.image,
    iso: async (i, _, ctx) => (await detail(i, ctx)).iso ?? null,
    privateNetwork: async (i, _, ctx) => (await detail(i, ctx)).privateNetwork ?? null,
    ips: async (i, { first, after, filter }, ctx) => {
      const window = toWindow({ first, after });
      if (filter?.networkType) {
        // ipMgmt has no network type (and no internal IPs): ask the instance, which has no network-type filter either.
        const ips = (await ctx.ds.publicCloud.ips(i.id, filter)).filter((ip) => ip.networkType === filter.networkType);
        return ipPage(slicePage(ips, window), (ip) => ipFromView(toIpView(ip), owner(i)));
      }
      // Batched with every other instance (and server) of the query into one ipMgmt ?equipmentIds= call.
      const only = filter?.ips?.map(bareIp);
      const ips = (await ctx.ds.ipManagement.ofEquipment(i.id))
        .filter((ip) => filter?.version == null || ip.version === filter.version)
        .filter((ip) => filter?.nullRouted == null || ip.nullRouted === filter.nullRouted)
        .filter((ip) => !only || only.includes(bareIp(ip.ip)));
      return ipPage(slicePage(ips, window), (ip) => ipFromMgmt(ip, owner(i)));
    },
    ip: async (i, { ip }, ctx) => {
      const view = await ctx.ds.publicCloud.ip(i.id, ip);
      return view ? ipFromView(toIpView(view), owner(i)) : null;
    },
    console: (i, _, ctx) => ctx.ds.publicCloud.console(i.id),
    instanceTypesForUpdate: async (i, { first, after }, ctx) =>
      inRegion(await ctx.ds.publicCloud.instanceTypesForUpdate(i.id, toWindow({ first, after })), i.region),
    credentials: async (i, { type, first, after }, ctx) => slicePage(await ctx.ds.publicCloud.credentials(i.id, type), toWindow({ first, after })),
    credential: (i, { type, username }, ctx) => ctx.ds.publicCloud.credential(i.id, type, username),
    snapshots: async (i, { first, after }, ctx) => {
      const page = await ctx.ds.publicCloud.snapshots(i.id, toWindow({ first, after }));
      return { ...page, items: page.items.map((s) => withInstance(i.id, s)) };
    },
    snapshot: async (i, { id }, ctx) => {
      const snapshot = await ctx.ds.publicCloud.snapshot(i.id, snapshotIdArg(id));
      return snapshot ? withInstance(i.id, snapshot) : null;
    },
    reinstallImages: (i, { first, after, custom, standard }, ctx) =>
      ctx.ds.publicCloud.reinstallImages(i.id, toWindow({ first, after }), { custom, standard }),
    cpuMetrics: (i, { from, to, granularity }, ctx) =>
      ctx.ds.publicCloud.metrics(i.id, 'cpu', { from, to, granularity: granularity ? CPU_GRANULARITY[granularity] : undefined }),
    // DAY and SUM are the only values Leaseweb accepts; sent so the answer says what it is.
    dataTrafficMetrics: (i, { from, to }, ctx) =>
      ctx.ds.publicCloud.metrics(i.id, 'datatraffic', { from, to, granularity: 'DAY', aggregation: 'SUM' }),
    expenses: (i, { from, to }, ctx) => ctx.ds.publicCloud.expenses(i.id, dateOnly(from), to ? dateOnly(to) : undefined),
  },

  PublicCloudRegion: {
    location: async (r, _, ctx) => r.location ?? (await ctx.ds.publicCloud.region(r.name))?.location ?? null,
  },
  PublicCloudInstanceType: {
    regionName: (t) => t.region,
    resources: async (t, _, ctx) => (await fullType(t, ctx)).resources ?? null,
    prices: async (t, _, ctx) => (await fullType(t, ctx)).prices ?? null,
    storageTypes: async (t, _, ctx) => (await fullType(t, ctx)).storageTypes ?? null,
  },
  PublicCloudPrices: {
    localStorage: (p) => p.storage.local,
    centralStorage: (p) => p.storage.central,
  },
  PublicCloudPrice: {
    hourly: (p) => Number(p.hourlyPrice),
    monthly: (p) => Number(p.monthlyPrice),
  },
  PublicCloudImage: {
    id: (img) => gid('PublicCloudImage', img.id),
    leasewebId: (img) => img.id,
    version: fromCatalogue('version'),
    architecture: fromCatalogue('architecture'),
    marketApps: fromCatalogue('marketApps'),
    storageTypes: fromCatalogue('storageTypes'),
    storageSize: fromCatalogue('storageSize'),
    state: fromCatalogue('state'),
    stateReason: fromCatalogue('stateReason'),
    region: async (img, _, ctx) => {
      const region = (await catalogued(img, ctx)).region;
      return region ? { name: region } : null;
    },
    createdAt: fromCatalogue('createdAt'),
    updatedAt: fromCatalogue('updatedAt'),
    minDiskSize: fromCatalogue('minDiskSize'),
  },
  PublicCloudIso: {
    isoId: (iso) => iso.id,
  },
  PublicCloudAutoScalingGroupSummary: {
    autoScalingGroupId: (a) => a.id,
  },
  PublicCloudSnapshot: {
    id: (s) => gid('PublicCloudSnapshot', s.instanceId, s.id),
    leasewebId: (s) => s.id,
    name: (s) => s.displayName,
    createdAt: (s) => s.created,
    instance: (s, _, ctx) => equipmentKind.load(ctx, s.instanceId) as Promise<Instance | null>,
  },
  PublicCloudMetrics: {
    from: (m) => m._metadata?.from ?? null,
    to: (m) => m._metadata?.to ?? null,
    granularity: (m) => m._metadata?.granularity ?? null,
    aggregation: (m) => m._metadata?.aggregation ?? null,
    unit: (m) => m._metadata?.unit ?? null,
    series: (m) => Object.entries(m.metrics ?? {}).map(([name, s]) => ({ name, unit: s.unit, values: s.values })),
    summary: (m) => Object.entries(m._metadata?.summary ?? {}).map(([name, s]) => ({ ...s, name })),
  },
  PublicCloudExpenses: {
    instances: (e) => e.billing?.instances ?? [],
    trafficUnit: (e) => e.billing?.traffic?.unit ?? null,
    trafficTiers: (e) => Object.entries(e.billing?.traffic?.values ?? {}).map(([tier, t]) => ({ ...t, tier })),
    totalPrice: (e) => {
      const instances = (e.billing?.instances ?? []).reduce((sum, i) => sum + Number(i.price), 0);
      const traffic = Object.values(e.billing?.traffic?.values ?? {}).reduce((sum, t) => sum + t.price, 0);
      return Math.round((instances + traffic) * 100) / 100;
    },
  },
  PublicCloudExpenseInstance: {
    instanceId: (e) => e.id,
    instance: (e, _, ctx) => equipmentKind.load(ctx, e.id) as Promise<Instance | null>,
    price: (e) => Number(e.price),
  },

  PublicCloudRegionConnection: connectionResolvers,
  PublicCloudInstanceTypeConnection: connectionResolvers,
  PublicCloudInstanceConnection: connectionResolvers,
  PublicCloudImageConnection: connectionResolvers,
  PublicCloudIsoConnection: connectionResolvers,
  PublicCloudSnapshotConnection: connectionResolvers,
};
