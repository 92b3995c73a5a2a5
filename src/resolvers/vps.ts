import type { GraphQLContext } from '../context.js';
import type { Vps } from '../datasources/types/vps.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { given, inputId, localId, payload, selectedFields, typed } from './support.js';

const TYPENAME = 'Vps';

/** A VPS id is a number as a string (`123581321`), like a dedicated server's. */
const NUMERIC = /^\d+$/;

const vpsIdArg = (id: string) => localId(id, TYPENAME);
const vpsInput = (id: string) => inputId(id, TYPENAME, 'vpsId');

/** The list returns a summary; contract, ISO and resources load GET /vps/{id} (once per VPS). */
async function detail(v: Vps, ctx: GraphQLContext): Promise<Vps> {
  if (v.contract !== undefined) return v;
  return (await ctx.ds.vps.get(v.id)) ?? v;
}

/**
 * VPS ids are numeric, as dedicated servers' are: an untyped `equipmentId` (an ipMgmt IP,
 * a null route) that is a number is tried as a server first (manifest order), then as a
 * VPS: at most one 404 more per distinct id and request, each read shared through the
 * by-id loader. A typed path (a service's productId, an owner's IP) costs no probe.
 */
const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  // Leaseweb documents no productId for VPS services; `VPS` is what the emulator bills under.
  productIds: ['VPS'],
  matches: (id) => NUMERIC.test(id),
  load: async (ctx, id) => {
    const vps = await ctx.ds.vps.get(id);
    return vps ? typed(TYPENAME, vps) : null;
  },
  forget: (ctx, id) => ctx.ds.vps.forget(id),
};

const nodes: NodeFetchers = {
  Vps: (ctx, [id]) => equipmentKind.load(ctx, id!),
};

/** Runs a bodiless write on one VPS and answers the VPS read again, when the payload asks for it. */
function onVps(ctx: GraphQLContext, vpsId: string, wants: boolean, write: (id: string) => Promise<unknown>) {
  return payload(async () => {
    const id = vpsInput(vpsId);
    await write(id);
    return { vps: wants ? await ctx.ds.vps.get(id) : null };
  });
}

const resolvers: Resolvers = {
  Query: {
    vpsList: (_, { first, after, filter }, ctx) => {
      const { id, ...rest } = filter ?? {};
      return ctx.ds.vps.list(toWindow({ first, after }), { ...rest, id: id ? vpsIdArg(id) : id });
    },
    vps: (_, { id }, ctx) => ctx.ds.vps.get(vpsIdArg(id)),
    vpsImages: (_, { first, after, filter }, ctx) => ctx.ds.vps.images(toWindow({ first, after }), filter ?? {}),
    vpsIsos: (_, { first, after }, ctx) => ctx.ds.vps.isos(toWindow({ first, after })),
  },
  Mutation: {
    updateVps: (_, { input: { vpsId, reference } }, ctx) =>
      payload(async () => ({ vps: await ctx.ds.vps.update(vpsInput(vpsId), { reference }) })),
    resetVpsPassword: (_, { input }, ctx, info) =>
      onVps(ctx, input.vpsId, selectedFields(info).has('vps'), (id) => ctx.ds.vps.resetPassword(id)),
    reinstallVps: (_, { input: { vpsId, imageId, marketAppId } }, ctx, info) =>
      onVps(ctx, vpsId, selectedFields(info).has('vps'), (id) =>
        ctx.ds.vps.reinstall(id, given({ imageId, marketAppId }) as { imageId: string }),
      ),
  },
  Vps: {
    id: (v) => gid(TYPENAME, v.id),
    leasewebId: (v) => v.id,
    regionName: (v) => v.region,
    region: (v) => ({ name: v.region }),
    image: (v) => v.image,
    resources: async (v, _, ctx) => (await detail(v, ctx)).resources ?? null,
    contract: async (v, _, ctx) => (await detail(v, ctx)).contract ?? null,
    iso: async (v, _, ctx) => (await detail(v, ctx)).iso ?? null,
    reinstallImages: (v, { first, after, standard }, ctx) => ctx.ds.vps.reinstallImages(v.id, toWindow({ first, after }), { standard }),
  },
  VpsContract: {
    contractId: (c) => c.id,
  },
  VpsConnection: connectionResolvers,
};

export const vps: ProductGraph = { resolvers: [resolvers], nodes, equipment: [equipmentKind] };
