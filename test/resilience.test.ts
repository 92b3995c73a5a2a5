import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { startStack, useStack } from './support/stack.js';

// Short upstream timeout so the timeout case stays quick.
const stack = useStack({ gateway: { upstream: { timeoutMs: 300, retryBaseMs: 5, maxRetries: 2 } } });

const firstServer = () => [...stack().demo.dedicatedServers.servers.values()][0]!.server;

describe('error mapping', () => {
  const cases: Array<[number, string]> = [
    [400, 'BAD_USER_INPUT'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [500, 'UPSTREAM_ERROR'],
  ];
  for (const [status, code] of cases) {
    it(`maps an upstream ${status} to ${code} with the Leaseweb envelope`, async () => {
      stack().emulator.failNext({ match: '/servers', kind: 'status', status });
      const res = await stack().query('{ dedicatedServers { totalCount } }');
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe(code);
      expect(error?.extensions?.leaseweb).toMatchObject({ status, errorCode: String(status) });
      expect(error?.extensions?.leaseweb.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error?.extensions).not.toHaveProperty('stacktrace');
      expect(res.data?.dedicatedServers).toBeNull();
    });
  }

  it('maps a 429 that persists to RATE_LIMITED with Retry-After, after retrying', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'status', status: 429, retryAfterSeconds: 0, times: 3 });
    const res = await stack().query('{ dedicatedServers { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(res.errors?.[0]?.extensions?.leaseweb).toMatchObject({ status: 429, retryAfterSeconds: 0 });
    expect(stack().calls({ path: '/servers' })).toHaveLength(3);
  });

  it('does not wait out a Retry-After beyond the limit', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'status', status: 429, retryAfterSeconds: 3600 });
    const res = await stack().query('{ dedicatedServers { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(stack().calls({ path: '/servers' })).toHaveLength(1);
  });

  it('maps an upstream that does not answer to UPSTREAM_TIMEOUT', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'timeout' });
    const res = await stack().query('{ dedicatedServers { totalCount } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(res.errors?.[0]?.extensions?.leaseweb.status).toBeNull();
  });
});

