/**
 * Configuration from the environment, read once at start-up. Every knob has a
 * default that works on a fresh machine: with no LEASEWEB_API_URL the gateway starts
 * the built-in emulator (demo mode).
 */
export interface Config {
  port: number;
  host: string;
  /** Upstream base URL; undefined means "start the built-in emulator". */
  upstreamUrl: string | undefined;
  /** Server-side key for trusted backends; a caller's own key always wins. */
  apiKey: string | undefined;
  upstream: UpstreamOptions;
  /** A GraphQL request's whole time budget, in ms: fields still waiting on Leaseweb then fail UPSTREAM_TIMEOUT. */
  requestDeadlineMs: number;
  /**
   * Origins a browser may call the gateway from (`CORS_ORIGINS`, comma-separated, `*` for
   * any). Unset: none when a server-side key is set (any page a user opens could otherwise
   * read that account), any origin otherwise (each caller then brings their own key).
   */
  corsOrigins: string[] | undefined;
  /** GraphQL requests executing at once (0: no limit), and how many more may wait. */
  maxConcurrentRequests: number;
  maxQueuedRequests: number;
}

export interface UpstreamOptions {
  /** Per-attempt timeout of one upstream request, in ms. */
  timeoutMs: number;
  /** How many times a safe read (GET) is retried after the first attempt. */
  maxRetries: number;
  /** Base of the exponential, jittered backoff between read retries, in ms. */
  retryBaseMs: number;
  /** A Retry-After longer than this is not waited for: the field fails RATE_LIMITED. */
  maxRetryAfterMs: number;
  /** Upstream requests one GraphQL request may have in flight at once. */
  concurrency: number;
  /** Keep-alive connections kept to the upstream origin. */
  connections: number;
  /**
   * How long, at most, a batch of a batch endpoint (ipMgmt `?ips=`, `?equipmentIds=`) waits
   * for sibling calls still in flight to add their keys (see UpstreamSession.afterSiblings);
   * 0: batches leave at once, one per tick.
   */
  batchWaitMs: number;
}

export const defaultUpstreamOptions: UpstreamOptions = {
  timeoutMs: 10_000,
  maxRetries: 2,
  retryBaseMs: 100,
  maxRetryAfterMs: 5_000,
  concurrency: 32,
  connections: 64,
  // A bound, not a delay: a batch leaves as soon as its siblings have answered; this caps
  // what an unrelated slow call in flight can hold it back.
  batchWaitMs: 50,
};

/** Well under a browser's or a load balancer's patience, above a few slow dependent calls. */
export const defaultRequestDeadlineMs = 15_000;

/** See src/admission.ts: enough for a busy gateway, few enough to bound a burst's memory. */
export const defaultAdmission = { maxConcurrentRequests: 256, maxQueuedRequests: 1024 };

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** The upstream URL, checked at start so a typo is named at once rather than on every query. */
function upstreamUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // The value itself is not repeated: a URL can carry credentials.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new Error('LEASEWEB_API_URL must be an http(s) URL without credentials, such as https://api.leaseweb.com');
  }
  return raw;
}

function origins(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    upstreamUrl: upstreamUrl(env.LEASEWEB_API_URL),
    requestDeadlineMs: int(env, 'LEASEWEB_REQUEST_DEADLINE_MS', defaultRequestDeadlineMs),
    corsOrigins: origins(env.CORS_ORIGINS),
    apiKey: env.LEASEWEB_API_KEY || undefined,
    maxConcurrentRequests: int(env, 'MAX_CONCURRENT_REQUESTS', defaultAdmission.maxConcurrentRequests),
    maxQueuedRequests: int(env, 'MAX_QUEUED_REQUESTS', defaultAdmission.maxQueuedRequests),
    upstream: {
      timeoutMs: int(env, 'LEASEWEB_TIMEOUT_MS', defaultUpstreamOptions.timeoutMs),
      maxRetries: int(env, 'LEASEWEB_MAX_RETRIES', defaultUpstreamOptions.maxRetries),
      retryBaseMs: int(env, 'LEASEWEB_RETRY_BASE_MS', defaultUpstreamOptions.retryBaseMs),
      maxRetryAfterMs: int(env, 'LEASEWEB_MAX_RETRY_AFTER_MS', defaultUpstreamOptions.maxRetryAfterMs),
      concurrency: int(env, 'LEASEWEB_CONCURRENCY', defaultUpstreamOptions.concurrency),
      connections: int(env, 'LEASEWEB_CONNECTIONS', defaultUpstreamOptions.connections),
      batchWaitMs: int(env, 'LEASEWEB_BATCH_WAIT_MS', defaultUpstreamOptions.batchWaitMs),
    },
  };
}
