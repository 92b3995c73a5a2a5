import { GraphQLError } from 'graphql';

/** The `extensions.code` values this API uses. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'QUERY_TOO_COMPLEX';

/** Leaseweb's error envelope as documented; every field is optional in practice. */
export interface LeasewebErrorEnvelope {
  errorCode?: string;
  errorMessage?: string;
  userMessage?: string;
  correlationId?: string;
  reference?: string | null;
  errorDetails?: Record<string, string[]> | null;
}

/** What we expose of an upstream failure under `extensions.leaseweb`. */
export interface LeasewebErrorInfo extends LeasewebErrorEnvelope {
  status: number | null;
  retryAfterSeconds?: number;
}

/** Thrown when no API key came with the request and none is configured. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'No Leaseweb API key: send it as X-LSW-Auth or Authorization: Bearer <key>.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/** Thrown for an argument the gateway can reject itself, before any upstream call. */
export class InputError extends GraphQLError {
  constructor(
    message: string,
    readonly field?: string[],
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/** Thrown for any failed upstream call: an error status, a timeout or a broken connection. */
export class UpstreamError extends GraphQLError {
  readonly code: ErrorCode;
  readonly leaseweb: LeasewebErrorInfo;
  constructor(code: ErrorCode, message: string, leaseweb: LeasewebErrorInfo) {
    super(message, { extensions: { code, leaseweb } });
    this.code = code;
    this.leaseweb = leaseweb;
  }
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400 || status === 409 || status === 422) return 'BAD_USER_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 504) return 'UPSTREAM_TIMEOUT';
  return 'UPSTREAM_ERROR';
}

const stringOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Picks the documented envelope fields out of an error body, and nothing else: the raw
 * body never reaches the client (it could echo request data back).
 */
export function parseEnvelope(body: unknown): LeasewebErrorEnvelope {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const details = b.errorDetails;
  let errorDetails: Record<string, string[]> | null | undefined;
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    errorDetails = {};
    for (const [field, messages] of Object.entries(details as Record<string, unknown>)) {
      const list = Array.isArray(messages) ? messages : [messages];
      errorDetails[field] = list.filter((m): m is string => typeof m === 'string');
    }
  }
  return {
    errorCode: b.errorCode === undefined ? undefined : String(b.errorCode),
    errorMessage: stringOrUndefined(b.errorMessage),
    userMessage: stringOrUndefined(b.userMessage),
    correlationId: stringOrUndefined(b.correlationId),
    reference: stringOrUndefined(b.reference) ?? null,
    errorDetails,
  };
}

export function upstreamErrorFromResponse(status: number, body: unknown, retryAfterSeconds?: number): UpstreamError {
  const envelope = parseEnvelope(body);
  const code = codeForStatus(status);
  const message = envelope.userMessage || envelope.errorMessage || `Leaseweb API answered HTTP ${status}`;
  const info: LeasewebErrorInfo = { status, ...envelope };
  if (retryAfterSeconds !== undefined) info.retryAfterSeconds = retryAfterSeconds;
  return new UpstreamError(code, message, info);
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}
