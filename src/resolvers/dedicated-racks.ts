import type { GraphQLContext } from '../context.js';
import type { DedicatedRack } from '../datasources/types/dedicated-racks.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import type { ProductGraph } from './nodes.js';
import { inputId, localId, onlySelects, payload, typed } from './support.js';

const TYPENAME = 'DedicatedRack';

/** The list returns a summary; `powerPorts`, `units` and some contract fields load GET /privateRacks/{id} (once). */
async function detail(r: DedicatedRack, ctx: GraphQLContext): Promise<DedicatedRack> {
  if (r.units !== undefined) return r;
  return (await ctx.ds.dedicatedRacks.get(r.id)) ?? r;
}

const SUMMARY_CONTRACT = ['contractId', 'customerId', 'salesOrgId', 'deliveryStatus', 'reference'];

export const dedicatedRackKind: EquipmentKind = {
  typename: TYPENAME,
  productIds: ['PRIVATE_RACK'],
  matches: (id) => /^\d+$/.test(id),
  load: async (ctx, id) => {
    const rack = await ctx.ds.dedicatedRacks.get(id);
    return rack ? typed(TYPENAME, rack) : null;
  },
  forget: (ctx, id) => ctx.ds.dedicatedRacks.forget(id),
};

/** A rack by id; null when the id names none of your dedicated racks (a 404). */
const rackById = async (ctx: GraphQLContext, id: string | undefined) => (id ? ctx.ds.dedicatedRacks.get(id) : null);

const resolvers: Resolvers = {
  Query: {
    dedicatedRacks: (_, { first, after, filter }, ctx) => ctx.ds.dedicatedRacks.list(toWindow({ first, after }), filter ?? {}),
    dedicatedRack: (_, { id }, ctx) => ctx.ds.dedicatedRacks.get(localId(id, TYPENAME)),
  },
  Mutation: {
    updateDedicatedRack: (_, { input }, ctx) =>
      payload(async () => {
        const id = inputId(input.dedicatedRackId, TYPENAME, 'dedicatedRackId');
        await ctx.ds.dedicatedRacks.update(id, input.reference);
        return { dedicatedRack: await ctx.ds.dedicatedRacks.get(id) };
      }),
  },
  DedicatedRack: {
    id: (r) => gid(TYPENAME, r.id),
    leasewebId: (r) => r.id,
    reference: (r) => r.contract.reference,
    contract: async (r, _, ctx, info) => (onlySelects(info, SUMMARY_CONTRACT) ? r.contract : (await detail(r, ctx)).contract),
    publicPorts: (r) => r.networkInterfaces.public.ports ?? [],
    powerPorts: async (r, _, ctx) => (await detail(r, ctx)).powerPorts ?? null,
    units: async (r, _, ctx) => (await detail(r, ctx)).units ?? null,
    dedicatedServers: (r, { first, after }, ctx) => ctx.ds.dedicatedServers.list(toWindow({ first, after }), { privateRackId: r.id }),
    networkEquipments: (r, { first, after }, ctx) => ctx.ds.networkEquipment.list(toWindow({ first, after }), { privateRackId: r.id }),
  },
  DedicatedRackContract: {
    contractId: (c) => c.id,
  },
  DedicatedServer: {
    // The rack's type comes with the list; its id is detail of the server.
    dedicatedRack: async (s, _, ctx) => {
      if (s.rack?.type !== 'DEDICATED') return null;
      const id = s.rack.id ?? (await ctx.ds.dedicatedServers.get(s.id))?.rack?.id;
      return rackById(ctx, id);
    },
  },
  NetworkEquipment: {
    dedicatedRack: async (e, _, ctx) => rackById(ctx, e.rack?.id ?? (await ctx.ds.networkEquipment.get(e.id))?.rack?.id),
  },
  DedicatedRackConnection: connectionResolvers,
};

export const dedicatedRacks: ProductGraph = {
  resolvers: [resolvers],
  nodes: { DedicatedRack: (ctx, [id]) => dedicatedRackKind.load(ctx, id!) },
  equipment: [dedicatedRackKind],
};
