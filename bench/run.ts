import autocannon from 'autocannon';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { freePort, startChild, usage, waitFor, type Child } from './processes.js';
import { queries } from './queries.js';

/**
 * `npm run bench`: the emulator and the gateway each in their own process, as in
 * production; this process drives them. Prints, per connected query, upstream calls
 * against the minimum and median wall time against depth × latency; then throughput,
 * CPU per request and p99 of a one-call query beside the emulator's own rate; cold start;
 * peak memory with 256 requests in flight. Memory is measured on fresh gateway processes
 * (V8 keeps heap it grew earlier). Options: BENCH_RUNS (11), BENCH_LATENCY_MS (20),
 * BENCH_SECONDS (10), BENCH_NODE_FLAGS (node flags for the gateway; `npm start`'s heap cap by default).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// As `npm start` runs the gateway (package.json: GATEWAY_HEAP_MIB, 128 by default).
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=128').split(' ').filter(Boolean);
const ONE_CALL = '{ dedicatedServers(first: 20) { nodes { leasewebId reference location { site } } } }';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const emulatorPort = await freePort();
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const emulator = startChild('dist/emulator/main.js', { EMULATOR_PORT: String(emulatorPort) });
await waitFor(async () => (await fetch(`${emulatorUrl}/_emulator/log`)).ok);

const control = (path: string, method: string, body?: unknown) =>
  fetch(`${emulatorUrl}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
const upstreamLog = async () => (await (await control('log', 'GET')).json()) as { count: number; maxInFlight: number };

interface Gateway {
  child: Child;
  url: string;
  gql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  coldStartMs: number;
}

/** Starts a gateway process and waits for its first answered query. */
async function startGateway(): Promise<Gateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body;
  };
  const child = startChild(
    'dist/main.js',
    { PORT: String(port), LEASEWEB_API_URL: emulatorUrl, LEASEWEB_API_KEY: DEMO_API_KEY },
    NODE_FLAGS,
  );
  await waitFor(async () => Boolean(await gql(ONE_CALL)));
  return { child, url, gql, coldStartMs: performance.now() - child.startedAt };
}

/** Peak RSS of a fresh gateway while 256 requests of `query` are in flight at once. */
async function peakRss(query: string): Promise<{ peak: number; idle: number; total: number; failed: number }> {
  const gw = await startGateway();
  for (let i = 0; i < 50; i++) await gw.gql(query); // a process that has served a little
  const idle = usage(gw.child.pid).rssMiB;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, usage(gw.child.pid).rssMiB)), 10);
  const burst = await autocannon({
    url: gw.url,
    method: 'POST',
    connections: 256,
    amount: 256 * 8,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  clearInterval(sampler);
  await gw.child.stop();
  return { peak, idle, total: burst.requests.total, failed: burst.errors + burst.non2xx };
}

// The connected queries, with injected upstream latency.
const gateway = await startGateway();
const coldStartMs = gateway.coldStartMs;
console.log(`\nleaseweb-graph benchmark — ${RUNS} runs per query, ${LATENCY} ms added upstream latency\n`);
console.log(
  '| query | upstream calls | minimum | most at once | depth | median wall (ms) | target ≤ depth×latency+3 (ms) | gateway CPU per query (ms) |',
);
console.log('|---|---|---|---|---|---|---|---|');
const gqlData = async (query: string, variables?: Record<string, unknown>) => ((await gateway.gql(query, variables)) as { data: any }).data;
const notes: string[] = [];
for (const [i, q] of queries.entries()) {
  await control('config', 'PUT', { latencyMs: 0 });
  const variables = q.variables ? await q.variables((query) => gqlData(query)) : undefined;
  const facts = q.facts ? await q.facts((query) => gqlData(query)) : {};
  await control('config', 'PUT', { latencyMs: LATENCY });
  const data = await gqlData(q.query, variables); // warm-up: JIT and keep-alive connections
  for (let k = 0; k < 10; k++) await gqlData(q.query, variables);
  const walls: number[] = [];
  const calls: number[] = [];
  const parallel: number[] = [];
  const cpuBefore = usage(gateway.child.pid).cpuMs;
  for (let run = 0; run < RUNS; run++) {
    await control('clear-log', 'POST');
    const started = performance.now();
    await gateway.gql(q.query, variables);
    walls.push(performance.now() - started);
    const log = await upstreamLog();
    calls.push(log.count);
    parallel.push(log.maxInFlight);
  }
  const cpu = (usage(gateway.child.pid).cpuMs - cpuBefore) / RUNS;
  const target = q.depth * LATENCY + 3;
  const wall = median(walls);
  console.log(
    `| ${i + 1}. ${q.name} | ${median(calls)} | ${q.minimum(data, facts)} | ${median(parallel)} | ${q.depth} | ${wall.toFixed(1)} | ${target}${wall <= target ? '' : ' (missed)'} | ${cpu.toFixed(1)} |`,
  );
  notes.push(`${i + 1}. minimum: ${q.why}`);
}
console.log('\n' + notes.join('\n'));

// The floor under those wall times: one REST call straight to the emulator at the same
// latency (its own transport and JSON parsing included), from this process.
{
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await (await fetch(`${emulatorUrl}/bareMetals/v2/servers?limit=50&offset=0`, { headers: { 'x-lsw-auth': DEMO_API_KEY } })).json();
    times.push(performance.now() - started);
  }
  console.log(
    `\none REST call at ${LATENCY} ms latency, without the gateway (GET /servers?limit=50): ${median(times).toFixed(1)} ms median`,
  );
}

