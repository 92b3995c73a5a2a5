import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import type { Resolvers, ResolversInterfaceTypes, ResolversTypes } from '../generated/graphql.js';
import type { EquipmentKind } from './equipment.js';

/** Any object that implements Node (tagged with its __typename). */
export type NodeModel = ResolversInterfaceTypes<ResolversTypes>['Node'];

/**
 * Fetches one object for `node(id:)` from the parts of its global id; null if absent.
 * `info` is the `node`/`nodes` field, for fetchers whose reads depend on what is selected.
 */
export type NodeFetcher = (ctx: GraphQLContext, parts: string[], info?: GraphQLResolveInfo) => Promise<NodeModel | null>;

/** Global-id type name → how to fetch it, gathered from every product's resolvers. */
export type NodeFetchers = Record<string, NodeFetcher>;

/** What a product or family brings to the graph; listed once in src/products.ts. */
export interface ProductGraph {
  resolvers: Resolvers[];
  /** How `node(id:)` fetches each of its types that implement Node. */
  nodes?: NodeFetchers;
  /** The kinds of equipment an untyped `equipmentId` may name. */
  equipment?: EquipmentKind[];
}
