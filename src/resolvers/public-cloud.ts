import type { GraphQLContext } from '../context.js';
import type { Page } from '../datasources/page.js';
import { documentedDate } from '../datasources/path.js';
import type { Image, ImageModel, Instance, InstanceType, InstanceTypeModel } from '../datasources/types/public-cloud.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { decimal, money, sumDecimals } from './money.js';
import { marketAppNodes, marketAppResolvers } from './public-cloud-market-apps.js';
import { mutations } from './public-cloud.mutations.js';
import { localId, typed } from './support.js';

const TYPENAME = 'PublicCloudInstance';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The instance id named by an argument (UUID or global id). */
const instanceIdArg = (id: string) => localId(id, TYPENAME);

/** Leaseweb documents these parameters as dates (`2023-11-01`): the time part is dropped. */

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

const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  productIds: ['PUBLIC_CLOUD'],
  matches: (id) => UUID.test(id),
  load: async (ctx, id) => {
    const instance = await ctx.ds.publicCloud.get(id);
    return instance ? typed(TYPENAME, instance) : null;
  },
  forget: (ctx, id) => ctx.ds.publicCloud.forget(id),
};

const nodes: NodeFetchers = {
  PublicCloudInstance: (ctx, [id]) => equipmentKind.load(ctx, id!),
  PublicCloudImage: async (ctx, [id]) => {
    const image = await ctx.ds.publicCloud.image(id!);
    return image ? typed('PublicCloudImage', { ...image }) : null;
  },
  PublicCloudRegion: async (ctx, [name]) => {
    const region = await ctx.ds.publicCloud.region(name!);
    return region ? typed('PublicCloudRegion', { ...region }) : null;
  },
  PublicCloudIso: async (ctx, [id]) => {
    const iso = await ctx.ds.publicCloud.iso(id!);
    return iso ? typed('PublicCloudIso', { ...iso }) : null;
  },
};

const resolvers: Resolvers = {
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
      ctx.ds.publicCloud.expenses(instanceIdArg(equipmentId), documentedDate(from), to ? documentedDate(to) : undefined),
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
    instanceTypesForUpdate: async (i, { first, after }, ctx) =>
      inRegion(await ctx.ds.publicCloud.instanceTypesForUpdate(i.id, toWindow({ first, after })), i.region),
    reinstallImages: (i, { first, after, custom, standard }, ctx) =>
      ctx.ds.publicCloud.reinstallImages(i.id, toWindow({ first, after }), { custom, standard }),
    expenses: (i, { from, to }, ctx) => ctx.ds.publicCloud.expenses(i.id, documentedDate(from), to ? documentedDate(to) : undefined),
  },

  PublicCloudRegion: {
    id: (r) => gid('PublicCloudRegion', r.name),
    location: async (r, _, ctx) => r.location ?? (await ctx.ds.publicCloud.region(r.name))?.location ?? null,
  },
  PublicCloudInstanceType: {
    regionName: (t) => t.region,
    resources: async (t, _, ctx) => (await fullType(t, ctx)).resources ?? null,
    prices: async (t, _, ctx) => (await fullType(t, ctx)).prices ?? null,
    storageTypes: async (t, _, ctx) => (await fullType(t, ctx)).storageTypes ?? null,
  },
  PublicCloudPrices: {
    compute: (p) => ({ ...p.compute, currency: p.currency }),
    localStorage: (p) => ({ ...p.storage.local, currency: p.currency }),
    centralStorage: (p) => ({ ...p.storage.central, currency: p.currency }),
  },
  PublicCloudPrice: {
    hourly: (p) => money(p.hourlyPrice, p.currency),
    monthly: (p) => money(p.monthlyPrice, p.currency),
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
    id: (iso) => gid('PublicCloudIso', iso.id),
    isoId: (iso) => iso.id,
  },
  PublicCloudAutoScalingGroupSummary: {
    autoScalingGroupId: (a) => a.id,
  },
  PublicCloudExpenses: {
    instances: (e) => e.billing?.instances ?? [],
    trafficUnit: (e) => e.billing?.traffic?.unit ?? null,
    trafficTiers: (e) => Object.entries(e.billing?.traffic?.values ?? {}).map(([tier, t]) => ({ ...t, tier })),
    totalPrice: (e) =>
      sumDecimals([
        ...(e.billing?.instances ?? []).map((i) => i.price),
        ...Object.values(e.billing?.traffic?.values ?? {}).map((t) => t.price),
      ]),
  },
  PublicCloudExpenseInstance: {
    instanceId: (e) => e.id,
    instance: (e, _, ctx) => equipmentKind.load(ctx, e.id) as Promise<Instance | null>,
    price: (e) => decimal(e.price),
  },
  PublicCloudTrafficTier: {
    price: (t) => decimal(t.price),
  },

  PublicCloudRegionConnection: connectionResolvers,
  PublicCloudInstanceTypeConnection: connectionResolvers,
  PublicCloudInstanceConnection: connectionResolvers,
  PublicCloudImageConnection: connectionResolvers,
  PublicCloudIsoConnection: connectionResolvers,
};

export const publicCloud: ProductGraph = {
  resolvers: [resolvers, mutations, marketAppResolvers],
  nodes: { ...nodes, ...marketAppNodes },
  equipment: [equipmentKind],
};
