import { describe, expect, it, vi } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { useStack } from './support/stack.js';

// A short deadline and a per-attempt timeout well beyond it, so only the deadline can stop a call.
const stack = useStack({ gateway: { requestDeadlineMs: 600, upstream: { timeoutMs: 5_000, retryBaseMs: 5, maxRetries: 2 } } });

describe('the request deadline', () => {
  it('fails the fields still waiting with UPSTREAM_TIMEOUT and sends the rest of the answer', async () => {
    stack().emulator.failNext({ match: '/domains', kind: 'timeout' });
    const started = Date.now();
    const res = await stack().query('{ dedicatedServers(first: 1) { totalCount } domains(first: 1) { totalCount } }');
    expect(Date.now() - started).toBeLessThan(4_000); // well before the 5 s per-attempt timeout
    expect(res.status).toBe(200);
    expect(res.data?.dedicatedServers.totalCount).toBe(stack().demo.dedicatedServers.servers.size);
    expect(res.data?.domains).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['domains'], extensions: { code: 'UPSTREAM_TIMEOUT', leaseweb: { status: null } } });
    expect(res.errors?.[0]?.message).toMatch(/deadline of 600 ms/);
  });

  it('starts no retry whose backoff would end past the deadline', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'status', status: 503, retryAfterSeconds: 1, times: 3 });
    const res = await stack().query('{ dedicatedServers(first: 1) { totalCount } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', leaseweb: { status: 503 } });
    expect(stack().calls({ path: '/servers' })).toHaveLength(1);
  });

  it('stops the upstream work of a caller that disconnected', async () => {
    stack().emulator.failNext({ match: '/servers', kind: 'timeout' });
    const aborted = new AbortController();
    const pending = fetch(stack().gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lsw-auth': DEMO_API_KEY },
      body: JSON.stringify({ query: '{ dedicatedServers(first: 1) { totalCount } }' }),
      signal: aborted.signal,
    }).catch((e: Error) => e);
    await vi.waitFor(() => expect(stack().emulator.inFlight).toBe(1));
    aborted.abort();
    expect(await pending).toBeInstanceOf(Error);
    // The gateway hangs up on the emulator at once, long before the deadline or the timeout.
    await vi.waitFor(() => expect(stack().emulator.inFlight).toBe(0), { timeout: 400 });
    const metrics = await (await fetch(stack().gateway.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/leaseweb_graph_client_disconnects_total 1/);
  });
});
