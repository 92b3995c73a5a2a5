import { InputError } from './errors.js';

const PREFIX = 'gid://leaseweb/';

/**
 * A readable global id: `gid://leaseweb/<Type>/<part>[/<part>…]`. Parts are URL-encoded
 * so ids with `/` (IPv6 ranges, e-mail addresses, record names) stay unambiguous.
 */
export function gid(type: string, ...parts: Array<string | number>): string {
  return PREFIX + type + '/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
}

export interface ParsedGid {
  type: string;
  parts: string[];
}

/** Splits a global id into its type and parts; null when it is not one of ours. */
export function parseGid(id: string): ParsedGid | null {
  if (!id.startsWith(PREFIX)) return null;
  const [type, ...raw] = id.slice(PREFIX.length).split('/');
  if (!type || raw.length === 0 || raw.some((p) => p === '')) return null;
  try {
    return { type, parts: raw.map((p) => decodeURIComponent(p)) };
  } catch {
    return null;
  }
}

/** Like parseGid, but insists on a type: for arguments that take one kind of id. */
export function expectGid(id: string, type: string, arity = 1): string[] {
  const parsed = parseGid(id);
  if (!parsed || parsed.type !== type || parsed.parts.length !== arity) {
    throw new InputError(`"${id}" is not a ${type} id.`);
  }
  return parsed.parts;
}
