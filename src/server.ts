import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import { defaultAdmission, defaultRequestDeadlineMs, defaultUpstreamOptions, type UpstreamOptions } from './config.js';
import { createContext, credentialFrom, type GraphQLContext } from './context.js';
import { costLimitPlugin } from './cost.js';
import { LeasewebClient, RequestAborted } from './datasources/client.js';
import { UnauthenticatedError } from './errors.js';
import { log, withLogFields } from './log.js';
import { Metrics } from './metrics.js';
import { MAX_JSON_DEPTH, jsonDepthOver } from './resolvers/scalars.js';
import { buildSchema } from './schema.js';
import { routeDownload } from './downloads.js';
import { Admission } from './admission.js';
import { sendGraphiQL } from './graphiql.js';

export interface GatewayOptions {
  /** Leaseweb API base URL (the real API or the emulator). */
  upstreamUrl: string;
  /** Server-side key used when a request brings none (trusted backends, demo mode). */
  apiKey?: string;
  upstream?: Partial<UpstreamOptions>;
  port?: number;
  host?: string;
  /** Largest query cost accepted (see src/cost.ts). */
  maxCost?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** GraphQL requests executing at once (0: no limit) and waiting beyond those (see src/admission.ts). */
  maxConcurrentRequests?: number;
  maxQueuedRequests?: number;
  /** A request's whole time budget in ms (see src/config.ts). */
  requestDeadlineMs?: number;
  /** Origins allowed cross-origin access; `*` any. Default: none with a server-side key, any without. */
  corsOrigins?: string[];
}

export interface Gateway {
  url: string;
  port: number;
  client: LeasewebClient;
  metrics: Metrics;
  close(): Promise<void>;
}

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 4000,
  maxDirectives: 20,
  maxCost: 50_000,
};

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Refuses an operation that needs Leaseweb when the request has no key, before any call. */
const requireKeyPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.upstream.authenticated || !operation) return;
        const needsUpstream = operation.selectionSet.selections.some((s) => s.kind !== 'Field' || !INTROSPECTION_FIELDS.has(s.name.value));
        if (needsUpstream) {
          const error = new UnauthenticatedError();
          error.extensions.http = { status: 401 };
          throw error;
        }
      },
    };
  },
};

/**
 * One log line per operation: name, time, upstream calls, error codes. Never the key or
 * variables. It also leaves the operation's name and errors on the context, for metrics.
 */
const accessLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    const started = performance.now();
    return {
      async willSendResponse({ response, contextValue, operationName }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const codes = errors?.map((e) => e.extensions?.code) ?? [];
        // Mutated in place: Apollo hands plugins a shallow copy of the context object.
        contextValue.report.operation = operationName ?? request.operationName ?? undefined;
        contextValue.report.errors = codes.length;
        log.info('graphql', {
          operation: request.operationName ?? null,
          ms: Math.round(performance.now() - started),
          upstreamCalls: contextValue.upstream.calls,
          errors: codes,
        });
      },
    };
  },
};

/**
 * graphql-armor's limit rules name their refusal "Syntax Error: …" and let Apollo code it
 * GRAPHQL_VALIDATION_FAILED; each limit reports here instead, in our words and with a code
 * of its own (carried as `limit` and put in place by formatError), still as a 400.
 */
const limitRejection =
  (code: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limit: code } }));
  };

/** graphql-js's own token limit (parse option `maxTokens`) fails the parse with this message. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/** Only our own errors reach the client; anything unexpected is masked. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  // graphql-js refuses a variable value the schema does not allow (an enum value it does not
  // know, a wrong type) before execution, with no code of its own: the client's mistake.
  if (code === 'INTERNAL_SERVER_ERROR' && !formatted.path && /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /.test(formatted.message)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR') {
    log.error('unexpected error', { message: (error as Error)?.message, path: formatted.path });
    return { message: 'Internal error', path: formatted.path, locations: formatted.locations, extensions: { code } };
  }
  const { stacktrace: _stack, limit, ...extensions } = formatted.extensions ?? {};
  if (typeof limit === 'string') return { ...formatted, extensions: { ...extensions, code: limit } };
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) return { message: `Token limit of ${tokens[1]} exceeded.`, extensions: { ...extensions, code: 'TOKEN_LIMIT_EXCEEDED' } };
  return { ...formatted, extensions };
}

/** Input objects around a JSON value, plus the value's own bound. */
const MAX_VARIABLES_DEPTH = MAX_JSON_DEPTH + 16;

