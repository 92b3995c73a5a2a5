import { InputError } from '../errors.js';

/**
 * Encodes one user-supplied value as one URL path segment. `/`, `?`, `#` and `%` are
 * percent-encoded, so `../../invoices/v1/invoices` or `1?x=` stays inside its segment;
 * `.` and `..` (which a server would resolve as dot-segments even when encoded) and the
 * empty string are refused before any upstream call.
 */
export function segment(value: string | number): string {
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new InputError(`"${text}" is not a valid identifier.`);
  }
  return encodeURIComponent(text);
}

/**
 * A DateTime argument as a documented date (`2025-01-28`, the UTC day, whatever offset it
 * was written with), for every parameter Leaseweb documents as a date: Public Cloud
 * metrics and expenses, null-route `fromDate`/`toDate`.
 */
export function documentedDate(value: string): string;
export function documentedDate(value: string | null | undefined): string | null | undefined;
export function documentedDate(value: string | null | undefined): string | null | undefined {
  if (!value) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(value).toISOString().slice(0, 10);
}

/**
 * Tagged template for upstream paths: every interpolated value is encoded with
 * `segment`, the literal parts are trusted.
 *
 *     path`/bareMetals/v2/servers/${serverId}/ips/${ip}`
 */
export function path(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += segment(value) + strings[i + 1]!;
  });
  return out;
}

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;

/**
 * Builds a query string; undefined and null are left out, arrays are joined with `,`
 * (Leaseweb's list filters) unless a separator is given for them in `separators`.
 */
export function queryString(query: Query | undefined, separators: Record<string, string> = {}): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(separators[name] ?? ',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A `path` tag for one API base: `const api = pathUnder('/bareMetals/v2')`, then
 * api`/servers/${id}` gives `/bareMetals/v2/servers/<encoded id>`.
 */
export function pathUnder(base: string) {
  return (strings: TemplateStringsArray, ...values: Array<string | number>): string => base + path(strings, ...values);
}
