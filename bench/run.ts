import autocannon from 'autocannon';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { freePort, startChild, usage, waitFor } from './processes.js';
import { queries } from './queries.js';

/**
 * `npm run bench`: the emulator and the gateway each in their own process, as in
 * production; this process drives them. Prints, per connected query, upstream calls
 * against the minimum and median wall time against depth × latency; then throughput,
 * CPU per request and p99 of a one-call query; cold start; memory under 256 concurrent
 * requests. Options: BENCH_RUNS (default 11), BENCH_LATENCY_MS (20), BENCH_SECONDS (10).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const emulatorPort = await freePort();
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const emulator = startChild('dist/emulator/main.js', { EMULATOR_PORT: String(emulatorPort) });
await waitFor(async () => (await fetch(`${emulatorUrl}/_emulator/log`)).ok);

const control = (path: string, method: string, body?: unknown) =>
  fetch(`${emulatorUrl}/_emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
const upstreamCalls = async () => ((await (await control('log', 'GET')).json()) as { count: number }).count;

const gatewayPort = await freePort();
const graphqlUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body;
};

// Cold start: spawn to the first answered query (the emulator is already up).
const gateway = startChild('dist/main.js', {
  PORT: String(gatewayPort),
  LEASEWEB_API_URL: emulatorUrl,
  LEASEWEB_API_KEY: DEMO_API_KEY,
});
const oneCall = '{ dedicatedServers(first: 20) { nodes { leasewebId reference location { site } } } }';
await waitFor(async () => Boolean(await gql(oneCall)));
const coldStartMs = performance.now() - gateway.startedAt;

console.log(`\nleaseweb-graph benchmark — ${RUNS} runs per query, ${LATENCY} ms added upstream latency\n`);
console.log('| query | upstream calls | minimum | depth | median wall (ms) | target ≤ depth×latency+3 (ms) |');
console.log('|---|---|---|---|---|---|');
await control('config', 'PUT', { latencyMs: LATENCY });
for (const q of queries) {
  await gql(q.query, q.variables); // warm-up: JIT and keep-alive connections
  const walls: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await control('clear-log', 'POST');
    const started = performance.now();
    await gql(q.query, q.variables);
    walls.push(performance.now() - started);
    calls.push(await upstreamCalls());
  }
  const target = q.depth * LATENCY + 3;
  const wall = median(walls);
  console.log(`| ${q.name} | ${median(calls)} | ${q.minimumCalls} | ${q.depth} | ${wall.toFixed(1)} | ${target}${wall <= target ? '' : ' (missed)'} |`);
}

// Throughput of a one-call query with a 0 ms upstream, beside the emulator's own rate
// for the same REST call, measured in the same run.
await control('config', 'PUT', { latencyMs: 0 });
const before = usage(gateway.pid);
const gw = await autocannon({
  url: graphqlUrl,
  method: 'POST',
  connections: 10,
  duration: SECONDS,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: oneCall }),
});
const after = usage(gateway.pid);
const rest = await autocannon({
  url: `${emulatorUrl}/bareMetals/v2/servers?limit=20&offset=0`,
  connections: 10,
  duration: SECONDS,
  headers: { 'x-lsw-auth': DEMO_API_KEY },
});
const cpuPerRequest = (after.cpuMs - before.cpuMs) / gw.requests.total;
console.log(`\none-call query (20 servers), 10 connections, ${SECONDS} s, 0 ms upstream:`);
console.log(`| | requests/s | p99 (ms) | gateway CPU per request (ms) | errors |`);
console.log('|---|---|---|---|---|');
console.log(`| gateway (GraphQL) | ${gw.requests.average.toFixed(0)} | ${gw.latency.p99} | ${cpuPerRequest.toFixed(3)} | ${gw.errors + gw.non2xx} |`);
console.log(`| emulator (same REST call) | ${rest.requests.average.toFixed(0)} | ${rest.latency.p99} | — | ${rest.errors + rest.non2xx} |`);

// Memory with 256 requests in flight at once (20 ms upstream so they overlap).
await control('config', 'PUT', { latencyMs: LATENCY });
let peak = usage(gateway.pid).rssMiB;
const sampler = setInterval(() => (peak = Math.max(peak, usage(gateway.pid).rssMiB)), 20);
const burst = await autocannon({
  url: graphqlUrl,
  method: 'POST',
  connections: 256,
  amount: 256 * 8,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: queries[0]!.query }),
});
clearInterval(sampler);
console.log(`\ncold start to first answer: ${coldStartMs.toFixed(0)} ms`);
console.log(`peak RSS with 256 concurrent requests: ${peak.toFixed(0)} MiB (${burst.requests.total} requests, ${burst.errors + burst.non2xx} errors)`);

await gateway.stop();
await emulator.stop();
