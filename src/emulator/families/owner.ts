import { badRequest } from '../http.js';
import type { EmulatorRequest, FamilyName, Handler, HttpMethod, Route } from '../types.js';

/**
 * What every family needs to know about an owner of sub-resources (a dedicated server, a
 * Public Cloud instance, later network equipment, racks, VPS, load balancers): where it
 * lives and how to find it. Each family's row adds the operation ids the owner's API
 * gives the family's operations, and the owner's quirks.
 */
export interface Owner<D, R> {
  /** The owner's path template, API base included: `/bareMetals/v2/servers/{serverId}`. */
  path: string;
  /** The owner named by the request's path, or a 404 in Leaseweb's envelope. */
  find: (req: EmulatorRequest<D>) => R;
}

/** The owner's path parameter (`serverId` in `/bareMetals/v2/servers/{serverId}`). */
export function ownerParam(owner: { path: string }): string {
  const match = /\{(\w+)\}$/.exec(owner.path);
  if (!match) throw new Error(`owner path ${owner.path} does not end in a {parameter}`);
  return match[1]!;
}

/** A 400 about the owner's state: Leaseweb puts the message on the owner's id. */
export const refusedOn = (owner: { path: string }, message: string) => badRequest({ [ownerParam(owner)]: [message] }, message);

/** Collects a family's routes for one owner; an operation the owner lacks (no id) is skipped. */
export function familyRoutes<D>(family: FamilyName, owner: { path: string }) {
  const routes: Array<Route<D>> = [];
  const add = (id: string | undefined, method: HttpMethod, path: string, handler: Handler<D>) => {
    if (id) routes.push({ id, method, path: `${owner.path}${path}`, handler, family });
  };
  return { routes, add };
}

/** Operation ids of one product: `opIds('vps', { list: 'listVpsIps' })` → `{ list: 'vps.listVpsIps' }`. */
export function opIds<K extends string>(product: string, names: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(names).map(([key, name]) => [key, `${product}.${name}`])) as Record<K, string>;
}