// Throughput of a one-call query with a 0 ms upstream, beside the emulator's own rate
// for the same REST call, measured in the same run.
await control('config', 'PUT', { latencyMs: 0 });
const before = usage(gateway.child.pid);
const gw = await autocannon({
  url: gateway.url,
  method: 'POST',
  connections: 10,
  duration: SECONDS,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: ONE_CALL }),
});
const after = usage(gateway.child.pid);
await gateway.child.stop();
const rest = await autocannon({
  url: `${emulatorUrl}/bareMetals/v2/servers?limit=20&offset=0`,
  connections: 10,
  duration: SECONDS,
  headers: { 'x-lsw-auth': DEMO_API_KEY },
});
const cpuPerRequest = (after.cpuMs - before.cpuMs) / gw.requests.total;
console.log(`\none-call query (20 servers), 10 connections, ${SECONDS} s, 0 ms upstream:\n`);
console.log('| | requests/s | p50 (ms) | p99 (ms) | gateway CPU per request (ms) | errors |');
console.log('|---|---|---|---|---|---|');
console.log(
  `| gateway (GraphQL) | ${gw.requests.average.toFixed(0)} | ${gw.latency.p50} | ${gw.latency.p99} | ${cpuPerRequest.toFixed(3)} | ${gw.errors + gw.non2xx} |`,
);
console.log(
  `| emulator (same REST call) | ${rest.requests.average.toFixed(0)} | ${rest.latency.p50} | ${rest.latency.p99} | — | ${rest.errors + rest.non2xx} |`,
);

// Memory with 256 requests in flight (20 ms upstream so they overlap), fresh processes.
await control('config', 'PUT', { latencyMs: LATENCY });
const light = await peakRss(ONE_CALL);
const heavy = await peakRss(queries[0]!.query);
console.log(`\ncold start to first answer: ${coldStartMs.toFixed(0)} ms`);
console.log(
  `peak RSS, 256 concurrent one-call queries: ${light.peak.toFixed(0)} MiB (idle ${light.idle.toFixed(0)} MiB; ${light.total} requests, ${light.failed} errors)`,
);
console.log(
  `peak RSS, 256 concurrent "${queries[0]!.name}": ${heavy.peak.toFixed(0)} MiB (idle ${heavy.idle.toFixed(0)} MiB; ${heavy.total} requests, ${heavy.failed} errors)`,
);

await emulator.stop();
