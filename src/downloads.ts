import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamSession } from './datasources/client.js';

/**
 * Files the gateway serves itself, streamed from Leaseweb with the caller's key (never a
 * key in the URL). Answers true when it handled the request. Invoice PDFs arrive with the
 * invoices product.
 */
export async function routeDownload(
  _req: IncomingMessage,
  _res: ServerResponse,
  _url: URL,
  _session: () => UpstreamSession,
): Promise<boolean> {
  return false;
}