describe('retries', () => {
  it('retries a read after 503 and a connection reset, then answers', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'status', status: 503 });
    stack().emulator.failNext({ match: '/servers', kind: 'reset' });
    const data = await stack().data('{ dedicatedServers { totalCount } }');
    expect(data.dedicatedServers.totalCount).toBe(stack().demo.dedicatedServers.servers.size);
    expect(
      stack()
        .calls({ path: '/servers' })
        .map((c) => c.status),
    ).toEqual([503, 'reset', 200]);
  });

  it('retries a read after a 429 with Retry-After', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'status', status: 429, retryAfterSeconds: 0 });
    const data = await stack().data('{ dedicatedServers { totalCount } }');
    expect(data.dedicatedServers.totalCount).toBeGreaterThan(0);
    expect(
      stack()
        .calls({ path: '/servers' })
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it('never retries a write, and changes nothing when it fails', async () => {
    const server = firstServer();
    const ip = stack()
      .demo.ipManagement.byEquipment.get(server.id)!
      .find((r) => r.networkType === 'PUBLIC' && !r.nullRouted)!;
    stack().emulator.failNext({ match: '/null', method: 'POST', kind: 'status', status: 503 });
    const res = await stack().query(
      'mutation($s: ID!, $ip: IPAddress!) { nullRouteEquipmentIp(input: { equipmentId: $s, ip: $ip }) { ip { nullRouted } userErrors { message } } }',
      { s: `gid://leaseweb/DedicatedServer/${server.id}`, ip: ip.ip },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(stack().calls({ method: 'POST' })).toHaveLength(1);
    expect(ip.nullRouted).toBe(false);
  });

  it('never retries a write after a connection reset', async () => {
    const server = firstServer();
    stack().emulator.failNext({ match: '/powerCycle', method: 'POST', kind: 'reset' });
    const res = await stack().query('mutation($s: ID!) { powerCycleEquipment(input: { equipmentId: $s }) { userErrors { message } } }', {
      s: `gid://leaseweb/DedicatedServer/${server.id}`,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(stack().calls({ method: 'POST' })).toHaveLength(1);
  });
});

describe('partial failure', () => {
  it('fails only the field whose upstream call failed', async () => {
    const server = firstServer();
    stack().emulator.failNext({ match: `/servers/${server.id}/powerInfo`, kind: 'status', status: 500 });
    const res = await stack().query(
      `query($id: ID!) { dedicatedServer(id: $id) { reference powerStatus { ipmi } ips { totalCount } ddosNotificationSettings { nulling } } }`,
      { id: server.id },
    );
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.path).toEqual(['dedicatedServer', 'powerStatus']);
    expect(res.data?.dedicatedServer.reference).toBe(server.contract.reference);
    expect(res.data?.dedicatedServer.powerStatus).toBeNull();
    expect(res.data?.dedicatedServer.ips.totalCount).toBeGreaterThan(0);
    expect(res.data?.dedicatedServer.ddosNotificationSettings.nulling).toBe('ENABLED');
  });

  it('answers nodes(ids:) for the ids that work when one fails', async () => {
    const [a, b] = [...stack().demo.dedicatedServers.servers.keys()];
    stack().emulator.failNext({ match: `/servers/${b}`, kind: 'status', status: 500, times: 3 });
    // `serialNumber` is only in each server's detail: one GET per id, so one can fail alone.
    const data = await stack().data(
      `{ nodes(ids: ["gid://leaseweb/DedicatedServer/${a}", "gid://leaseweb/DedicatedServer/${b}"]) { id ... on DedicatedServer { serialNumber } } }`,
    );
    expect(data.nodes[0].id).toBe(`gid://leaseweb/DedicatedServer/${a}`);
    expect(data.nodes[1]).toBeNull();
  });
});

describe('admission control', () => {
  it('runs at most maxConcurrentRequests at once, queues the next ones, refuses beyond the queue with 503', async () => {
    const small = await startStack({ gateway: { maxConcurrentRequests: 2, maxQueuedRequests: 1 } });
    try {
      small.emulator.latencyMs = 150; // each query is one upstream call held 150 ms
      const ids = [...small.demo.dedicatedServers.servers.keys()].slice(0, 4);
      const answers = await Promise.all(ids.map((id) => small.query(`{ dedicatedServer(id: "${id}") { leasewebId } }`)));
      const refused = answers.filter((a) => a.status === 503);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.errors?.[0]?.extensions?.code).toBe('OVERLOADED');
      expect(refused[0]!.headers.get('retry-after')).toBe('1');
      const served = answers.filter((a) => a.status === 200);
      expect(served.map((a) => a.data.dedicatedServer.leasewebId).sort()).toEqual(ids.filter((_, i) => answers[i]!.status === 200).sort());
      // Two executed together, the queued one after a slot came free; the refused one made no call.
      expect(small.calls()).toHaveLength(3);
      expect(small.emulator.maxInFlight).toBe(2);
      // Slots are given back: the gateway answers normally afterwards.
      small.emulator.latencyMs = 0;
      expect((await small.data(`{ dedicatedServer(id: "${ids[0]}") { leasewebId } }`)).dedicatedServer.leasewebId).toBe(ids[0]);
    } finally {
      await small.close();
    }
  });

  it('skips a queued request whose caller gave up before its turn', async () => {
    const single = await startStack({ gateway: { maxConcurrentRequests: 1, maxQueuedRequests: 4 } });
    try {
      single.emulator.latencyMs = 150;
      const [first, second] = [...single.demo.dedicatedServers.servers.keys()];
      const running = single.query(`{ dedicatedServer(id: "${first}") { leasewebId } }`);
      await new Promise((r) => setTimeout(r, 30)); // the first holds the only slot
      const abort = new AbortController();
      const queued = fetch(single.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lsw-auth': DEMO_API_KEY },
        body: JSON.stringify({ query: `{ dedicatedServer(id: "${second}") { leasewebId } }` }),
        signal: abort.signal,
      });
      await new Promise((r) => setTimeout(r, 30));
      abort.abort();
      await expect(queued).rejects.toThrow();
      expect((await running).data.dedicatedServer.leasewebId).toBe(first);
      await new Promise((r) => setTimeout(r, 50)); // the slot passes to the abandoned request
      expect(single.calls().map((c) => c.path)).toEqual([`/bareMetals/v2/servers/${first}`]);
    } finally {
      await single.close();
    }
  });
});
