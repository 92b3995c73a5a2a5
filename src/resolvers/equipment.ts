import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { isOwnerType, owners } from '../datasources/families/owners.js';
import type { ProductIpView } from '../datasources/types/ip-management.js';
import type { Service } from '../datasources/types/services.js';
import type { Resolvers, ResolversInterfaceTypes, ResolversTypes } from '../generated/graphql.js';
import { onlySelects, typed, type MaybePromise } from './support.js';

/** Any object that implements Equipment (tagged with its __typename). */
export type EquipmentModel = ResolversInterfaceTypes<ResolversTypes>['Equipment'];

/**
 * One kind of equipment an untyped Leaseweb `equipmentId` may name. Each product that
 * has equipment declares its kinds in the product manifest (src/products.ts); the
 * context carries them, in manifest order, cheapest guess first.
 */
export interface EquipmentKind {
  typename: string;
  /** The services API's productIds this equipment is billed under (`DEDICATED_SERVER` …). */
  productIds: readonly string[];
  /** Could this id be of this kind at all (numeric, UUID …)? Avoids useless probes. */
  matches(id: string): boolean;
  /**
   * The equipment, tagged with its typename; null when this kind has no such id. `info`,
   * when given, is the field that asks: what it selects may tell how to read the equipment.
   */
  load(ctx: GraphQLContext, id: string, info?: GraphQLResolveInfo): Promise<EquipmentModel | null>;
  /** Drops what this request has read of the equipment, after a write on it. */
  forget?(ctx: GraphQLContext, id: string): void;
}

/** The kind an equipment of a service's `productId` is. */
export function kindOfProduct(ctx: GraphQLContext, productId: string | null | undefined): EquipmentKind | undefined {
  return productId ? ctx.equipment.find((k) => k.productIds.includes(productId)) : undefined;
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
  return loadEquipment(ctx, id, typename, info);
}

async function loadEquipment(
  ctx: GraphQLContext,
  id: string,
  typename?: string,
  info?: GraphQLResolveInfo,
): Promise<EquipmentModel | null> {
  for (const kind of ctx.equipment) {
    if (typename ? kind.typename !== typename : !kind.matches(id)) continue;
    const found = await kind.load(ctx, id, info);
    if (found) return found;
  }
  return null;
}

/** The equipment a service or invoice line names, of the kind its productId says when known. */
export function equipmentOf(
  ctx: GraphQLContext,
  equipmentId: string | null | undefined,
  productId: string | null | undefined,
  info: GraphQLResolveInfo,
): MaybePromise<EquipmentModel | null> {
  return equipmentId ? resolveEquipment(ctx, equipmentId, kindOfProduct(ctx, productId)?.typename, info) : null;
}

/** Forgets what the request has read of one piece of equipment (after a write on it). */
export function forgetEquipment(ctx: GraphQLContext, typename: string, id: string): void {
  ctx.equipment.find((k) => k.typename === typename)?.forget?.(ctx, id);
}

/**
 * The owner's view of an IP (network type, DDoS …), from the IP family of the kinds that
 * could own the id and have IPs in the owner table.
 */
export async function equipmentIpView(ctx: GraphQLContext, id: string, address: string, typename?: string): Promise<ProductIpView | null> {
  for (const kind of ctx.equipment) {
    if (typename ? kind.typename !== typename : !kind.matches(id)) continue;
    if (!isOwnerType(kind.typename) || !('ips' in owners[kind.typename])) continue;
    const view = await ctx.ds.equipmentIps.view({ typename: kind.typename, id }, address);
    if (view) return view;
  }
  return null;
}

/**
 * The service of one piece of equipment: `GET /services?equipmentId=` (one value per call,
 * so one call per equipment, shared by every field that asks in the request). Should the
 * equipment carry several services, the one of its own product wins.
 */
async function serviceOfEquipment(ctx: GraphQLContext, equipmentId: string, productIds: readonly string[]): Promise<Service | null> {
  const services = await ctx.ds.services.ofEquipment(equipmentId);
  return services.find((s) => productIds.includes(s.productId)) ?? services[0] ?? null;
}

/** The edges every kind of equipment has, derived from the kinds: `<Kind>.service`. */
export function equipmentResolvers(kinds: readonly EquipmentKind[]): Resolvers {
  return Object.fromEntries(
    kinds.map((kind) => [
      kind.typename,
      { service: (e: { id: string }, _: unknown, ctx: GraphQLContext) => serviceOfEquipment(ctx, e.id, kind.productIds) },
    ]),
  ) as Resolvers;
}
