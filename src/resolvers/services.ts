import type { GraphQLInterfaceType, GraphQLResolveInfo } from 'graphql';
import { segment } from '../datasources/path.js';
import { InputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid, parseGid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import { equipmentOf } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { money } from './money.js';
import { inputId, localId, payload, typed } from './support.js';

const TYPENAME = 'Service';

/** The service id named by an argument (Leaseweb id or global id). */
const serviceIdArg = (id: string) => localId(id, TYPENAME);

/** The service an input names; an id that names none is a userError on `input.serviceId`. */
const inputServiceId = (id: string) => inputId(id, TYPENAME, 'serviceId');

/**
 * The equipment filter takes an equipment's Leaseweb id or its global id
 * (`gid://leaseweb/DedicatedServer/123`). A global id of a type that is no `Equipment`
 * (an invoice, a job) is refused rather than sent on as a bare number that would match
 * whatever equipment happens to have it.
 */
function equipmentIdArg(id: string, info: GraphQLResolveInfo): string {
  const parsed = parseGid(id);
  if (!parsed) return id;
  // By name, not with graphql's isObjectType/isInterfaceType: the schema can be built by
  // another copy of graphql (ESM and CJS under vitest), which those helpers refuse.
  const equipment = info.schema.getType('Equipment') as GraphQLInterfaceType | undefined;
  const isEquipment = !!equipment && info.schema.getImplementations(equipment).objects.some((t) => t.name === parsed.type);
  if (!isEquipment || parsed.parts.length !== 1) throw new InputError(`"${id}" is not an equipment id.`, ['filter', 'equipmentId']);
  return parsed.parts[0]!;
}

const nodes: NodeFetchers = {
  Service: async (ctx, [id]) => {
    const service = await ctx.ds.services.get(id!);
    return service ? typed(TYPENAME, service) : null;
  },
};

const resolvers: Resolvers = {
  Query: {
    services: (_, { first, after, filter }, ctx, info) => {
      const { equipmentId, ...rest } = filter ?? {};
      return ctx.ds.services.list(toWindow({ first, after }), {
        ...rest,
        equipmentId: equipmentId ? equipmentIdArg(equipmentId, info) : equipmentId,
      });
    },
    service: (_, { id }, ctx) => ctx.ds.services.get(serviceIdArg(id)),
    serviceCancellationReasons: (_, __, ctx) => ctx.ds.services.cancellationReasons(),
  },

  Mutation: {
    updateService: (_, { input }, ctx) =>
      payload(async () => ({ service: await ctx.ds.services.update(inputServiceId(input.serviceId), input.reference) })),
    cancelService: (_, { input: { serviceId, reasonCode, reason } }, ctx) =>
      payload(async () => {
        const id = inputServiceId(serviceId);
        await ctx.ds.services.cancel(id, { reasonCode, ...(reason === null || reason === undefined ? {} : { reason }) });
        return { service: await ctx.ds.services.get(id) };
      }),
    uncancelService: (_, { input }, ctx) =>
      payload(async () => {
        const id = inputServiceId(input.serviceId);
        await ctx.ds.services.uncancel(id);
        return { service: await ctx.ds.services.get(id) };
      }),
  },

  Service: {
    id: (s) => gid(TYPENAME, s.id),
    leasewebId: (s) => s.id,
    domainName: (s) => s.attributes?.domainName ?? null,
    price: (s) => money(s.pricePerFrequency, s.currency),
    equipment: (s, _, ctx, info) => equipmentOf(ctx, s.equipmentId, s.productId, info),
    domain: (s, _, ctx) => (s.productId === 'DOMAIN' && s.attributes?.domainName ? ctx.ds.domains.get(s.attributes.domainName) : null),
  },

  Domain: {
    service: (d, _, ctx) => ctx.ds.services.ofDomain(d.domainName),
  },

  ServiceConnection: connectionResolvers,
};

export const services: ProductGraph = { resolvers: [resolvers], nodes };
