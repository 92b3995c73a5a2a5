import type { GraphQLContext } from '../context.js';
import type { ResolversInterfaceTypes, ResolversTypes } from '../generated/graphql.js';

/** Any object that implements Node (tagged with its __typename). */
export type NodeModel = ResolversInterfaceTypes<ResolversTypes>['Node'];

/** Fetches one object for `node(id:)` from the parts of its global id; null if absent. */
export type NodeFetcher = (ctx: GraphQLContext, parts: string[]) => Promise<NodeModel | null>;

/** Global-id type name → how to fetch it, gathered from every product's resolvers. */
export type NodeFetchers = Record<string, NodeFetcher>;
