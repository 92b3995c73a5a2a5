import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { defaultUpstreamOptions, type UpstreamOptions } from '../config.js';
import { UpstreamError, upstreamErrorFromResponse, UnauthenticatedError } from '../errors.js';
import { log } from '../log.js';
import { queryString, type Query } from './path.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Path below the base URL, built with the `path` template tag (segments encoded). */
  path: string;
  query?: Query;
  /** Separators for list filters that are not comma-separated (Public Cloud uses `|`). */
  separators?: Record<string, string>;
  /** JSON request body. */
  body?: unknown;
  /**
   * What the answer must be: JSON (the default; a 200 with an HTML page or, for a GET, an
   * empty body is a failure, not data) or text (a zone file, where empty is a valid answer).
   */
  answer?: 'json' | 'text';
}

/**
 * Why a request's work stops early: the request deadline passed, or the caller went away.
 * Carried as the AbortSignal's reason, so every upstream call of the request can say which.
 */
export class RequestAborted extends Error {
  constructor(
    readonly why: 'deadline' | 'disconnected',
    readonly deadlineMs?: number,
  ) {
    super(why === 'deadline' ? `request deadline of ${deadlineMs} ms passed` : 'the caller disconnected');
  }
}

/** The request an upstream call belongs to: its abort signal (deadline, disconnect) and deadline time. */
export interface CallScope {
  signal?: AbortSignal;
  /** Epoch ms after which no retry or backoff starts. */
  deadlineAt?: number;
}

/** What the client reports to metrics; labels are fixed vocabularies, never ids or keys. */
export interface UpstreamObserver {
  /** One attempt finished: `status` is the HTTP status, or `timeout`, `error` (connection), `aborted`. */
  attempt(api: string, method: string, status: string, seconds: number): void;
  retry(api: string, method: string): void;
}

/** A streamed upstream response (downloads such as invoice PDFs). */
export interface StreamedResponse {
  status: number;
  contentType: string | undefined;
  contentLength: string | undefined;
  body: Dispatcher.ResponseData['body'];
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The API base of a path (`/bareMetals/v2/servers/1` → `bareMetals/v2`): a metrics label from our own templates. */
export const apiBase = (path: string) => path.split('/').slice(1, 3).join('/');

/** An UpstreamError for work stopped by the request's signal (deadline or disconnect). */
export function abortedError(reason: unknown): UpstreamError {
  if (reason instanceof RequestAborted && reason.why === 'deadline') {
    return new UpstreamError(
      'UPSTREAM_TIMEOUT',
      `The request deadline of ${reason.deadlineMs} ms passed before the Leaseweb API answered`,
      {
        status: null,
      },
    );
  }
  return new UpstreamError('UPSTREAM_ERROR', 'The request was cancelled: the caller disconnected', { status: null });
}

/** Parses Retry-After (delta-seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The one HTTP client every datasource uses. It owns a keep-alive connection pool to
 * the upstream origin (shared by all callers: a connection carries no credentials) and
 * applies the auth header, timeouts, retries of safe reads and the error mapping.
 * It holds no key itself: each call gets the caller's key from its UpstreamSession.
 */
export class LeasewebClient {
  readonly options: UpstreamOptions;
  private readonly pool: Pool;
  private readonly prefix: string;
  /** For messages: where the gateway was told the API is (origin only, never credentials). */
  private readonly origin: string;

