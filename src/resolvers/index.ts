import { mergeResolvers } from '@graphql-tools/merge';
import type { Resolvers } from '../generated/graphql.js';
import { baseResolvers } from './base.js';
import * as dedicatedServers from './dedicated-servers.js';
import * as dedicatedServerMutations from './dedicated-servers.mutations.js';
import * as domains from './domains.js';
import * as domainMutations from './domains.mutations.js';
import * as invoices from './invoices.js';
import * as ipManagement from './ip-management.js';
import * as publicCloud from './public-cloud.js';
import * as publicCloudMutations from './public-cloud.mutations.js';
import * as services from './services.js';
import { registerEquipmentKinds, type EquipmentKind } from './equipment.js';
import type { NodeFetchers } from './nodes.js';

/** Every product's resolvers; a product with global ids also exports its node fetchers. */
const products = [dedicatedServers, dedicatedServerMutations, ipManagement, publicCloud, publicCloudMutations, domains, domainMutations, services, invoices];

const nodeFetchers: NodeFetchers = Object.assign(
  {},
  ...products.map((p) => ('nodeFetchers' in p ? p.nodeFetchers : {})),
);

/** Kinds of equipment an untyped `equipmentId` may name, tried in this order. */
registerEquipmentKinds(
  products.flatMap((p) => ('equipmentKind' in p ? [p.equipmentKind as EquipmentKind] : [])),
);

export const resolvers = mergeResolvers([baseResolvers(nodeFetchers), ...products.map((p) => p.resolvers)]) as Resolvers;
