import type { Resolvers } from '../generated/graphql.js';
import { openVpnProfilePath } from '../downloads.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { ProductGraph } from './nodes.js';
import { payload, typed } from './support.js';
import { gid } from '../ids.js';

const TYPENAME = 'OpenVpnProfile';

const resolvers: Resolvers = {
  Query: {
    openVpnProfiles: (_, { first, after }, ctx) => ctx.ds.remoteManagement.list(toWindow({ first, after })),
    openVpnProfile: (_, { datacenter }, ctx) => ctx.ds.remoteManagement.forDatacenter(datacenter),
  },
  Mutation: {
    // The password goes upstream only: the payload never holds it.
    changeOpenVpnCredentials: (_, { input }, ctx) =>
      payload(async () => {
        await ctx.ds.remoteManagement.changeCredentials(input.password);
        return { changed: true };
      }),
  },
  OpenVpnProfile: {
    id: (p) => gid(TYPENAME, p.datacenter),
    ovpnUrl: (p) => openVpnProfilePath(p.datacenter),
  },
  DedicatedServer: {
    openVpnProfile: (s, _, ctx) => ctx.ds.remoteManagement.forDatacenter(s.location.site),
  },
  OpenVpnProfileConnection: connectionResolvers,
};

export const remoteManagement: ProductGraph = {
  resolvers: [resolvers],
  nodes: {
    OpenVpnProfile: async (ctx, [datacenter]) => {
      const profile = (await ctx.ds.remoteManagement.profiles()).find((p) => p.datacenter === datacenter);
      return profile ? typed(TYPENAME, profile) : null;
    },
  },
};
