import type { GraphQLContext } from '../context.js';
import type { Server } from '../datasources/types/dedicated-servers.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { ProductGraph } from './nodes.js';
import { localId, typed } from './support.js';

const TYPENAME = 'AggregationPack';

/** Every server's detail, once per request: the list's summary leaves `aggregationPackId` out. */
const details = new WeakMap<GraphQLContext, Promise<Server[]>>();
function everyServerDetail(ctx: GraphQLContext): Promise<Server[]> {
  let found = details.get(ctx);
  if (!found) {
    found = (async () => {
      const all: Server[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await ctx.ds.dedicatedServers.list({ limit: 100, offset });
        all.push(...page.items);
        if (!page.items.length || all.length >= page.totalCount) break;
      }
      const full = await Promise.all(all.map((s) => ctx.ds.dedicatedServers.get(s.id)));
      return full.filter((s): s is Server => s !== null);
    })();
    details.set(ctx, found);
  }
  return found;
}

const resolvers: Resolvers = {
  Query: {
    aggregationPacks: (_, { first, after }, ctx) => ctx.ds.aggregationPacks.list(toWindow({ first, after })),
    aggregationPack: (_, { id }, ctx) => ctx.ds.aggregationPacks.get(localId(id, TYPENAME)),
  },
  AggregationPack: {
    id: (p) => gid(TYPENAME, p.id),
    leasewebId: (p) => p.id,
    aggregationType: (p) => p.aggregationType ?? null,
    networkPerformanceType: (p) => p.networkPerformanceType ?? null,
    dedicatedServers: async (p, _, ctx) => (await everyServerDetail(ctx)).filter((s) => s.contract.aggregationPackId === p.id),
  },
  DedicatedServer: {
    aggregationPack: async (s, _, ctx) => {
      const id =
        s.contract.aggregationPackId !== undefined
          ? s.contract.aggregationPackId
          : (await ctx.ds.dedicatedServers.get(s.id))?.contract.aggregationPackId;
      return id ? ctx.ds.aggregationPacks.get(id) : null;
    },
  },
  AggregationPackConnection: connectionResolvers,
};

export const aggregationPacks: ProductGraph = {
  resolvers: [resolvers],
  nodes: {
    AggregationPack: async (ctx, [id]) => {
      const pack = await ctx.ds.aggregationPacks.get(id!);
      return pack ? typed(TYPENAME, pack) : null;
    },
  },
};
