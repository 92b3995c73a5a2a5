import type { GraphQLContext } from '../context.js';
import type { Server } from '../datasources/types/dedicated-servers.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { ProductGraph } from './nodes.js';
import { inputId, localId, payload, typed } from './support.js';

const TYPENAME = 'PrivateNetwork';
const RESERVATION = 'PrivateNetworkDhcpReservation';

/**
 * The servers with private networking enabled, every page, once per request: no list filter
 * names a network, so members are found in their own `privateNetworks[]`.
 */
const enabledServers = new WeakMap<GraphQLContext, Promise<Server[]>>();
function serversWithPrivateNetworking(ctx: GraphQLContext): Promise<Server[]> {
  let found = enabledServers.get(ctx);
  if (!found) {
    found = (async () => {
      const all: Server[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await ctx.ds.dedicatedServers.list({ limit: 100, offset }, { privateNetworkEnabled: true });
        all.push(...page.items);
        if (!page.items.length || all.length >= page.totalCount) return all;
      }
    })();
    enabledServers.set(ctx, found);
  }
  return found;
}

/** The server with an interface of this MAC address, one list call per distinct MAC (shared in the request). */
const byMac = new WeakMap<GraphQLContext, Map<string, Promise<Server | null>>>();
function serverWithMac(ctx: GraphQLContext, mac: string): Promise<Server | null> {
  const cache = byMac.get(ctx) ?? new Map<string, Promise<Server | null>>();
  byMac.set(ctx, cache);
  const key = mac.toUpperCase();
  let found = cache.get(key);
  if (!found) {
    found = ctx.ds.dedicatedServers.list({ limit: 1, offset: 0 }, { macAddress: key }).then((p) => p.items[0] ?? null);
    cache.set(key, found);
  }
  return found;
}

const networkIdOf = (id: string, field = 'privateNetworkId') => inputId(id, TYPENAME, field);

const resolvers: Resolvers = {
  Query: {
    privateNetworks: (_, { first, after }, ctx) => ctx.ds.privateNetworks.list(toWindow({ first, after })),
    privateNetwork: (_, { id }, ctx) => ctx.ds.privateNetworks.get(localId(id, TYPENAME)),
  },
  Mutation: {
    createPrivateNetwork: (_, { input }, ctx) => payload(async () => ({ privateNetwork: await ctx.ds.privateNetworks.create(input.name) })),
    updatePrivateNetwork: (_, { input }, ctx) =>
      payload(async () => ({ privateNetwork: await ctx.ds.privateNetworks.update(networkIdOf(input.privateNetworkId), input.name) })),
    deletePrivateNetwork: (_, { input }, ctx) =>
      payload(async () => {
        const id = networkIdOf(input.privateNetworkId);
        await ctx.ds.privateNetworks.delete(id);
        return { deletedId: gid(TYPENAME, id) };
      }),
    createPrivateNetworkDhcpReservation: (_, { input }, ctx) =>
      payload(async () => ({
        dhcpReservation: await ctx.ds.privateNetworks.createReservation(networkIdOf(input.privateNetworkId), {
          ip: input.ip,
          mac: input.mac,
          sticky: input.sticky,
        }),
      })),
    deletePrivateNetworkDhcpReservation: (_, { input }, ctx) =>
      payload(async () => {
        const id = networkIdOf(input.privateNetworkId);
        await ctx.ds.privateNetworks.deleteReservation(id, input.ip);
        return { deletedId: gid(RESERVATION, id, input.ip) };
      }),
  },
  PrivateNetwork: {
    id: (n) => gid(TYPENAME, n.id),
    leasewebId: (n) => n.id,
    equipmentCount: (n) => n.equipmentCount ?? null,
    dedicatedServers: async (n, _, ctx) =>
      (await serversWithPrivateNetworking(ctx)).filter((s) => (s.privateNetworks ?? []).some((p) => p.id === n.id)),
    dhcpReservations: (n, { first, after }, ctx) => ctx.ds.privateNetworks.reservations(n.id, toWindow({ first, after })),
  },
  PrivateNetworkDhcpReservation: {
    id: (r) => gid(RESERVATION, r.privateNetworkId, r.ip),
    privateNetwork: (r, _, ctx) => ctx.ds.privateNetworks.get(r.privateNetworkId),
    dedicatedServer: (r, _, ctx) => serverWithMac(ctx, r.mac),
  },
  DedicatedServerPrivateNetwork: {
    privateNetwork: (p, _, ctx) => ctx.ds.privateNetworks.get(p.id),
  },
  PublicCloudInstancePrivateNetwork: {
    privateNetwork: (p, _, ctx) => ctx.ds.privateNetworks.get(p.privateNetworkId),
  },
  PrivateNetworkConnection: connectionResolvers,
  PrivateNetworkDhcpReservationConnection: connectionResolvers,
};

export const privateNetworks: ProductGraph = {
  resolvers: [resolvers],
  nodes: {
    PrivateNetwork: async (ctx, [id]) => {
      const network = await ctx.ds.privateNetworks.get(id!);
      return network ? typed(TYPENAME, network) : null;
    },
    PrivateNetworkDhcpReservation: async (ctx, [id, ip, ...rest]) => {
      if (!ip || rest.length) return null;
      const page = await ctx.ds.privateNetworks.reservations(id!, { limit: 100, offset: 0 }).catch(() => null);
      const found = page?.items.find((r) => r.ip === ip);
      return found ? typed(RESERVATION, found) : null;
    },
  },
};
