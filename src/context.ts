import type { IncomingHttpHeaders } from 'node:http';
import type { LeasewebClient, UpstreamSession } from './datasources/client.js';
import { createDataSources, equipmentKinds, type DataSources } from './products.js';
import type { EquipmentKind } from './resolvers/equipment.js';

/** What every resolver gets: this request's datasources, bound to the caller's key. */
export interface GraphQLContext {
  upstream: UpstreamSession;
  ds: DataSources;
  /** The kinds of equipment an untyped `equipmentId` may name, from the product manifest. */
  equipment: readonly EquipmentKind[];
}

/**
 * The caller's key: `X-LSW-Auth`, else `Authorization: Bearer …`, else the configured
 * server-side key. Never logged, never echoed.
 */
export function apiKeyFrom(headers: IncomingHttpHeaders, fallback?: string): string | undefined {
  const direct = headers['x-lsw-auth'];
  if (typeof direct === 'string' && direct.trim()) return direct.trim();
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (match) return match[1]!.trim();
  }
  return fallback;
}

export function createContext(client: LeasewebClient, key: string | undefined): GraphQLContext {
  const upstream = client.session(key);
  return { upstream, ds: createDataSources(upstream), equipment: equipmentKinds };
}
