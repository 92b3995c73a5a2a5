import { isIP } from 'node:net';
import { RECORD_TTLS, RECORD_TYPES, type RecordType, type ResourceRecordSetInput } from '../../datasources/types/domains.js';

/**
 * DNS rules of the emulator: what a valid record set is, what makes record sets a valid
 * zone, and BIND zone-file text in and out. The reference documents the allowed types and
 * TTLs; the content rules are the record types' own (RFC 1035, 2782, 4034, 6698, 8659).
 */

export type Details = Record<string, string[]>;

const TYPES: readonly string[] = RECORD_TYPES;
const TTLS: readonly number[] = RECORD_TTLS;

/** Names are fully qualified, lower case, with the trailing dot. */
export const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`).toLowerCase();

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/** A host name (relative or absolute); `*` only as the first label when `wildcard`. */
export function isHostName(name: string, wildcard = false): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (!bare || bare.length > 253) return false;
  return bare.split('.').every((label, i) => LABEL.test(label) || (wildcard && i === 0 && label === '*'));
}

/** True when `name` is the domain itself or a name below it. */
export const insideDomain = (name: string, domain: string) => name === `${domain}.` || name.endsWith(`.${domain}.`);

const u16 = (v: string) => /^\d{1,5}$/.test(v) && Number(v) <= 65_535;
const u8 = (v: string) => /^\d{1,3}$/.test(v) && Number(v) <= 255;
const hex = (v: string) => /^[0-9a-f]+$/i.test(v) && v.length % 2 === 0;

/** Why one content entry is wrong for its type, or undefined when it is fine. */
function contentProblem(type: RecordType, entry: string): string | undefined {
  const f = entry.trim().split(/\s+/);
  switch (type) {
    case 'A':
      return isIP(entry) === 4 ? undefined : `"${entry}" is not an IPv4 address.`;
    case 'AAAA':
      return isIP(entry) === 6 ? undefined : `"${entry}" is not an IPv6 address.`;
    case 'CNAME':
    case 'NS':
      return isHostName(entry) ? undefined : `"${entry}" is not a host name.`;
    case 'MX':
      return f.length === 2 && u16(f[0]!) && isHostName(f[1]!) ? undefined : `"${entry}" is not "<preference> <host>".`;
    case 'SRV':
      return f.length === 4 && f.slice(0, 3).every(u16) && (f[3] === '.' || isHostName(f[3]!))
        ? undefined
        : `"${entry}" is not "<priority> <weight> <port> <target>".`;
    case 'TXT':
      // Quoted strings of at most 255 characters each, or one bare string.
      return /^("([^"\\]|\\.){0,255}"\s*)+$/.test(entry) || (entry.length > 0 && entry.length <= 255 && !entry.includes('"'))
        ? undefined
        : `"${entry}" is not text of quoted strings up to 255 characters.`;
    case 'CAA':
      return /^\d{1,3}\s+(issue|issuewild|iodef)\s+"[^"]*"$/.test(entry) && u8(f[0]!)
        ? undefined
        : `"${entry}" is not "<flags> issue|issuewild|iodef \\"<value>\\"".`;
    case 'SOA':
      return f.length === 7 && isHostName(f[0]!) && isHostName(f[1]!) && f.slice(2).every((n) => /^\d{1,10}$/.test(n))
        ? undefined
        : `"${entry}" is not "<mname> <rname> <serial> <refresh> <retry> <expire> <minimum>".`;
    case 'DS':
      return f.length === 4 && u16(f[0]!) && u8(f[1]!) && u8(f[2]!) && hex(f[3]!)
        ? undefined
        : `"${entry}" is not "<key tag> <algorithm> <digest type> <digest>".`;
    case 'TLSA':
      return f.length === 4 && /^[0-3]$/.test(f[0]!) && /^[01]$/.test(f[1]!) && /^[0-2]$/.test(f[2]!) && hex(f[3]!)
        ? undefined
        : `"${entry}" is not "<usage> <selector> <matching type> <data>".`;
  }
}

/** Sets Leaseweb keeps itself: the zone's SOA and its NS at the apex. */
export const managedByLeaseweb = (domain: string, name: string, type: string) => type === 'SOA' || (type === 'NS' && name === `${domain}.`);

/**
 * Checks one record set as written (create, bulk entry, validate); problems go into
 * `details` under `<prefix><field>`. Returns the normalised set, or undefined when invalid.
 */
export function checkRecordSet(domain: string, raw: unknown, details: Details, prefix = ''): ResourceRecordSetInput | undefined {
  const add = (field: string, message: string) => (details[prefix + field] ??= []).push(message);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    (details[prefix ? prefix.slice(0, -1) : 'body'] ??= []).push('This value should be an object.');
    return undefined;
  }
  const { name, type, content, ttl, ...rest } = raw as Record<string, unknown>;
  for (const field of Object.keys(rest)) add(field, 'This field was not expected.');
  const before = Object.keys(details).length;
  let fullName = '';
  if (typeof name !== 'string' || !isHostName(name, true)) add('name', 'This value should be a domain name.');
  else if (!insideDomain((fullName = fqdn(name)), domain)) add('name', `The name should be ${domain}. or end in .${domain}.`);
  if (typeof type !== 'string' || !TYPES.includes(type)) add('type', `The value should be one of: ${TYPES.join(', ')}.`);
  if (typeof ttl !== 'number' || !TTLS.includes(ttl)) add('ttl', `The value should be one of: ${TTLS.join(', ')}.`);
  const entries = Array.isArray(content) ? content : undefined;
  if (!entries || entries.length === 0) add('content', 'This value should be a non-empty array of strings.');
  else if (TYPES.includes(type as string)) {
    entries.forEach((entry) => {
      const problem = typeof entry === 'string' ? contentProblem(type as RecordType, entry) : 'This value should be a string.';
      if (problem) add('content', problem);
    });
    if (type === 'CNAME' && entries.length > 1) add('content', 'A CNAME record set holds exactly one record.');
  }
  if (fullName && type === 'CNAME' && fullName === `${domain}.`) add('name', 'A CNAME cannot be at the zone apex.');
  if (fullName && typeof type === 'string' && managedByLeaseweb(domain, fullName, type)) {
    add('type', `The ${type} record set of ${fullName} is managed by Leaseweb.`);
  }
  if (Object.keys(details).length > before) return undefined;
  return { name: fullName, type: type as RecordType, content: (entries as string[]).map((e) => e.trim()), ttl: ttl as number };
}

/**
 * Zone-wide rules over a list of sets: one set per name and type, and a CNAME alone at its
 * name. `where(i)` names the set at fault in `details`.
 */
export function checkZone(sets: ResourceRecordSetInput[], details: Details, where: (i: number) => string): void {
  const seen = new Map<string, number>();
  sets.forEach((set, i) => {
    const key = `${set.name} ${set.type}`;
    if (seen.has(key)) (details[where(i)] ??= []).push(`Duplicate record set ${set.name} ${set.type}.`);
    seen.set(key, i);
  });
  sets.forEach((set, i) => {
    if (set.type !== 'CNAME') return;
    const others = sets.filter((o) => o.name === set.name && o.type !== 'CNAME').map((o) => o.type);
    if (others.length) (details[where(i)] ??= []).push(`${set.name} has a CNAME and ${others.join(', ')} records; a CNAME must be alone.`);
  });
}

// BIND zone files.

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

function parseTtl(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const parts = [...token.toLowerCase().matchAll(/(\d+)([smhdw])/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== token.toLowerCase()) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * TTL_UNITS[p[2]!]!, 0);
}

/** Drops a `;` comment that is not inside a quoted string. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== '\\') quoted = !quoted;
    else if (line[i] === ';' && !quoted) return line.slice(0, i);
  }
  return line;
}

/** Logical lines: comments gone, `( … )` groups joined, each with its first line number. */
function logicalLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let open: { line: number; text: string } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripComment(raw);
    if (open) {
      open.text += ' ' + line;
    } else {
      open = { line: i + 1, text: line };
    }
    const depth = (open.text.match(/\(/g)?.length ?? 0) - (open.text.match(/\)/g)?.length ?? 0);
    if (depth <= 0) {
      out.push({ line: open.line, text: open.text.replace(/[()]/g, ' ').replace(/\s+$/, '') });
      open = undefined;
    }
  });
  if (open) out.push({ line: open.line, text: `${open.text} (` }); // unbalanced: reported below
  return out;
}

/** A relative name in BIND text made absolute against the origin (`@` is the origin). */
const absolute = (name: string, origin: string) => (name === '@' ? origin : name.endsWith('.') ? name : `${name}.${origin}`).toLowerCase();

/** Host names inside record data are relative to the origin too. */
function absoluteData(type: string, data: string, origin: string): string {
  const f = data.split(/\s+/);
  if (type === 'CNAME' || type === 'NS') return absolute(data, origin);
  if (type === 'MX' && f.length === 2) return `${f[0]} ${absolute(f[1]!, origin)}`;
  if (type === 'SRV' && f.length === 4) return `${f.slice(0, 3).join(' ')} ${f[3] === '.' ? '.' : absolute(f[3]!, origin)}`;
  return data;
}

/**
 * Parses BIND zone-file text into record sets of `domain`. Problems are reported per line
 * under `content`. The zone's SOA and apex NS are skipped: Leaseweb manages them, and an
 * exported zone must import again unchanged. Without `$TTL` or a TTL on the line, records
 * get 3600 s (what the documented import answer shows).
 */
export function parseZone(text: string, domain: string, details: Details): ResourceRecordSetInput[] {
  const problem = (line: number, message: string) => (details.content ??= []).push(`Line ${line}: ${message}`);
  let origin = `${domain}.`;
  let defaultTtl = 3600;
  let owner: string | undefined;
  const sets = new Map<string, ResourceRecordSetInput & { line: number }>();
  for (const { line, text: content } of logicalLines(text)) {
    if (!content.trim()) continue;
    if (content.includes('(')) {
      problem(line, 'Unbalanced parentheses.');
      continue;
    }
    const tokens = content.trim().split(/\s+/);
    if (tokens[0]!.startsWith('$')) {
      const [directive, value] = tokens;
      if (directive === '$ORIGIN' && value) origin = absolute(value, origin);
      else if (directive === '$TTL' && value && parseTtl(value) !== undefined) defaultTtl = parseTtl(value)!;
      else problem(line, `Unsupported or malformed directive "${tokens.join(' ')}".`);
      continue;
    }
    // A line starting with blanks continues the previous owner name.
    if (!/^\s/.test(content)) owner = absolute(tokens.shift()!, origin);
    let ttl: number | undefined;
    while (tokens.length && (parseTtl(tokens[0]!) !== undefined || /^(IN|CH|HS)$/i.test(tokens[0]!))) {
      const token = tokens.shift()!;
      if (/^(CH|HS)$/i.test(token)) problem(line, `Class ${token} is not supported; use IN.`);
      else if (!/^IN$/i.test(token)) ttl = parseTtl(token);
    }
    const type = tokens.shift()?.toUpperCase();
    const data = tokens.join(' ');
    if (!type || !data) {
      problem(line, 'Expected "<name> [<ttl>] [IN] <type> <data>".');
      continue;
    }
    if (!TYPES.includes(type)) {
      problem(line, `Record type ${type} is not supported.`);
      continue;
    }
    const name = owner ?? origin;
    if (managedByLeaseweb(domain, name, type)) continue;
    const key = `${name} ${type}`;
    const set = sets.get(key);
    const entry = absoluteData(type, data, origin);
    if (!set) sets.set(key, { name, type: type as RecordType, content: [entry], ttl: ttl ?? defaultTtl, line });
    else if ((ttl ?? defaultTtl) !== set.ttl) problem(line, `The records of ${name} ${type} have different TTLs.`);
    else set.content.push(entry);
  }
  const result: ResourceRecordSetInput[] = [];
  for (const { line, ...set } of sets.values()) {
    const found: Details = {};
    const checked = checkRecordSet(domain, set, found);
    for (const messages of Object.values(found)) messages.forEach((m) => problem(line, m));
    if (checked) result.push(checked);
  }
  if (!details.content) checkZone(result, details, () => 'content');
  return result;
}

/** The zone as BIND text: one `<name> <ttl> IN <type> <data>` line per record. */
export function printZone(sets: ResourceRecordSetInput[]): string {
  return sets.flatMap((set) => set.content.map((entry) => `${set.name} ${set.ttl} IN ${set.type} ${entry}`)).join('\n') + '\n';
}
