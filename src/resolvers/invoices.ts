import type { Resolvers } from '../generated/graphql.js';

/** Not built yet (issue 3). */
export const resolvers: Resolvers = {};
