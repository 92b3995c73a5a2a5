import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { defaultAdmission, defaultUpstreamOptions, type UpstreamOptions } from './config.js';
import { apiKeyFrom, createContext, type GraphQLContext } from './context.js';
import { costLimitPlugin } from './cost.js';
import { LeasewebClient } from './datasources/client.js';
import { UnauthenticatedError } from './errors.js';
import { log } from './log.js';
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
}

export interface Gateway {
  url: string;
  port: number;
  client: LeasewebClient;
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

/** One log line per operation: name, time, upstream calls, error codes. Never the key or variables. */
const accessLogPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ request }) {
    const started = performance.now();
    return {
      async willSendResponse({ response, contextValue }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        log.info('graphql', {
          operation: request.operationName ?? null,
          ms: Math.round(performance.now() - started),
          upstreamCalls: contextValue.upstream.calls,
          errors: errors?.map((e) => e.extensions?.code) ?? [],
        });
      },
    };
  },
};

/** Only our own errors reach the client; anything unexpected is masked. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR') {
    log.error('unexpected error', { message: (error as Error)?.message, path: formatted.path });
    return { message: 'Internal error', path: formatted.path, locations: formatted.locations, extensions: { code } };
  }
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const schema = buildSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives },
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
    introspection: true,
    // src/main.ts owns shutdown (gateway, then emulator, then exit 0); Apollo's own signal
    // handlers would stop it halfway and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const client = new LeasewebClient(options.upstreamUrl, { ...defaultUpstreamOptions, ...options.upstream });
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const admission = new Admission(
    options.maxConcurrentRequests ?? defaultAdmission.maxConcurrentRequests,
    options.maxQueuedRequests ?? defaultAdmission.maxQueuedRequests,
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    const key = () => apiKeyFrom(req.headers, options.apiKey);
    if (await routeDownload(req, res, url, () => client.session(key()))) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. GraphQL is served at /graphql.' });
    if (req.method === 'OPTIONS') return sendCors(res);
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      !url.searchParams.has('query') &&
      String(req.headers.accept).includes('text/html')
    ) {
      return sendGraphiQL(req, res);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBody);
      if (raw === null)
        return sendJson(res, 413, { errors: [{ message: `Request body over ${maxBody} bytes.`, extensions: { code: 'BAD_REQUEST' } }] });
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const entered = admission.enter();
    if (!entered) {
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, { errors: [{ message: 'The gateway is overloaded; retry shortly.', extensions: { code: 'OVERLOADED' } }] });
    }
    const release = await entered;
    try {
      // A caller that gave up while waiting costs nothing more.
      if (!res.destroyed) await execute(req, res, url, body);
    } finally {
      release();
    }
  };

  const execute = async (req: IncomingMessage, res: ServerResponse, url: URL, body: unknown) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(client, apiKeyFrom(req.headers, options.apiKey)),
    });
    for (const [name, value] of result.headers) res.setHeader(name, value);
    res.setHeader('access-control-allow-origin', '*');
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      log.error('request failed', { message: error.message });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error' }] });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    client,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await client.close();
    },
  };
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendCors(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'content-type, x-lsw-auth, authorization, apollo-require-preflight',
    'access-control-max-age': '600',
  });
  res.end();
}