  constructor(
    baseUrl: string,
    options: Partial<UpstreamOptions> = {},
    private readonly observer?: UpstreamObserver,
  ) {
    this.options = { ...defaultUpstreamOptions, ...options };
    const url = new URL(baseUrl);
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.origin = url.origin;
    this.pool = new Pool(url.origin, {
      connections: this.options.connections,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Opens a per-request session bound to one caller's key. */
  session(key: string | undefined, scope: CallScope = {}): UpstreamSession {
    return new UpstreamSession(this, key, scope);
  }

  /**
   * Sends one request with the caller's key. GETs are retried on 429/502/503/504 and
   * on connection resets, with jittered exponential backoff that honours Retry-After;
   * every other method is sent exactly once.
   */
  async request<T>(key: string, opts: RequestOptions, scope: CallScope = {}): Promise<T> {
    const method = opts.method ?? 'GET';
    const retries = method === 'GET' ? this.options.maxRetries : 0;
    const { signal, deadlineAt } = scope;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortedError(signal.reason);
      try {
        return await this.attempt<T>(key, method, opts, signal);
      } catch (error) {
        if (signal?.aborted) throw abortedError(signal.reason);
        const delay = this.retryDelay(error, attempt, retries);
        if (delay === undefined) throw error;
        // A backoff that would end past the deadline is not started: the field fails now.
        if (deadlineAt !== undefined && Date.now() + delay >= deadlineAt) throw error;
        log.debug('upstream retry', { method, path: opts.path, attempt: attempt + 1, delay });
        this.observer?.retry(apiBase(opts.path), method);
        try {
          await sleep(delay, signal);
        } catch (reason) {
          throw abortedError(reason);
        }
      }
    }
  }

  /** Opens a streamed GET (no retry once bytes flow; errors map as for `request`). */
  async stream(key: string, opts: RequestOptions, accept: string, signal?: AbortSignal): Promise<StreamedResponse> {
    const res = await this.send(key, 'GET', opts, accept, signal);
    if (res.statusCode >= 400) throw await this.failure(res, 'GET', opts.path);
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    return {
      status: res.statusCode,
      contentType: header('content-type'),
      contentLength: header('content-length'),
      body: res.body,
    };
  }

  private retryDelay(error: unknown, attempt: number, retries: number): number | undefined {
    if (attempt >= retries) return undefined;
    const backoff = this.options.retryBaseMs * 2 ** attempt;
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    if (error instanceof UpstreamError) {
      const status = error.leaseweb.status;
      if (status === null) return error.code === 'UPSTREAM_ERROR' ? jittered : undefined; // reset, not timeout
      if (!RETRY_STATUSES.has(status)) return undefined;
      const after = error.leaseweb.retryAfterSeconds;
      if (after !== undefined) {
        const ms = after * 1000;
        return ms > this.options.maxRetryAfterMs ? undefined : Math.max(ms, jittered);
      }
      return jittered;
    }
    return undefined;
  }

  private async attempt<T>(key: string, method: Method, opts: RequestOptions, signal?: AbortSignal): Promise<T> {
    const api = apiBase(opts.path);
    const started = performance.now();
    let outcome = 'error';
    try {
      const text = opts.answer === 'text' ? 'text/plain' : 'application/json';
      const res = await this.send(key, method, opts, text, signal);
      outcome = String(res.statusCode);
      if (res.statusCode >= 400) throw await this.failure(res, method, opts.path);
      let body: string;
      try {
        body = await res.body.text();
      } catch (error) {
        outcome = 'error';
        throw this.connectionError(error, method, opts.path, signal);
      }
      return this.decode<T>(res, body, method, opts);
    } catch (error) {
      if (signal?.aborted) outcome = 'aborted';
      else if (error instanceof UpstreamError && error.code === 'UPSTREAM_TIMEOUT' && error.leaseweb.status === null) outcome = 'timeout';
      throw error;
    } finally {
      this.observer?.attempt(api, method, outcome, (performance.now() - started) / 1000);
    }
  }

  /**
   * A 2xx body as the caller expects it. A 204, or an empty write answer, is "no body" as
   * Leaseweb documents it; an HTML page, or an empty GET answer, where JSON was asked for is
   * a failed call (a proxy or maintenance page), never data.
   */
  private decode<T>(res: Dispatcher.ResponseData, text: string, method: Method, opts: RequestOptions): T {
    const type = String(res.headers['content-type'] ?? '');
    if (opts.answer === 'text') return text as T;
    const wrong = (what: string) => {
      log.warn('upstream answered no JSON', { method, path: opts.path, status: res.statusCode, contentType: type.slice(0, 60) });
      return new UpstreamError('UPSTREAM_ERROR', `Leaseweb API answered HTTP ${res.statusCode} with ${what} where JSON was expected`, {
        status: res.statusCode,
        ...correlationOf(res),
      });
    };
    if (!text) {
      if (res.statusCode === 204 || method !== 'GET') return undefined as T;
      throw wrong('an empty body');
    }
    if (!type.includes('json')) throw wrong(type ? `a ${type.split(';')[0]} body` : 'a body of no content type');
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UpstreamError('UPSTREAM_ERROR', 'Leaseweb API sent a malformed JSON body', {
        status: res.statusCode,
        ...correlationOf(res),
      });
    }
  }

  private async send(
    key: string,
    method: Method,
    opts: RequestOptions,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { 'x-lsw-auth': key, accept };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    try {
      // undici's own timers (no AbortController per call): headersTimeout bounds the wait
      // for the response head, bodyTimeout each pause while the body streams in.
      return await this.pool.request({
        method,
        path: this.prefix + opts.path + queryString(opts.query, opts.separators),
        headers,
        body,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        // The request's deadline or its caller's disconnect stops the call (and frees its socket).
        signal,
      });
    } catch (error) {
      throw this.connectionError(error, method, opts.path, signal);
    }
  }

  /** A failure below HTTP (timeout, reset, refused) as an UpstreamError with no status. */
  private connectionError(error: unknown, method: string, path: string, signal?: AbortSignal): UpstreamError {
    if (signal?.aborted) return abortedError(signal.reason);
    const code = (error as { code?: string }).code ?? '';
    if (TIMEOUT_CODES.has(code)) {
      return new UpstreamError('UPSTREAM_TIMEOUT', `Leaseweb API did not answer within ${this.options.timeoutMs} ms`, {
        status: null,
      });
    }
    log.warn('upstream connection failed', { method, path, code });
    // A refused connection is a configuration problem far more often than a fault: say so.
    const message =
      code === 'ECONNREFUSED'
        ? `Connection to the Leaseweb API at ${this.origin} was refused: is LEASEWEB_API_URL right?`
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `The Leaseweb API host ${this.origin} was not found: is LEASEWEB_API_URL right?`
          : RESET_CODES.has(code)
            ? 'Connection to the Leaseweb API was reset'
            : 'Could not reach the Leaseweb API';
    return new UpstreamError('UPSTREAM_ERROR', message, { status: null });
  }

  private async failure(res: Dispatcher.ResponseData, method: string, path: string): Promise<UpstreamError> {
    let body: unknown;
    try {
      body = await res.body.json();
    } catch {
      body = undefined;
    }
    const after = retryAfterMs(res.headers['retry-after']);
    const error = upstreamErrorFromResponse(res.statusCode, body, after === undefined ? undefined : Math.ceil(after / 1000));
    // Leaseweb's correlation id is what its support asks for: every failure logs it.
    log.warn('upstream error', { method, path, status: res.statusCode, correlationId: error.leaseweb.correlationId ?? null });
    return error;
  }
}

/** A correlation id Leaseweb (or a proxy in front of it) put in a header, when a body carries none. */
function correlationOf(res: Dispatcher.ResponseData): { correlationId?: string } {
  const value = res.headers['x-correlation-id'] ?? res.headers['x-request-id'];
  const id = Array.isArray(value) ? value[0] : value;
  return id ? { correlationId: id.slice(0, 100) } : {};
}

/** One upstream call of a session, from when it is asked for until it settles. */
interface PendingCall {
  /**
   * 1 for the calls the request starts by itself, else 1 + the round of the call whose
   * answer led to it: the calls of one round are siblings (the lists of each rack, say).
   */
  round: number;
  /** Told once when the call settles (batches waiting for it). */
  waiters?: Array<() => void>;
}

/**
 * The upstream as one GraphQL request sees it: bound to the caller's key, limited to
 * `concurrency` requests in flight, and sharing identical GETs that are in flight at
 * the same time. It also knows which calls are in flight, so a batch can wait for its
 * siblings (afterSiblings). Created per request by the context; never shared between callers.
 */
export class UpstreamSession {
  /** Upstream requests this session started (for logs and benchmarks). */
  calls = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Calls asked for and not settled yet (in flight, or waiting for a slot). */
  private readonly pending = new Set<PendingCall>();
  /**
   * The round of the call that settled last. Resolvers run in the same turn of the event
   * loop as the answer that led to them (the rest is promise jobs), so a call asked for now
   * follows from that answer and is one round further.
   */
  private lastRound = 0;
  /** The round of the batch being sent, while afterSiblings sends it. */
  private sendingRound: number | undefined;

