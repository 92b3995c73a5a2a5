import { mergeResolvers } from '@graphql-tools/merge';
import type { Resolvers } from '../generated/graphql.js';
import { nodeFetchers, productResolvers } from '../products.js';
import { baseResolvers } from './base.js';

/** The whole resolver map: the roots and scalars, then every product and family of the manifest. */
export const resolvers = mergeResolvers([baseResolvers(nodeFetchers), ...productResolvers]) as Resolvers;
