import { randomUUID } from 'node:crypto';
import type { EmulatorRequest as Request, EmulatorResponse } from './types.js';

/** Helpers read only the request's query and body, whatever data set it carries. */
type EmulatorRequest = Request<unknown>;

/**
 * An error the emulator answers with Leaseweb's envelope. Handlers throw it; the server
 * turns it into `{ correlationId, errorCode, errorMessage, errorDetails? }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorDetails?: Record<string, string[]>,
    readonly errorCode: string = String(status),
  ) {
    super(message);
  }
}

export const notFound = (what = 'resource') => new ApiError(404, `The requested ${what} could not be found.`);

export const badRequest = (errorDetails: Record<string, string[]>, message = 'Validation failed.') =>
  new ApiError(400, message, errorDetails, 'VALIDATION_FAILED');

export function errorBody(error: ApiError): Record<string, unknown> {
  return {
    correlationId: randomUUID(),
    errorCode: error.errorCode,
    errorMessage: error.message,
    ...(error.errorDetails ? { errorDetails: error.errorDetails } : {}),
  };
}

export const ok = (body: unknown, status = 200): EmulatorResponse => ({ status, body });
export const noContent = (): EmulatorResponse => ({ status: 204 });

/** Reads a non-negative integer query parameter, 400 when it is not one. */
export function intParam(req: EmulatorRequest, name: string, fallback: number, max = 1000): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw badRequest({ [name]: [`This value should be an integer between 0 and ${max}.`] });
  }
  return Number(raw);
}

export function boolParam(req: EmulatorRequest, name: string): boolean | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') {
    throw badRequest({ [name]: ['This value should be "true" or "false".'] });
  }
  return raw === 'true';
}

/** A comma-separated (or other) list filter; undefined when absent. */
export function listParam(req: EmulatorRequest, name: string, separator = ','): string[] | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  return raw
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function requireParam(req: EmulatorRequest, name: string): string {
  const raw = req.query.get(name);
  if (raw === null || raw === '') throw badRequest({ [name]: ['This value is required.'] });
  return raw;
}

/**
 * Answers one page of `items` the Leaseweb way: `{ _metadata: {limit, offset,
 * totalCount}, <key>: [...] }`. `metaKey` covers the services quirk (`metadata`).
 */
export function paginate<T>(
  req: EmulatorRequest,
  items: T[],
  key: string,
  options: { defaultLimit?: number; metaKey?: string; project?: (item: T) => unknown } = {},
): EmulatorResponse {
  const limit = intParam(req, 'limit', options.defaultLimit ?? 20);
  const offset = intParam(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const page = items.slice(offset, offset + limit);
  return ok({
    [options.metaKey ?? '_metadata']: { limit, offset, totalCount: items.length },
    [key]: options.project ? page.map(options.project) : page,
  });
}

/**
 * Answers a list whole, as Public Cloud's IP and credential lists do: `_metadata` is
 * there, but they take no limit/offset (reference quirk).
 */
export const whole = <T>(key: string, items: T[]): EmulatorResponse =>
  ok({ _metadata: { totalCount: items.length, limit: items.length, offset: 0 }, [key]: items });

type FieldRule = 'string' | 'number' | 'boolean' | 'array' | 'object' | readonly string[];

/**
 * Validates a JSON body against simple rules: `required` fields must be present, every
 * given field must have the listed type (or be one of the listed enum values), and
 * unknown fields are refused. Throws a 400 with errorDetails per field.
 */
export function validateBody<T extends Record<string, unknown>>(
  req: EmulatorRequest,
  rules: Record<string, FieldRule>,
  required: string[] = [],
): T {
  const body = req.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest({ body: ['The request body must be a JSON object.'] });
  }
  const details: Record<string, string[]> = {};
  const b = body as Record<string, unknown>;
  for (const name of required) {
    if (b[name] === undefined || b[name] === null || b[name] === '') {
      details[name] = ['This value should not be blank.'];
    }
  }
  for (const [name, value] of Object.entries(b)) {
    const rule = rules[name];
    if (!rule) {
      details[name] = ['This field was not expected.'];
      continue;
    }
    if (value === null || value === undefined) continue;
    if (Array.isArray(rule)) {
      if (!rule.includes(value as string)) details[name] = [`The value should be one of: ${rule.join(', ')}.`];
    } else if (rule === 'array' ? !Array.isArray(value) : typeof value !== rule) {
      details[name] = [`This value should be of type ${rule}.`];
    }
  }
  if (Object.keys(details).length) throw badRequest(details);
  return b as T;
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `PUT` of a bareMetals item (server, network equipment, rack): the body's required
 * `reference` becomes the contract's; answered 204 as documented.
 */
export function updateContractReference(req: EmulatorRequest, contract: { reference: string | null }): EmulatorResponse {
  const body = validateBody<{ reference: string }>(req, { reference: 'string' }, ['reference']);
  contract.reference = body.reference;
  return noContent();
}
