import type { GraphQLResolveInfo } from 'graphql';
import { InputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { parseGid } from '../ids.js';
import type { GraphQLContext } from '../context.js';
import type { NodeFetchers } from './nodes.js';
import { enumResolvers } from './enums.js';
import { DateTime, IPAddress, JSONScalar } from './scalars.js';

const MAX_NODES = 100;

const typenameOf = (obj: unknown) => (obj as { __typename?: string }).__typename ?? null;

/** Roots, `node`/`nodes`, scalars and the shared types, given every product's node fetchers. */
export function baseResolvers(fetchers: NodeFetchers): Resolvers {
  const fetchNode = async (ctx: GraphQLContext, id: string, info: GraphQLResolveInfo) => {
    const parsed = parseGid(id);
    const fetch = parsed && fetchers[parsed.type];
    return fetch ? fetch(ctx, parsed.parts, info) : null;
  };
  return {
    DateTime,
    IPAddress,
    JSON: JSONScalar,
    ...enumResolvers,
    Query: {
      node: (_, { id }, ctx, info) => fetchNode(ctx, id, info),
      nodes: (_, { ids }, ctx, info) => {
        if (ids.length > MAX_NODES) throw new InputError(`nodes takes at most ${MAX_NODES} ids.`, ['ids']);
        // One failing id must not fail the others: a miss or an error becomes null.
        return Promise.all(ids.map((id) => fetchNode(ctx, id, info).catch(() => null)));
      },
    },
    Node: { __resolveType: typenameOf as never },
    Equipment: { __resolveType: typenameOf as never },
  };
}
