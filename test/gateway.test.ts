import { describe, expect, it } from 'vitest';
import { OTHER_API_KEY } from '../src/emulator/dataset.js';
import { useStack } from './support/stack.js';

const stack = useStack();

const SERVERS = `query($first: Int, $after: String) {
  dedicatedServers(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { leasewebId } }
  }
}`;

describe('authentication', () => {
  it('refuses a query without a key before any upstream call', async () => {
    const res = await stack().query('{ dedicatedServers { totalCount } }', undefined, { key: null });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(stack().calls()).toHaveLength(0);
  });

  it('still answers introspection without a key', async () => {
    const res = await stack().query('{ __schema { queryType { name } } }', undefined, { key: null });
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  it('accepts the key as Authorization: Bearer and forwards it as X-LSW-Auth', async () => {
    const data = await stack().data('{ dedicatedServers { totalCount } }', undefined, { bearer: true });
    expect(data.dedicatedServers.totalCount).toBe(stack().demo.dedicatedServers.servers.size);
  });

  it('maps an unknown key (upstream 401) to UNAUTHENTICATED without echoing the key', async () => {
    const secret = 'not-a-real-key-4f1d9c';
    const res = await stack().query('{ dedicatedServers { totalCount } }', undefined, { key: secret });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.extensions?.leaseweb.status).toBe(401);
    expect(JSON.stringify(res)).not.toContain(secret);
  });

  it('keeps two customers apart', async () => {
    const query = '{ dedicatedServers(first: 100) { totalCount nodes { leasewebId } } }';
    const demo = await stack().data(query);
    const other = await stack().data(query, undefined, { key: OTHER_API_KEY });
    expect(demo.dedicatedServers.totalCount).toBeGreaterThanOrEqual(60);
    expect(other.dedicatedServers.totalCount).toBe(6);
    const demoIds = new Set(demo.dedicatedServers.nodes.map((n: any) => n.leasewebId));
    expect(other.dedicatedServers.nodes.some((n: any) => demoIds.has(n.leasewebId))).toBe(false);
    const otherId = other.dedicatedServers.nodes[0].leasewebId;
    const res = await stack().data(`{ dedicatedServer(id: "${otherId}") { leasewebId } }`);
    expect(res.dedicatedServer).toBeNull();
  });
});

describe('pagination', () => {
  it('pages through every server with first/after and agrees with totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await stack().data(SERVERS, { first: 25, after });
      const conn = data.dedicatedServers;
      seen.push(...conn.edges.map((e: any) => e.node.leasewebId));
      pages++;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    const total = stack().demo.dedicatedServers.servers.size;
    expect(pages).toBe(Math.ceil(total / 25));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const limits = stack()
      .calls({ path: '/bareMetals/v2/servers' })
      .map((c) => new URLSearchParams(c.search).get('offset'));
    expect(limits).toEqual(['0', '25', '50'].slice(0, pages));
  });

  it('refuses a page over 100 and a foreign cursor, without calling upstream', async () => {
    const big = await stack().query(SERVERS, { first: 101 });
    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/first must be between 0 and 100/);
    const cursor = await stack().query(SERVERS, { first: 5, after: 'abc' });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('hostile input', () => {
  it('keeps an id inside its path segment', async () => {
    for (const id of ['../../invoices/v1/invoices', '1?x=', '12345#frag', '%2e%2e']) {
      const res = await stack().query('query($id: ID!) { dedicatedServer(id: $id) { leasewebId } }', { id });
      expect(res.data?.dedicatedServer).toBeNull();
    }
    const paths = stack()
      .calls()
      .map((c) => c.path + c.search);
    expect(paths).toEqual([
      '/bareMetals/v2/servers/..%2F..%2Finvoices%2Fv1%2Finvoices',
      '/bareMetals/v2/servers/1%3Fx%3D',
      '/bareMetals/v2/servers/12345%23frag',
      '/bareMetals/v2/servers/%252e%252e',
    ]);
  });

  it('refuses dot segments outright', async () => {
    const res = await stack().query('{ dedicatedServer(id: "..") { leasewebId } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls()).toHaveLength(0);
  });

  it('refuses a query nested too deep', async () => {
    let inner = 'leasewebId';
    for (let i = 0; i < 8; i++) inner = `ips { nodes { equipment { ... on DedicatedServer { ${inner} } } } }`;
    const res = await stack().query(`{ dedicatedServers { nodes { ${inner} } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(stack().calls()).toHaveLength(0);
  });

  it('refuses too many aliases', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: dedicatedServer(id: "${i}") { leasewebId }`).join(' ');
    const res = await stack().query(`{ ${fields} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    expect(stack().calls()).toHaveLength(0);
  });

  it('refuses a query whose page sizes multiply past the cost limit, and reports cost otherwise', async () => {
    const wide = `{ dedicatedServers(first: 100) { nodes { ips(first: 100) { nodes { ip nullRouteHistory(first: 100) { nodes { comment } } } } } } }`;
    const res = await stack().query(wide);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.extensions?.cost.requested).toBeGreaterThan(50_000);
    expect(stack().calls()).toHaveLength(0);
    const ok = await stack().query('{ dedicatedServers(first: 2) { nodes { leasewebId } } }');
    expect(ok.extensions?.cost).toEqual({ requested: 1 + 2 * 2, limit: 50_000 });
  });

  it('costs a list without paging at its assumed size, so unbounded fan-out through invoice lines is refused', async () => {
    // lineItems: @listSize(assumed: 50): 1 + 50 × (product); each invoice 1 + that; the page 1 + 10 × each.
    const lines = await stack().query('{ invoices(first: 10) { nodes { lineItems { product } } } }');
    expect(lines.extensions?.cost).toEqual({ requested: 1 + 10 * (1 + (1 + 50 * 1)), limit: 50_000 });
    stack().emulator.clearLog();
    const fanOut = `{ invoices(first: 100) { nodes { lineItems { service { equipment {
      ... on DedicatedServer { ips(first: 100) { nodes { ip } } } } } } } } }`;
    const res = await stack().query(fanOut);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(stack().calls()).toHaveLength(0);
  });

  it('refuses an invalid IP address, inline or as a variable', async () => {
    const inline = await stack().query('{ ip(ip: "999.1.1.1") { ip } }');
    expect(inline.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.errors?.[0]?.message).toMatch(/IPAddress cannot represent "999.1.1.1"/);
    const variable = await stack().query('query($ip: IPAddress!) { ip(ip: $ip) { ip } }', { ip: '10.0.0.1/99' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('global ids', () => {
  it('resolves node and nodes across types, null for unknown ids', async () => {
    const server = [...stack().demo.dedicatedServers.servers.values()][0]!.server;
    const ip = stack().demo.ipManagement.byEquipment.get(server.id)![0]!;
    const data = await stack().data(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on DedicatedServer { leasewebId } ... on Ip { ip } } }`,
      {
        ids: [`gid://leaseweb/DedicatedServer/${server.id}`, `gid://leaseweb/Ip/${ip.ip}`, 'gid://leaseweb/DedicatedServer/1', 'nonsense'],
      },
    );
    expect(data.nodes[0]).toEqual({
      __typename: 'DedicatedServer',
      id: `gid://leaseweb/DedicatedServer/${server.id}`,
      leasewebId: server.id,
    });
    expect(data.nodes[1]).toMatchObject({ __typename: 'Ip', ip: ip.ip });
    expect(data.nodes[2]).toBeNull();
    expect(data.nodes[3]).toBeNull();
    const byGid = await stack().data(`{ dedicatedServer(id: "gid://leaseweb/DedicatedServer/${server.id}") { reference } }`);
    expect(byGid.dedicatedServer.reference).toBe(server.contract.reference);
  });
});

describe('the HTTP surface', () => {
  it('answers /healthz and serves GraphiQL to a browser', async () => {
    const base = stack().gateway.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const page = await fetch(stack().gateway.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('leaseweb-graph');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(stack().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
  });
});
