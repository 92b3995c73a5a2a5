import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createDataset, defaultKeys, type Dataset, type DatasetSpec } from './dataset.js';
import { ApiError, errorBody } from './http.js';
import { allRoutes } from './products.js';
import { Router } from './router.js';
import type { EmulatorResponse, HttpMethod } from './types.js';

export { routeTable } from './products.js';
export type { RouteInfo } from './types.js';

/** One request the emulator served (never the key, never the body). */
export interface LoggedRequest {
  method: string;
  path: string;
  search: string;
  /** The Leaseweb operation the route that answered serves; undefined for unknown routes. */
  operationId?: string;
  status: number | 'reset' | 'timeout';
  at: number;
}

/** A fault that hits the next matching request(s) exactly, for deterministic tests. */
export interface ScriptedFault {
  /** Only requests whose path contains this (default: any). */
  match?: string;
  method?: string;
  /**
   * `html`: a 200 whose body is an HTML page (a proxy's or a maintenance page); `empty`: a
   * 200 with a JSON content type and no body. Both are answers that are not what they claim.
   */
  kind: 'status' | 'reset' | 'timeout' | 'html' | 'empty';
  status?: number;
  retryAfterSeconds?: number;
  /** How many matching requests it hits (default 1). */
  times?: number;
}

/** Random faults, for load and chaos runs. Rates are probabilities in [0, 1]. */
export interface FaultRates {
  errorRate: number;
  errorStatus: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  timeoutRate: number;
  resetRate: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** API keys the emulator accepts and the data set each one sees. */
  keys?: Record<string, DatasetSpec>;
  /** Added to every answer, in ms. */
  latencyMs?: number;
  faults?: Partial<FaultRates>;
  /** Keep at most this many log entries (oldest dropped). */
  logLimit?: number;
}

const noFaults: FaultRates = { errorRate: 0, errorStatus: 500, rateLimitRate: 0, retryAfterSeconds: 1, timeoutRate: 0, resetRate: 0 };

export function createRouter(): Router {
  const router = new Router();
  for (const route of allRoutes()) router.add(route);
  return router;
}

/**
 * The Leaseweb API emulator: same paths, shapes and error envelope as the reference, one
 * in-memory data set per API key, state that mutations change, switches for latency
 * and faults, and a log of what it served.
 */
export class Emulator {
  readonly log: LoggedRequest[] = [];
  /** Requests being answered right now, and the most at once since the last clearLog. */
  inFlight = 0;
  maxInFlight = 0;
  latencyMs: number;
  faults: FaultRates;
  private readonly scripted: Array<Required<Pick<ScriptedFault, 'kind'>> & ScriptedFault & { left: number }> = [];
  private readonly keys: Record<string, DatasetSpec>;
  private readonly datasets = new Map<string, Dataset>();
  private readonly router = createRouter();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly logLimit: number;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.keys = options.keys ?? defaultKeys;
    this.latencyMs = options.latencyMs ?? 0;
    this.faults = { ...noFaults, ...options.faults };
    this.logLimit = options.logLimit ?? 100_000;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The data set of a key, created on first use (tests read it to check answers). */
  dataset(key: string): Dataset {
    let data = this.datasets.get(key);
    if (!data) {
      const spec = this.keys[key];
      if (!spec) throw new Error('unknown emulator key');
      data = createDataset(spec);
      this.datasets.set(key, data);
    }
    return data;
  }

  /** Forgets all state changes: every key starts again from its seed. */
  reset(): void {
    this.datasets.clear();
    this.scripted.length = 0;
    this.faults = { ...noFaults, ...this.options.faults };
    this.latencyMs = this.options.latencyMs ?? 0;
    this.clearLog();
  }

  clearLog(): void {
    this.log.length = 0;
    this.maxInFlight = this.inFlight;
  }

  /** Schedules a fault for the next matching request(s). */
  failNext(fault: ScriptedFault): void {
    this.scripted.push({ ...fault, left: fault.times ?? 1 });
  }

  private record(entry: LoggedRequest): void {
    if (this.log.length >= this.logLimit) this.log.shift();
    this.log.push(entry);
  }

