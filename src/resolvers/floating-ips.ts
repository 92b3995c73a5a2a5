import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { InputError } from '../errors.js';
import { gid, parseGid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import { ipFromMgmt } from './ip-edge.js';
import type { ProductGraph } from './nodes.js';
import { inputId, localId, payload, typed } from './support.js';

const RANGE = 'FloatingIpRange';
const DEFINITION = 'FloatingIpDefinition';

/** `[rangeId, definitionId]` of a definition's global id; a userError on `input.definitionId` otherwise. */
function definitionRef(id: string): [string, string] {
  const parsed = parseGid(id);
  if (!parsed || parsed.type !== DEFINITION || parsed.parts.length !== 2 || parsed.parts.some((p) => !p || p === '.' || p === '..')) {
    throw new InputError(`"${id}" is not a ${DEFINITION} id (gid://leaseweb/${DEFINITION}/<range id>/<id>).`, ['input', 'definitionId']);
  }
  return [parsed.parts[0]!, parsed.parts[1]!];
}

/** An anchor address as an `Ip`, through the batched ipMgmt loader; null when ipMgmt does not know it. */
async function anchor(ctx: GraphQLContext, address: string | null | undefined) {
  if (!address) return null;
  const ip = await ctx.ds.ipManagement.get(address.split('/')[0]!);
  return ip ? ipFromMgmt(ip) : null;
}

const resolvers: Resolvers = {
  Query: {
    floatingIpRanges: (_, { first, after, type, location }, ctx) =>
      ctx.ds.floatingIps.ranges(toWindow({ first, after }), { type, location }),
    floatingIpRange: (_, { id }, ctx) => ctx.ds.floatingIps.range(localId(id, RANGE)),
  },
  Mutation: {
    createFloatingIpDefinition: (_, { input }, ctx) =>
      payload(async () => ({
        definition: await ctx.ds.floatingIps.createDefinition(inputId(input.rangeId, RANGE, 'rangeId'), {
          floatingIp: input.floatingIp,
          anchorIp: input.anchorIp,
          ...(input.passiveAnchorIp ? { passiveAnchorIp: input.passiveAnchorIp } : {}),
        }),
      })),
    updateFloatingIpDefinition: (_, { input }, ctx) =>
      payload(async () => {
        const [rangeId, id] = definitionRef(input.definitionId);
        const body = { anchorIp: input.anchorIp, ...(input.passiveAnchorIp ? { passiveAnchorIp: input.passiveAnchorIp } : {}) };
        return { definition: await ctx.ds.floatingIps.updateDefinition(rangeId, id, body) };
      }),
    removeFloatingIpDefinition: (_, { input }, ctx) =>
      payload(async () => {
        const [rangeId, id] = definitionRef(input.definitionId);
        await ctx.ds.floatingIps.removeDefinition(rangeId, id);
        return { deletedId: gid(DEFINITION, rangeId, id) };
      }),
    toggleFloatingIpAnchor: (_, { input }, ctx) =>
      payload(async () => {
        const [rangeId, id] = definitionRef(input.definitionId);
        // The anchors' ipMgmt records are unchanged; what this request read of the definition is dropped.
        return { definition: await ctx.ds.floatingIps.toggleAnchor(rangeId, id) };
      }),
  },
  FloatingIpRange: {
    id: (r) => gid(RANGE, r.id),
    leasewebId: (r) => r.id,
    definitions: (r, { first, after }, ctx) => ctx.ds.floatingIps.definitions(r.id, toWindow({ first, after })),
  },
  FloatingIpDefinition: {
    id: (d) => gid(DEFINITION, d.rangeId, d.id),
    leasewebId: (d) => d.id,
    range: (d, _, ctx) => ctx.ds.floatingIps.range(d.rangeId),
    anchorIpAddress: (d) => d.anchorIp,
    passiveAnchorIpAddress: (d) => d.passiveAnchorIp ?? null,
    anchorIp: (d, _, ctx) => anchor(ctx, d.anchorIp),
    passiveAnchorIp: (d, _, ctx) => anchor(ctx, d.passiveAnchorIp),
  },
  DedicatedServer: {
    floatingIpDefinitions: async (s, _, ctx) => {
      const [ips, all] = await Promise.all([ctx.ds.ipManagement.ofEquipment(s.id), ctx.ds.floatingIps.everyDefinition()]);
      const mine = new Set(ips.map((i) => i.ip));
      const bare = (a: string | null) => (a ? a.split('/')[0]! : '');
      return all.filter((d) => mine.has(bare(d.anchorIp)) || mine.has(bare(d.passiveAnchorIp)));
    },
  },
  FloatingIpRangeConnection: connectionResolvers,
  FloatingIpDefinitionConnection: connectionResolvers,
};

export const floatingIps: ProductGraph = {
  resolvers: [resolvers],
  nodes: {
    FloatingIpRange: async (ctx, [id]) => {
      const range = await ctx.ds.floatingIps.range(id!);
      return range ? typed(RANGE, range) : null;
    },
    FloatingIpDefinition: async (ctx, [rangeId, id, ...rest]) => {
      if (!id || rest.length) return null;
      const definition = await ctx.ds.floatingIps.definition(rangeId!, id);
      return definition ? typed(DEFINITION, definition) : null;
    },
  },
};
