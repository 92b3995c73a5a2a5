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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

  constructor(baseUrl: string, options: Partial<UpstreamOptions> = {}) {
    this.options = { ...defaultUpstreamOptions, ...options };
    const url = new URL(baseUrl);
    this.prefix = url.pathname.replace(/\/+$/, '');
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
  session(key: string | undefined): UpstreamSession {
    return new UpstreamSession(this, key);
  }

  /**
   * Sends one request with the caller's key. GETs are retried on 429/502/503/504 and
   * on connection resets, with jittered exponential backoff that honours Retry-After;
   * every other method is sent exactly once.
   */
  async request<T>(key: string, opts: RequestOptions): Promise<T> {
    const method = opts.method ?? 'GET';
    const retries = method === 'GET' ? this.options.maxRetries : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(key, method, opts);
      } catch (error) {
        const delay = this.retryDelay(error, attempt, retries);
        if (delay === undefined) throw error;
        log.debug('upstream retry', { method, path: opts.path, attempt: attempt + 1, delay });
        await sleep(delay);
      }
    }
  }

  /** Opens a streamed GET (no retry once bytes flow; errors map as for `request`). */
  async stream(key: string, opts: RequestOptions, accept: string): Promise<StreamedResponse> {
    const res = await this.send(key, 'GET', opts, accept);
    if (res.statusCode >= 400) throw await this.failure(res);
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

  private async attempt<T>(key: string, method: Method, opts: RequestOptions): Promise<T> {
    const res = await this.send(key, method, opts, 'application/json');
    if (res.statusCode >= 400) throw await this.failure(res);
    let text: string;
    try {
      text = await res.body.text();
    } catch (error) {
      throw this.connectionError(error, method, opts.path);
    }
    if (!text) return undefined as T;
    const type = String(res.headers['content-type'] ?? '');
    if (!type.includes('json')) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new UpstreamError('UPSTREAM_ERROR', 'Leaseweb API sent a malformed JSON body', {
        status: res.statusCode,
      });
    }
  }

  private async send(key: string, method: Method, opts: RequestOptions, accept: string): Promise<Dispatcher.ResponseData> {
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
      });
    } catch (error) {
      throw this.connectionError(error, method, opts.path);
    }
  }

  /** A failure below HTTP (timeout, reset, refused) as an UpstreamError with no status. */
  private connectionError(error: unknown, method: string, path: string): UpstreamError {
    const code = (error as { code?: string }).code ?? '';
    if (TIMEOUT_CODES.has(code)) {
      return new UpstreamError('UPSTREAM_TIMEOUT', `Leaseweb API did not answer within ${this.options.timeoutMs} ms`, {
        status: null,
      });
    }
    log.warn('upstream connection failed', { method, path, code });
    return new UpstreamError(
      'UPSTREAM_ERROR',
      RESET_CODES.has(code) ? 'Connection to the Leaseweb API was reset' : 'Could not reach the Leaseweb API',
      { status: null },
    );
  }

  private async failure(res: Dispatcher.ResponseData): Promise<UpstreamError> {
    let body: unknown;
    try {
      body = await res.body.json();
    } catch {
      body = undefined;
    }
    const after = retryAfterMs(res.headers['retry-after']);
    return upstreamErrorFromResponse(res.statusCode, body, after === undefined ? undefined : Math.ceil(after / 1000));
  }
}

/**
 * The upstream as one GraphQL request sees it: bound to the caller's key, limited to
 * `concurrency` requests in flight, and sharing identical GETs that are in flight at
 * the same time. Created per request by the context; never shared between callers.
 */
export class UpstreamSession {
  /** Upstream requests this session started (for logs and benchmarks). */
  calls = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: LeasewebClient,
    private readonly key: string | undefined,
  ) {}

  /** True when a key is available; resolvers that need none can still answer. */
  get authenticated(): boolean {
    return Boolean(this.key);
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
    return this.withSlot(() => this.client.stream(this.requireKey(), { path }, accept));
  }

  private run<T>(opts: RequestOptions): Promise<T> {
    const key = this.requireKey();
    return this.withSlot(() => this.client.request<T>(key, opts));
  }

  private requireKey(): string {
    if (!this.key) throw new UnauthenticatedError();
    return this.key;
  }

  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
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
    }
  }
}