  private pickFault(method: string, path: string): ScriptedFault | undefined {
    const i = this.scripted.findIndex((f) => (!f.match || path.includes(f.match)) && (!f.method || f.method === method));
    if (i >= 0) {
      const fault = this.scripted[i]!;
      if (--fault.left <= 0) this.scripted.splice(i, 1);
      return fault;
    }
    const f = this.faults;
    const roll = Math.random();
    if (roll < f.resetRate) return { kind: 'reset' };
    if (roll < f.resetRate + f.timeoutRate) return { kind: 'timeout' };
    if (roll < f.resetRate + f.timeoutRate + f.rateLimitRate)
      return { kind: 'status', status: 429, retryAfterSeconds: f.retryAfterSeconds };
    if (roll < f.resetRate + f.timeoutRate + f.rateLimitRate + f.errorRate) return { kind: 'status', status: f.errorStatus };
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/_emulator/')) return this.admin(req, res, method, url);
    const entry: LoggedRequest = { method, path: url.pathname, search: url.search, status: 0, at: Date.now() };
    // Named whatever happens next (a fault, a 401), so a test sees which operation was tried.
    const match = this.router.match(method, url.pathname);
    if (match.kind === 'found') entry.operationId = match.route.id;
    this.record(entry);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.once('close', () => this.inFlight--);
    const arrived = performance.now();
    const raw = await readBody(req);
    // Injected latency is the time the upstream takes in all: the answer leaves
    // `latencyMs` after the request arrived, however long the emulator itself worked.
    const wait = async () => {
      const left = this.latencyMs - (performance.now() - arrived);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    };

    const fault = this.pickFault(method, url.pathname);
    if (fault?.kind === 'reset') {
      await wait();
      entry.status = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'timeout') {
      entry.status = 'timeout'; // never answer; the socket closes when the client gives up
      return;
    }
    let response: EmulatorResponse;
    if (fault?.kind === 'html') {
      response = {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        raw: '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>',
      };
    } else if (fault?.kind === 'empty') {
      response = { status: 200, headers: { 'content-type': 'application/json' }, raw: '' };
    } else if (fault?.kind === 'status') {
      const status = fault.status ?? 500;
      response = {
        status,
        body: errorBody(new ApiError(status, status === 429 ? 'Too many requests.' : 'The API is temporarily unavailable.')),
      };
      if (fault.retryAfterSeconds !== undefined) response.headers = { 'retry-after': String(fault.retryAfterSeconds) };
    } else {
      response = await this.route(req, method, url, raw);
    }
    entry.status = response.status;
    const prepared = prepare(response);
    await wait();
    write(res, prepared);
  }

  /**
   * The sandbox's own controls (not part of Leaseweb's API, not logged), so a separate
   * process (benchmarks, a developer with curl) can read the request log and turn the
   * switches: GET /_emulator/log, POST /_emulator/reset, PUT /_emulator/config
   * `{ latencyMs?, faults? }`, POST /_emulator/fail-next (a ScriptedFault).
   */
  private async admin(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(res, { status: 400, body: { error: 'body must be JSON' } });
    }
    const action = `${method} ${url.pathname}`;
    if (action === 'GET /_emulator/log') {
      const since = Number(url.searchParams.get('since') ?? 0);
      return send(res, {
        status: 200,
        body: { count: this.log.length, maxInFlight: this.maxInFlight, entries: this.log.filter((e) => e.at >= since) },
      });
    }
    if (action === 'POST /_emulator/reset') {
      this.reset();
      return send(res, { status: 204 });
    }
    if (action === 'POST /_emulator/clear-log') {
      this.clearLog();
      return send(res, { status: 204 });
    }
    if (action === 'PUT /_emulator/config') {
      if (typeof body.latencyMs === 'number' && body.latencyMs >= 0) this.latencyMs = body.latencyMs;
      if (body.faults && typeof body.faults === 'object') this.faults = { ...this.faults, ...(body.faults as Partial<FaultRates>) };
      return send(res, { status: 200, body: { latencyMs: this.latencyMs, faults: this.faults } });
    }
    if (action === 'POST /_emulator/fail-next' && typeof body.kind === 'string') {
      this.failNext(body as unknown as ScriptedFault);
      return send(res, { status: 204 });
    }
    return send(res, { status: 404, body: { error: 'unknown emulator control' } });
  }

  private async route(req: IncomingMessage, method: string, url: URL, raw: string): Promise<EmulatorResponse> {
    try {
      const key = req.headers['x-lsw-auth'];
      if (typeof key !== 'string' || !this.keys[key]) {
        throw new ApiError(401, 'You are not authorized to view this resource.', undefined, 'ACCESS_DENIED');
      }
      const match = this.router.match(method, url.pathname);
      if (match.kind === 'not-found') throw new ApiError(404, 'The requested resource could not be found.');
      if (match.kind === 'method-not-allowed') {
        return { status: 405, headers: { allow: match.allowed.join(', ') }, body: errorBody(new ApiError(405, 'Method not allowed.')) };
      }
      let body: unknown;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new ApiError(400, 'The API could not interpret your request correctly.', { body: ['Malformed JSON.'] });
        }
      }
      return await match.route.handler({
        method: method as HttpMethod,
        path: url.pathname,
        params: match.params,
        query: url.searchParams,
        body,
        data: this.dataset(key),
      });
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: errorBody(error) };
      return { status: 500, body: errorBody(new ApiError(500, `Emulator error: ${(error as Error).message}`)) };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Prepared {
  status: number;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
}

function prepare(response: EmulatorResponse): Prepared {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.raw !== undefined) {
    payload = response.raw;
  } else if (response.body !== undefined && response.status !== 204) {
    payload = JSON.stringify(response.body);
    headers['content-type'] = 'application/json';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return { status: response.status, headers, payload };
}

function write(res: ServerResponse, { status, headers, payload }: Prepared): void {
  res.writeHead(status, headers);
  res.end(payload);
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  write(res, prepare(response));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).listen();
}
