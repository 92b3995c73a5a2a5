import { isIP } from 'node:net';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function stringScalar(name: string, description: string, valid: (v: string) => boolean, hint: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: ${hint}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    // Output passes through: Leaseweb's own values are shown as Leaseweb sends them.
    serialize: (value) => String(value),
    parseValue: check,
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The instant an ISO-8601 date-time names, in milliseconds, or NaN. Leaseweb writes
 * offsets as `+00:00`, `Z` and `+0000` (which some parsers refuse); a date or a time
 * without an offset is read as UTC.
 */
export function parseDateTime(value: string): number {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return Number.NaN;
  const [, date, hm = '00:00', sec = '00', fraction = '', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return Date.parse(`${date}T${hm}:${sec}${fraction.slice(0, 4)}${offset}`);
}

/**
 * One form for every date-time the API answers: UTC with `Z`, to the second
 * (`2024-04-01T00:00:00Z`), with milliseconds only when Leaseweb sent a fraction of a second.
 */
export function formatDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const dateTimeHint = 'expected an ISO-8601 date-time such as 2024-04-01T00:00:00Z';

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time. Answered in UTC as `2024-04-01T00:00:00Z`; accepted with any offset.',
  serialize: (value) => {
    const ms = typeof value === 'string' ? parseDateTime(value) : Number.NaN;
    // A value Leaseweb sent that is no date-time fails its field rather than break the form.
    if (Number.isNaN(ms)) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}: ${dateTimeHint}`);
    return formatDateTime(ms);
  },
  parseValue: (value) => checkDateTime(value),
  parseLiteral: (ast: ValueNode) => checkDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Input is checked (a real calendar date: no `2024-02-30`), then sent to Leaseweb as the client wrote it. */
function checkDateTime(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDateTime(value) || Number.isNaN(parseDateTime(value))) {
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}: ${dateTimeHint}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

const CALENDAR_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * A real calendar date and time: `Date.parse` rolls `2024-02-30` over to March 1st, so each
 * part is checked against its range (the day against its month, leap years included).
 */
export function isIsoDateTime(value: string): boolean {
  const m = CALENDAR_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  const within = (part: string | undefined, max: number) => part === undefined || Number(part) <= max;
  return within(m[4], 23) && within(m[5], 59) && within(m[6], 59) && within(m[7], 23) && within(m[8], 59);
}

/** Accepts `a.b.c.d`, IPv6, each optionally with `/prefix` (Leaseweb also writes `_prefix`). */
export function isIpAddress(value: string): boolean {
  const match = /^([^/_]+)(?:[/_](\d{1,3}))?$/.exec(value);
  if (!match) return false;
  const version = isIP(match[1]!);
  if (version === 0) return false;
  if (match[2] === undefined) return true;
  return Number(match[2]) <= (version === 4 ? 32 : 128);
}

export const IPAddress = stringScalar(
  'IPAddress',
  'An IPv4 or IPv6 address, optionally with a prefix length.',
  isIpAddress,
  'expected an IPv4 or IPv6 address, optionally with /prefix',
);

/** Deeper than any shape Leaseweb documents (RAID layouts, job payloads), far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests deeper than `limit` levels; iterative, so depth cannot overflow the stack. */
export function jsonDepthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a value nested deeper than MAX_JSON_DEPTH. */
function checkJsonDepth(value: unknown): unknown {
  if (jsonDepthOver(value, MAX_JSON_DEPTH)) {
    throw new GraphQLError(`JSON values may not be nested deeper than ${MAX_JSON_DEPTH} levels.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Free-form JSON.',
  serialize: (v) => v,
  parseValue: checkJsonDepth,
  parseLiteral: () => {
    throw new GraphQLError('JSON values must be passed as variables.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
