import type { IncomingHttpHeaders } from 'node:http';
import type { CallScope, LeasewebClient, UpstreamSession } from './datasources/client.js';
import { createDataSources, equipmentKinds, type DataSources } from './products.js';
import type { EquipmentKind } from './resolvers/equipment.js';

/** What every resolver gets: this request's datasources, bound to the caller's key. */
export interface GraphQLContext {
  upstream: UpstreamSession;
  ds: DataSources;
  /** The kinds of equipment an untyped `equipmentId` may name, from the product manifest. */
  equipment: readonly EquipmentKind[];
  /** Filled as the answer is sent (operation name, number of errors), for metrics. */
  report: { operation?: string; errors: number };
}

/** A request's credential: a key (or none at all), or a header that is present but not a key. */
export type Credential = { key: string | undefined } | { refused: string };

export const CREDENTIAL_HELP = 'Send the Leaseweb API key as X-LSW-Auth: <key> or Authorization: Bearer <key>.';

/**
 * The caller's key: `X-LSW-Auth`, else `Authorization: Bearer …`. Only a request with no
 * credential header at all gets the configured server-side key: a header that is present
 * but empty or malformed (`Authorization: <key>`, `Basic …`) is refused, never read as
 * "no key", or that caller would read the server's account. Never logged, never echoed.
 */
export function credentialFrom(headers: IncomingHttpHeaders, fallback?: string): Credential {
  const direct = headers['x-lsw-auth'];
  const auth = headers.authorization;
  if (direct === undefined && auth === undefined) return { key: fallback };
  if (direct !== undefined) {
    if (typeof direct !== 'string' || !direct.trim()) return { refused: `The X-LSW-Auth header is empty. ${CREDENTIAL_HELP}` };
    if (auth !== undefined) return { refused: `Send one credential header, not both X-LSW-Auth and Authorization. ${CREDENTIAL_HELP}` };
    return { key: direct.trim() };
  }
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(String(auth).trim());
  if (!match) return { refused: `The Authorization header is not "Bearer <key>". ${CREDENTIAL_HELP}` };
  return { key: match[1]! };
}

/** The key of a request whose credential was accepted (see credentialFrom). */
export function apiKeyFrom(headers: IncomingHttpHeaders, fallback?: string): string | undefined {
  const credential = credentialFrom(headers, fallback);
  return 'key' in credential ? credential.key : undefined;
}

export function createContext(client: LeasewebClient, key: string | undefined, scope: CallScope = {}): GraphQLContext {
  const upstream = client.session(key, scope);
  return { upstream, ds: createDataSources(upstream), equipment: equipmentKinds, report: { errors: 0 } };
}
