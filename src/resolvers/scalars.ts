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

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const DateTime = stringScalar(
  'DateTime',
  'An ISO-8601 date or date-time, e.g. `2024-04-01T00:00:00Z`.',
  (v) => ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  'expected an ISO-8601 date-time such as 2024-04-01T00:00:00Z',
);

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

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Free-form JSON.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: () => {
    throw new GraphQLError('JSON values must be passed as variables.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