/** An `x-request-id` the caller sent, if it is a plain token (it goes into logs); else a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const schema = buildSchema();
  const limit = (n: number, code: string) => ({ n, propagateOnRejection: false, onReject: [limitRejection(code)] });
  const armor = new ApolloArmor({
    maxDepth: limit(LIMITS.maxDepth, 'DEPTH_LIMIT_EXCEEDED'),
    maxAliases: limit(LIMITS.maxAliases, 'ALIAS_LIMIT_EXCEEDED'),
    // graphql-armor's token plugin parses the document a second time inside a hook, so a
    // syntax error or the limit itself came out as an HTTP 500. graphql-js counts tokens
    // while Apollo parses (parseOptions below): a 400 GRAPHQL_PARSE_FAILED / TOKEN_LIMIT_EXCEEDED.
    maxTokens: { enabled: false },
    maxDirectives: limit(LIMITS.maxDirectives, 'DIRECTIVE_LIMIT_EXCEEDED'),
    costLimit: { enabled: false }, // replaced by the page-aware cost in src/cost.ts
    blockFieldSuggestion: { enabled: false }, // the schema is public; suggestions help
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    ...protection,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginCacheControlDisabled(), // no HTTP caching of answers: they are per caller
      requireKeyPlugin,
      costLimitPlugin(schema, options.maxCost ?? LIMITS.maxCost),
      accessLogPlugin,
    ],
    formatError,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    introspection: true,
    // src/main.ts owns shutdown (gateway, then emulator, then exit 0); Apollo's own signal
    // handlers would stop it halfway and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const admission = new Admission(
    options.maxConcurrentRequests ?? defaultAdmission.maxConcurrentRequests,
    options.maxQueuedRequests ?? defaultAdmission.maxQueuedRequests,
  );
  const metrics = new Metrics(admission);
  const client = new LeasewebClient(options.upstreamUrl, { ...defaultUpstreamOptions, ...options.upstream }, metrics);
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const deadlineMs = options.requestDeadlineMs ?? defaultRequestDeadlineMs;
  // With a server-side key, a page in a user's browser could read that account through the
  // gateway: no cross-origin access unless configured. Without one, callers bring their keys.
  const allowedOrigins = new Set(options.corsOrigins ?? (options.apiKey ? [] : ['*']));
  let ready = false;

  const cors = (req: IncomingMessage, res: ServerResponse): boolean => {
    res.setHeader('vary', 'origin');
    const origin = req.headers.origin;
    if (typeof origin !== 'string') return false;
    const allowed = allowedOrigins.has('*') ? '*' : allowedOrigins.has(origin) ? origin : undefined;
    if (!allowed) return false;
    res.setHeader('access-control-allow-origin', allowed);
    res.setHeader('access-control-expose-headers', 'x-request-id');
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, arrived: number) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
    if (url.pathname === '/metrics') {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      return void res.end(text);
    }
    const credential = credentialFrom(req.headers, options.apiKey);
    const unauthenticated = (message: string) =>
      sendJson(res, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
    if (url.pathname.startsWith('/downloads/')) {
      if ('refused' in credential) return unauthenticated(credential.refused);
      if (await routeDownload(req, res, url, () => client.session(credential.key))) return;
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. GraphQL is served at /graphql.' });
    const crossOrigin = cors(req, res);
    if (req.method === 'OPTIONS') return sendPreflight(res, crossOrigin);
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      !url.searchParams.has('query') &&
      String(req.headers.accept).includes('text/html')
    ) {
      return sendGraphiQL(req, res);
    }
    if ('refused' in credential) {
      metrics.request('anonymous', 'refused', 0);
      return unauthenticated(credential.refused);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBody);
      if (raw === null) {
        // Close once the answer is out: the rest of an oversized body is not worth reading.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          errors: [{ message: `Request body over ${maxBody} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      }
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
      // Variables nested thousands deep overflow the stack of code that walks them
      // recursively (cost analysis, coercion): refused here, before any of it runs.
      if (jsonDepthOver((body as { variables?: unknown } | undefined)?.variables, MAX_VARIABLES_DEPTH)) {
        const message = `Variables may not be nested deeper than ${MAX_VARIABLES_DEPTH} levels (a JSON value ${MAX_JSON_DEPTH}).`;
        return sendJson(res, 400, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
      }
    }
    const entered = admission.enter();
    if (!entered) {
      metrics.refusals.inc();
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, { errors: [{ message: 'The gateway is overloaded; retry shortly.', extensions: { code: 'OVERLOADED' } }] });
    }
    // The deadline counts from arrival: time spent queued is time the caller waited too.
    const abort = new AbortController();
    // Every upstream call of the request listens on this one signal: dozens is normal.
    setMaxListeners(0, abort.signal);
    const left = Math.max(0, arrived + deadlineMs - performance.now());
    const timer = setTimeout(() => {
      metrics.deadlines.inc();
      log.warn('request deadline passed', { deadlineMs });
      abort.abort(new RequestAborted('deadline', deadlineMs));
    }, left);
    const gone = () => {
      if (res.writableFinished) return;
      metrics.disconnects.inc();
      abort.abort(new RequestAborted('disconnected'));
    };
    res.once('close', gone);
    const release = await entered;
    try {
      // A caller that gave up while waiting costs nothing more.
      if (!res.destroyed)
        await execute(req, res, url, body, credential.key, { signal: abort.signal, deadlineAt: Date.now() + left }, arrived);
    } finally {
      clearTimeout(timer);
      release();
    }
  };

  const execute = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: unknown,
    key: string | undefined,
    scope: { signal: AbortSignal; deadlineAt: number },
    arrived: number,
  ) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const context = createContext(client, key, scope);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    const status = result.status ?? 200;
    const errors = context.report.errors;
    const outcome = status >= 500 ? 'failed' : status >= 400 ? 'refused' : errors ? 'errors' : 'ok';
    metrics.request(metrics.operation(context.report.operation), outcome, (performance.now() - arrived) / 1000);
    if (res.destroyed) return;
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.statusCode = status;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server: Server = createServer((req, res) => {
    const arrived = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    withLogFields({ requestId }, () =>
      handle(req, res, arrived).catch((error: Error) => {
        log.error('request failed', { message: error.message });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error' }] });
        else res.destroy();
      }),
    );
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop();
    await client.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new Error(`PORT ${options.port} is already in use on ${host}: stop what listens there or set PORT to a free port`);
    if (code === 'EACCES') throw new Error(`PORT ${options.port} on ${host} needs privileges this process lacks: set PORT above 1023`);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  ready = true;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    client,
    metrics,
    async close() {
      ready = false;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await client.close();
    },
  };
}

/**
 * The body, or null when it is over `max` bytes. An oversized body is refused from its
 * Content-Length when it has one; otherwise the rest is read and dropped (up to a bound)
 * so the client, still sending, can read the 413 rather than see a reset connection.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > max;
    if (over) resolve(null);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > max * 16) req.destroy();
        return;
      }
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A preflight: the allowed methods and headers only for an allowed origin (cors() set its header). */
function sendPreflight(res: ServerResponse, allowed: boolean): void {
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, x-lsw-auth, authorization, apollo-require-preflight, x-request-id');
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204);
  res.end();
}