  constructor(
    private readonly client: LeasewebClient,
    private readonly key: string | undefined,
    private readonly scope: CallScope = {},
  ) {}

  /** True when a key is available; resolvers that need none can still answer. */
  get authenticated(): boolean {
    return Boolean(this.key);
  }

  /** A text answer (a zone file): an empty body is a valid answer, not a failure. */
  getText(path: string): Promise<string> {
    return this.run<string>({ method: 'GET', path, answer: 'text' });
  }

  get<T>(path: string, query?: Query, separators?: Record<string, string>): Promise<T> {
    const id = path + queryString(query, separators);
    const existing = this.inflight.get(id);
    if (existing) return existing as Promise<T>;
    const promise = this.run<T>({ method: 'GET', path, query, separators }).finally(() => this.inflight.delete(id));
    this.inflight.set(id, promise);
    return promise;
  }

  post<T = void>(path: string, body?: unknown, query?: Query): Promise<T> {
    return this.run<T>({ method: 'POST', path, body, query });
  }

  put<T = void>(path: string, body?: unknown): Promise<T> {
    return this.run<T>({ method: 'PUT', path, body });
  }

  delete<T = void>(path: string, body?: unknown): Promise<T> {
    return this.run<T>({ method: 'DELETE', path, body });
  }

  stream(path: string, accept: string): Promise<StreamedResponse> {
    return this.withSlot(() => this.client.stream(this.requireKey(), { path }, accept, this.scope.signal));
  }

