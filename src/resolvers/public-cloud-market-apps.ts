import type { GraphQLContext } from '../context.js';
import type { ImageModel, MarketApp } from '../datasources/types/public-cloud.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { NodeFetchers } from './nodes.js';
import { localId, typed } from './support.js';

const TYPENAME = 'PublicCloudMarketApp';

/** The app a `marketAppId` names (instances, VPSs), from the catalogue read once per request. */
const installed = (id: string | null | undefined, ctx: GraphQLContext): Promise<MarketApp | null> | null =>
  id ? ctx.ds.publicCloud.marketApp(id) : null;

/** The ids of the apps an image offers: on a catalogue image, or (an embedded summary) from the image catalogue. */
async function offered(img: ImageModel, ctx: GraphQLContext): Promise<string[] | null> {
  if (img.marketApps !== undefined) return img.marketApps;
  return (await ctx.ds.publicCloud.image(img.id))?.marketApps ?? null;
}

export const marketAppNodes: NodeFetchers = {
  PublicCloudMarketApp: async (ctx, [id]) => {
    const app = await ctx.ds.publicCloud.marketApp(id!);
    return app ? typed(TYPENAME, { ...app }) : null;
  },
};

/** Market apps and the links to them; part of the Public Cloud graph (its datasource reads them). */
export const marketAppResolvers: Resolvers = {
  Query: {
    publicCloudMarketApps: (_, { first, after }, ctx) => ctx.ds.publicCloud.marketApps(toWindow({ first, after })),
    publicCloudMarketApp: (_, { id }, ctx) => ctx.ds.publicCloud.marketApp(localId(id, TYPENAME)),
  },
  PublicCloudMarketApp: {
    id: (a) => gid(TYPENAME, a.id),
    leasewebId: (a) => a.id,
    image: (a) => a.image ?? null,
  },
  PublicCloudMarketAppConnection: connectionResolvers,
  PublicCloudInstance: {
    marketApp: (i, _, ctx) => installed(i.marketAppId, ctx),
  },
  Vps: {
    marketApp: (v, _, ctx) => installed(v.marketAppId, ctx),
  },
  PublicCloudImage: {
    availableMarketApps: async (img, _, ctx) => {
      const ids = await offered(img, ctx);
      if (!ids) return null;
      if (!ids.length) return [];
      const apps = await Promise.all(ids.map((id) => ctx.ds.publicCloud.marketApp(id)));
      return apps.filter((a): a is MarketApp => a !== null);
    },
  },
};
