import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { useStack } from './support/stack.js';

const stack = useStack();

/** POSTs a raw body (not necessarily a valid operation) and returns status and parsed JSON. */
async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack().gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lsw-auth': DEMO_API_KEY, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}
const gql = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

describe('a client mistake is a 4xx, with a code saying which', () => {
  it('answers a syntax error 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await gql('{ dedicatedServers { ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(stack().calls()).toHaveLength(0);
  });

  it('answers a document over the token limit 400 TOKEN_LIMIT_EXCEEDED', async () => {
    const { status, body } = await gql(`{ ${'__typename '.repeat(4100)}}`);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Token limit of 4000 exceeded.', extensions: { code: 'TOKEN_LIMIT_EXCEEDED' } });
  });

  it('answers too many aliases 400 ALIAS_LIMIT_EXCEEDED, not a "Syntax Error"', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `a${i}: dedicatedServers(first: 1) { totalCount }`).join(' ');
    const { status, body } = await gql(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('ALIAS_LIMIT_EXCEEDED');
    expect(body.errors[0].message).not.toMatch(/Syntax Error/);
    expect(stack().calls()).toHaveLength(0);
  });

  it('answers too many directives 400 DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const { status, body } = await gql(`{ ${Array.from({ length: 21 }, () => '__typename @skip(if: false)').join(' ')} }`);
    expect(status).toBe(400);
    expect(body.errors.map((e: any) => e.extensions.code)).toContain('DIRECTIVE_LIMIT_EXCEEDED');
  });

  it('answers a query too deep 400 DEPTH_LIMIT_EXCEEDED', async () => {
    const deep = 'ips { nodes { equipment { ... on DedicatedServer { '.repeat(4) + 'leasewebId' + ' } } } }'.repeat(4);
    const { status, body } = await gql(`{ dedicatedServers(first: 1) { nodes { ${deep} } } }`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(body.errors[0].message).not.toMatch(/Syntax Error/);
  });

  it('answers a body over 1 MB with a 413 JSON error, not a reset connection', async () => {
    const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } });
    const { status, body } = await post(big);
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a chunked body over 1 MB (no Content-Length) with a 413 too', async () => {
    const url = new URL(stack().gateway.url);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 12; i++) req.write('x'.repeat(100_000));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

const METRICS =
  'query($d: DateTime!) { node(id: "gid://leaseweb/DedicatedServer/1") { ... on DedicatedServer { datatrafficMetrics(from: $d, to: $d) { __typename } } } }';

describe('scalars refuse what cannot be right', () => {
  it('refuses a JSON value nested 5,000 deep with 400, not a 500', async () => {
    const nested = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    // The JSON argument of a server install (`raid`), as a variable: coerced before anything runs.
    const mutation =
      'mutation($p: JSON) { installDedicatedServer(input: { serverId: "1", operatingSystemId: "X", raid: $p }) { userErrors { message } } }';
    const { status, body } = await post(`{"query":${JSON.stringify(mutation)},"variables":{"p":${nested}}}`);
    expect(stack().calls()).toHaveLength(0);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/nested deeper than/);
  });

  it.each(['2024-02-30', '2023-02-29T00:00:00Z', '2024-13-01', '2024-04-31T10:00:00Z', '2024-01-01T24:30:00Z'])(
    'refuses the impossible DateTime %s',
    async (date) => {
      const { status, body } = await gql(METRICS, { d: date });
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(stack().calls()).toHaveLength(0);
    },
  );

  it('accepts a real leap day', async () => {
    const { status, body } = await gql(METRICS, { d: '2024-02-29T12:00:00Z' });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).not.toBe('BAD_USER_INPUT');
  });
});

describe('dates are sent as Leaseweb documents them', () => {
  it('sends Public Cloud metrics and null-route filters as dates, not date-times', async () => {
    const instance = [...stack().demo.publicCloud.instances.values()][0]!.instance;
    await gql(
      `{ node(id: "gid://leaseweb/PublicCloudInstance/${instance.id}") { ... on PublicCloudInstance {
        dataTrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z") { aggregation } } } }`,
    );
    await gql('{ nullRoutes(filter: { fromDate: "2024-01-01T00:00:00Z", toDate: "2024-02-01T12:00:00Z" }) { totalCount } }');
    const searches = stack()
      .calls({ path: /metrics|nullRoutes/ })
      .map((c) => new URLSearchParams(c.search));
    expect(searches.length).toBe(2);
    const [metrics, routes] = searches;
    expect([metrics!.get('from'), metrics!.get('to')]).toEqual(['2026-01-01', '2026-01-04']);
    expect([routes!.get('fromDate'), routes!.get('toDate')]).toEqual(['2024-01-01', '2024-02-01']);
  });
});