  private run<T>(opts: RequestOptions): Promise<T> {
    const key = this.requireKey();
    return this.withSlot(() => this.client.request<T>(key, opts, this.scope));
  }

  private requireKey(): string {
    if (!this.key) throw new UnauthenticatedError();
    return this.key;
  }

  /**
   * Schedules the sending of a batch (a DataLoader `batchScheduleFn`) for a batch endpoint
   * such as ipMgmt `?equipmentIds=`. DataLoader's default sends a batch at the end of the
   * tick its first key came in; but sibling calls (the server list of each rack) answer in
   * different ticks, so each would send its own batch. Here the batch waits for the calls
   * that were in flight when its first key came, of that key's round or an earlier one:
   * their answers may add keys to it. Calls started later are not waited for (they follow
   * from answers: waiting for them would add a round trip the query's own dependencies do
   * not have), and nor is anything past `batchWaitMs`, so an unrelated slow call holds a
   * batch back that long at most. With nothing to wait for, the batch leaves at once.
   */
  afterSiblings(send: () => void): void {
    const round = this.lastRound;
    const limit = this.client.options.batchWaitMs;
    const siblings = limit > 0 ? [...this.pending].filter((call) => call.round <= round) : [];
    let left = siblings.length;
    let timer: NodeJS.Timeout | undefined;
    let sent = false;
    const go = () => {
      if (sent) return;
      sent = true;
      clearTimeout(timer);
      // After the promise jobs of the answer that settled last: its resolvers add their keys first.
      setImmediate(() => {
        const previous = this.sendingRound;
        this.sendingRound = round + 1;
        try {
          send();
        } finally {
          this.sendingRound = previous;
        }
      });
    };
    if (left === 0) return go();
    for (const call of siblings) (call.waiters ??= []).push(() => --left === 0 && go());
    timer = setTimeout(go, limit);
    timer.unref();
  }

  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    const call: PendingCall = { round: this.sendingRound ?? this.lastRound + 1 };
    this.pending.add(call);
    if (this.active >= this.client.options.concurrency) {
      // The finishing task hands its slot straight to us (`active` stays as it is).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.calls++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
      this.pending.delete(call);
      this.lastRound = call.round;
      for (const told of call.waiters ?? []) told();
    }
  }
}
