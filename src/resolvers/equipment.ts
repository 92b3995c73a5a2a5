import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { onlySelects, typed, type MaybePromise } from './support.js';
import type { ProductIpView } from '../datasources/types/ip-management.js';
import type { ResolversInterfaceTypes, ResolversTypes } from '../generated/graphql.js';

/**
 * One kind of equipment an untyped Leaseweb `equipmentId` may name. Each product that
 * owns IPs contributes one; they are tried in order, cheapest guess first.
 */
/** Any object that implements Equipment (tagged with its __typename). */
export type EquipmentModel = ResolversInterfaceTypes<ResolversTypes>['Equipment'];

export interface EquipmentKind {
  typename: string;
  /** Could this id be of this kind at all (numeric, UUID …)? Avoids useless probes. */
  matches(id: string): boolean;
  /** The equipment, tagged with its typename; null when this kind has no such id. */
  load(ctx: GraphQLContext, id: string): Promise<EquipmentModel | null>;
  /** How this kind shows one of its IPs (network type, DDoS …), when it has such a view. */
  ipView?(ctx: GraphQLContext, id: string, address: string): Promise<ProductIpView | null>;
}

const equipmentKinds: EquipmentKind[] = [];

/**
 * Called once by resolvers/index.ts with every product's kinds (products cannot import
 * this list: the Ip resolvers that read it are imported by those same products).
 */
export function registerEquipmentKinds(kinds: EquipmentKind[]): void {
  equipmentKinds.splice(0, equipmentKinds.length, ...kinds);
}

/**
 * Resolves an equipment id to the first kind that has it; null when none does. When the
 * path already names the kind (an IP reached from its server, a service's productId) and
 * the query asks only for ids, the answer is built without a call.
 */
export function resolveEquipment(
  ctx: GraphQLContext,
  id: string,
  typename?: string,
  info?: GraphQLResolveInfo,
): MaybePromise<EquipmentModel | null> {
  // Kind known and only the id asked: answered at once, no call (and no promise).
  if (typename && info && onlySelects(info, ['id', 'leasewebId'])) {
    return typed(typename, { id }) as unknown as EquipmentModel;
  }
  return loadEquipment(ctx, id, typename);
}

async function loadEquipment(ctx: GraphQLContext, id: string, typename?: string): Promise<EquipmentModel | null> {
  for (const kind of equipmentKinds) {
    if (typename ? kind.typename !== typename : !kind.matches(id)) continue;
    const found = await kind.load(ctx, id);
    if (found) return found;
  }
  return null;
}

/** The owning product's view of an IP, trying kinds that could own the id. */
export async function equipmentIpView(
  ctx: GraphQLContext,
  id: string,
  address: string,
  typename?: string,
): Promise<ProductIpView | null> {
  for (const kind of equipmentKinds) {
    if (!kind.ipView || (typename ? kind.typename !== typename : !kind.matches(id))) continue;
    const view = await kind.ipView(ctx, id, address);
    if (view) return view;
  }
  return null;
}
