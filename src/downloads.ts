import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { UpstreamSession } from './datasources/client.js';
import type { StreamedResponse } from './datasources/client.js';
import { InvoicesAPI } from './datasources/invoices.js';
import { RemoteManagementAPI } from './datasources/remote-management.js';
import { InputError, UnauthenticatedError, isUpstreamError, type ErrorCode } from './errors.js';
import { log } from './log.js';

const PREFIX = '/downloads/';
/** `/downloads/invoices/<id>.pdf`, the id percent-encoded as one path segment. */
const INVOICE_PDF = /^\/downloads\/invoices\/([^/]+)\.pdf$/;

/** `/downloads/openvpn/<datacenter>.ovpn`, the data center percent-encoded as one path segment. */
const OPENVPN_PROFILE = /^\/downloads\/openvpn\/([^/]+)\.ovpn$/;

/** Where `Invoice.pdfUrl` points: relative to the gateway, the id encoded, never a key. */
export const invoicePdfPath = (invoiceId: string) => `${PREFIX}invoices/${encodeURIComponent(invoiceId)}.pdf`;

/** Where `OpenVpnProfile.ovpnUrl` points: relative to the gateway, the data center encoded, never a key. */
export const openVpnProfilePath = (datacenter: string) => `${PREFIX}openvpn/${encodeURIComponent(datacenter)}.ovpn`;

/** One kind of download: how to fetch it upstream, what to call it, and our words for its failures. */
interface DownloadKind {
  kind: string;
  noun: string;
  open: (upstream: UpstreamSession, id: string) => Promise<StreamedResponse>;
  contentType: string;
  fileName: (id: string) => string;
}

const INVOICE: DownloadKind = {
  kind: 'invoice-pdf',
  noun: 'invoice',
  open: (upstream, id) => new InvoicesAPI(upstream).pdf(id),
  contentType: 'application/pdf',
  fileName: (id) => `invoice-${safeName(id)}.pdf`,
};

const OPENVPN: DownloadKind = {
  kind: 'openvpn-profile',
  noun: 'OpenVPN profile',
  open: (upstream, datacenter) => new RemoteManagementAPI(upstream).ovpn(datacenter),
  contentType: 'text/plain',
  fileName: (datacenter) => `lsw-rmvpn-${safeName(datacenter)}.ovpn`,
};

/** A small JSON error in the shape the gateway's other HTTP errors use; never an upstream body. */
function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Our own words for each failure: Leaseweb's message could echo request data back. */
const messages = (noun: string): Partial<Record<ErrorCode, string>> => ({
  UNAUTHENTICATED: 'Leaseweb refused the API key.',
  FORBIDDEN: `The API key may not read this ${noun}.`,
  NOT_FOUND: `No such ${noun}.`,
  BAD_USER_INPUT: 'Leaseweb refused the request.',
  RATE_LIMITED: 'Too many requests to the Leaseweb API; try again later.',
  UPSTREAM_TIMEOUT: 'The Leaseweb API did not answer in time.',
  UPSTREAM_ERROR: `The Leaseweb API failed to send the ${noun}.`,
});

/**
 * The HTTP status of a failed download: Leaseweb's own 4xx (404 stays 404, 401 stays
 * 401 …) and 503; a timeout is 504; any other upstream failure is a bad gateway.
 */
function statusOf(code: ErrorCode, upstreamStatus: number | null): number {
  if (code === 'UPSTREAM_TIMEOUT') return 504;
  if (upstreamStatus !== null && (upstreamStatus < 500 || upstreamStatus === 503)) return upstreamStatus;
  return 502;
}

/** A file name that needs no quoting or escaping in Content-Disposition. */
const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Streams one file (an invoice PDF from `GET /invoices/v1/invoices/{id}/pdf`, an OpenVPN
 * profile from `GET /bareMetals/v2/remoteManagement/profiles/lsw-rmvpn-{datacenter}.ovpn`)
 * with the key of the download request itself (X-LSW-Auth or Authorization: Bearer, else
 * the gateway's server-side key). Nothing is buffered or cached, and no key is ever part
 * of the URL.
 */
async function streamDownload(res: ServerResponse, rawId: string, upstream: UpstreamSession, kind: DownloadKind): Promise<number> {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    sendError(res, 400, 'BAD_USER_INPUT', `The ${kind.noun} id is not valid.`);
    return 400;
  }
  if (!upstream.authenticated) {
    const error = new UnauthenticatedError();
    sendError(res, 401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' });
    return 401;
  }
  let file;
  try {
    // The datasource builds the path with the `api` tag: the id is one encoded segment,
    // and `.`/`..` are refused before any call.
    file = await kind.open(upstream, id);
  } catch (error) {
    if (error instanceof InputError) {
      sendError(res, 400, 'BAD_USER_INPUT', `The ${kind.noun} id is not valid.`);
      return 400;
    }
    if (!isUpstreamError(error)) throw error;
    const status = statusOf(error.code, error.leaseweb.status);
    const retryAfter = error.leaseweb.retryAfterSeconds;
    sendError(
      res,
      status,
      error.code,
      messages(kind.noun)[error.code] ?? 'The download failed.',
      retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
    );
    return status;
  }
  const headers: Record<string, string> = {
    'content-type': file.contentType ?? kind.contentType,
    'content-disposition': `attachment; filename="${kind.fileName(id)}"`,
    // Per caller and never stored: neither the gateway nor anything between may cache it.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'access-control-allow-origin': '*',
  };
  if (file.contentLength) headers['content-length'] = file.contentLength;
  res.writeHead(200, headers);
  try {
    await pipeline(file.body, res);
  } catch (error) {
    // Bytes already went out: the client sees a cut-off download (the length says so).
    log.warn('download interrupted', { message: (error as Error).message });
  }
  return 200;
}

/**
 * Files the gateway serves itself, streamed from Leaseweb with the caller's key (never a
 * key in the URL). Answers true when it handled the request.
 */
export async function routeDownload(req: IncomingMessage, res: ServerResponse, url: URL, session: () => UpstreamSession): Promise<boolean> {
  if (!url.pathname.startsWith(PREFIX)) return false;
  const invoice = INVOICE_PDF.exec(url.pathname);
  const openvpn = invoice ? null : OPENVPN_PROFILE.exec(url.pathname);
  const match = invoice ?? openvpn;
  const kind = invoice ? INVOICE : OPENVPN;
  if (!match) {
    sendError(
      res,
      404,
      'NOT_FOUND',
      'No such download. Invoice PDFs are at /downloads/invoices/<id>.pdf, OpenVPN profiles at /downloads/openvpn/<datacenter>.ovpn.',
    );
    return true;
  }
  if (req.method === 'OPTIONS') {
    // A browser sends the key in a header, so it asks first.
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'x-lsw-auth, authorization',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }
  if (req.method !== 'GET') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Downloads are read with GET.', { allow: 'GET, OPTIONS' });
    return true;
  }
  const started = performance.now();
  const upstream = session();
  const status = await streamDownload(res, match[1]!, upstream, kind);
  // Never the key, the headers or the query string.
  log.info('download', { kind: kind.kind, status, ms: Math.round(performance.now() - started), upstreamCalls: upstream.calls });
  return true;
}
