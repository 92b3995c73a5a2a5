import type { GraphQLContext } from '../context.js';
import type { NetworkEquipment } from '../datasources/types/network-equipment.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import { money } from './money.js';
import type { ProductGraph } from './nodes.js';
import { inputId, localId, onlySelects, payload, typed } from './support.js';

const TYPENAME = 'NetworkEquipment';

/** The list returns a summary; fields only the detail has load GET /networkEquipments/{id} (once). */
async function detail(e: NetworkEquipment, ctx: GraphQLContext): Promise<NetworkEquipment> {
  if (e.specs !== undefined) return e;
  return (await ctx.ds.networkEquipment.get(e.id)) ?? e;
}

const fromDetail =
  <T>(pick: (e: NetworkEquipment) => T) =>
  async (e: NetworkEquipment, _args: unknown, ctx: GraphQLContext): Promise<T> =>
    pick(await detail(e, ctx));

const SUMMARY_CONTRACT = ['contractId', 'customerId', 'salesOrgId', 'deliveryStatus', 'reference'];

export const networkEquipmentKind: EquipmentKind = {
  typename: TYPENAME,
  productIds: ['NETWORK_EQUIPMENT'],
  matches: (id) => /^\d+$/.test(id),
  load: async (ctx, id) => {
    const equipment = await ctx.ds.networkEquipment.get(id);
    return equipment ? typed(TYPENAME, equipment) : null;
  },
  forget: (ctx, id) => ctx.ds.networkEquipment.forget(id),
};

const resolvers: Resolvers = {
  Query: {
    networkEquipments: (_, { first, after, filter }, ctx) => ctx.ds.networkEquipment.list(toWindow({ first, after }), filter ?? {}),
    networkEquipment: (_, { id }, ctx) => ctx.ds.networkEquipment.get(localId(id, TYPENAME)),
  },
  Mutation: {
    updateNetworkEquipment: (_, { input }, ctx) =>
      payload(async () => {
        const id = inputId(input.networkEquipmentId, TYPENAME, 'networkEquipmentId');
        await ctx.ds.networkEquipment.update(id, input.reference);
        return { networkEquipment: await ctx.ds.networkEquipment.get(id) };
      }),
  },
  NetworkEquipment: {
    id: (e) => gid(TYPENAME, e.id),
    leasewebId: (e) => e.id,
    reference: (e) => e.contract.reference,
    name: fromDetail((e) => e.name ?? null),
    serialNumber: fromDetail((e) => e.serialNumber ?? null),
    powerPorts: fromDetail((e) => e.powerPorts ?? null),
    specs: fromDetail((e) => e.specs ?? null),
    contract: async (e, _, ctx, info) => (onlySelects(info, SUMMARY_CONTRACT) ? e.contract : (await detail(e, ctx)).contract),
  },
  NetworkEquipmentContract: {
    contractId: (c) => c.id,
    pricePerFrequency: (c) => (c.pricePerFrequency == null || !c.currency ? null : money(c.pricePerFrequency, c.currency)),
  },
  NetworkEquipmentInterface: {
    ports: (i) => i.ports ?? [],
  },
  NetworkEquipmentConnection: connectionResolvers,
};

export const networkEquipment: ProductGraph = {
  resolvers: [resolvers],
  nodes: { NetworkEquipment: (ctx, [id]) => networkEquipmentKind.load(ctx, id!) },
  equipment: [networkEquipmentKind],
};
