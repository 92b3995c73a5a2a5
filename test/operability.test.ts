import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_API_KEY, OTHER_API_KEY } from '../src/emulator/dataset.js';
import { captureLogs } from '../src/log.js';
import { startGateway } from '../src/server.js';
import { startStack, useStack } from './support/stack.js';

// A server-side key, as a trusted backend or demo mode has one.
const stack = useStack({ gateway: { apiKey: DEMO_API_KEY } });
const base = () => stack().gateway.url.replace('/graphql', '');
const QUERY = JSON.stringify({ query: '{ dedicatedServers(first: 1) { totalCount } }' });

const post = (headers: Record<string, string>, body = QUERY) =>
  fetch(stack().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('credentials', () => {
  it.each([
    ['Authorization without Bearer', { authorization: OTHER_API_KEY }],
    ['Authorization: Basic', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty X-LSW-Auth', { 'x-lsw-auth': '' }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
  ])('refuses %s with 401 and never falls back to the server-side key', async (_, headers) => {
    const res = await post(headers as Record<string, string>);
    expect(res.status).toBe(401);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/X-LSW-Auth: <key> or Authorization: Bearer <key>/);
    expect(body.data).toBeUndefined();
    expect(stack().calls()).toHaveLength(0);
  });

  it('uses the server-side key only for a request with no credential header at all', async () => {
    const res = await post({});
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.dedicatedServers.totalCount).toBe(stack().demo.dedicatedServers.servers.size);
  });
});

describe('cross-origin access', () => {
  it('allows no origin by default when a server-side key is set', async () => {
    const res = await post({ origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(stack().gateway.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('allows the configured origins only', async () => {
    const other = await startStack({ gateway: { apiKey: DEMO_API_KEY, corsOrigins: ['https://app.example'] } });
    try {
      const allowed = await fetch(other.gateway.url, { method: 'OPTIONS', headers: { origin: 'https://app.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('x-lsw-auth');
      const refused = await fetch(other.gateway.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('reads CORS_ORIGINS as a comma-separated list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example/' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadConfig({}).corsOrigins).toBeUndefined();
  });
});

describe('misconfiguration', () => {
  it('says a refused upstream was refused and names LEASEWEB_API_URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const gateway = await startGateway({ upstreamUrl: `http://127.0.0.1:${port}`, upstream: { maxRetries: 0 } });
    try {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lsw-auth': 'k' },
        body: QUERY,
      });
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
      expect(body.errors[0].message).toMatch(/refused/);
      expect(body.errors[0].message).toMatch(/LEASEWEB_API_URL/);
      expect(body.errors[0].message).not.toMatch(/reset/);
    } finally {
      await gateway.close();
    }
  });

  it('names LEASEWEB_API_URL when it is not a URL, without repeating it', () => {
    expect(() => loadConfig({ LEASEWEB_API_URL: 'api.leaseweb.com' })).toThrow(/LEASEWEB_API_URL must be an http\(s\) URL/);
    expect(() => loadConfig({ LEASEWEB_API_URL: 'https://user:secret@api.leaseweb.com' })).toThrow(/^(?!.*secret).*LEASEWEB_API_URL/);
  });

  it('names PORT in one line when the port is taken', async () => {
    await expect(startGateway({ upstreamUrl: stack().emulator.url, port: stack().gateway.port })).rejects.toThrow(
      new RegExp(`^PORT ${stack().gateway.port} is already in use`),
    );
  });
});

describe('what an operator sees', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('echoes an x-request-id, generates one otherwise, and puts it in every log line of the request', async () => {
    const lines: string[] = [];
    const stop = captureLogs((line) => lines.push(line));
    try {
      stack().emulator.failNext({ match: '/servers', kind: 'status', status: 500 });
      const res = await post({ 'x-request-id': 'req-42', 'x-lsw-auth': OTHER_API_KEY });
      expect(res.headers.get('x-request-id')).toBe('req-42');
      const generated = await post({});
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      stop();
    }
    const ours = lines.map((l) => JSON.parse(l)).filter((l) => l.requestId === 'req-42');
    expect(ours.map((l) => l.msg)).toEqual(expect.arrayContaining(['upstream error', 'graphql']));
    // Leaseweb's correlation id of the failed call is in the log.
    expect(ours.find((l) => l.msg === 'upstream error').correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.every((l) => JSON.parse(l).requestId)).toBe(true);
    const text = lines.join('');
    expect(text).not.toContain(OTHER_API_KEY);
    expect(text).not.toContain(DEMO_API_KEY);
  });

  it('exports Prometheus metrics by operation, outcome, upstream API, method and status, without any key', async () => {
    // A gateway of its own, so the counts are this test's alone.
    const own = await startStack({ gateway: { apiKey: DEMO_API_KEY } });
    const post = (headers: Record<string, string>, body = QUERY) =>
      fetch(own.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await post({ 'x-lsw-auth': OTHER_API_KEY }, JSON.stringify({ query: 'query Servers { dedicatedServers(first: 1) { totalCount } }' }));
    own.emulator.failNext({ match: '/servers', kind: 'status', status: 503 });
    await post({}, JSON.stringify({ query: 'query Retried { dedicatedServers(first: 1) { totalCount } }' }));
    await post({}, JSON.stringify({ query: '{ nope' }));
    await post({ authorization: `Basic ${DEMO_API_KEY}` });
    const res = await fetch(own.gateway.url.replace('/graphql', '/metrics'));
    const text = await res.text();
    await own.close();
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/leaseweb_graph_requests_total\{operation="Servers",outcome="ok"\} 1/);
    expect(text).toMatch(/leaseweb_graph_requests_total\{operation="anonymous",outcome="refused"\} 2/);
    expect(text).toMatch(/leaseweb_graph_request_duration_seconds_bucket\{le="[^"]+",operation="Servers"\}/);
    expect(text).toMatch(/leaseweb_graph_upstream_requests_total\{api="bareMetals\/v2",method="GET",status="200"\} 2/);
    expect(text).toMatch(/leaseweb_graph_upstream_requests_total\{api="bareMetals\/v2",method="GET",status="503"\} 1/);
    expect(text).toMatch(/leaseweb_graph_upstream_retries_total\{api="bareMetals\/v2",method="GET"\} 1/);
    expect(text).toMatch(/leaseweb_graph_admission_queue_length 0/);
    expect(text).toMatch(/leaseweb_graph_admission_refusals_total 0/);
    expect(text).toMatch(/# TYPE leaseweb_graph_upstream_timeouts_total counter/);
    expect(text).not.toContain(DEMO_API_KEY);
    expect(text).not.toContain(OTHER_API_KEY);
  });
});
