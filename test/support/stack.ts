import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DEMO_API_KEY } from '../../src/emulator/dataset.js';
import { Emulator, type EmulatorOptions, type LoggedRequest } from '../../src/emulator/server.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/server.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
  headers: Headers;
}

export interface QueryOptions {
  /** The caller's key; DEMO by default, null for none. */
  key?: string | null;
  /** Send the key as `Authorization: Bearer` instead of X-LSW-Auth. */
  bearer?: boolean;
  headers?: Record<string, string>;
}

/** An emulator and a gateway over real HTTP, as a client and Leaseweb would see them. */
export class Stack {
  constructor(
    readonly emulator: Emulator,
    readonly gateway: Gateway,
  ) {}

  /** POSTs a GraphQL operation to the gateway and returns the parsed answer. */
  async query<T = any>(query: string, variables?: Record<string, unknown>, options: QueryOptions = {}): Promise<GraphQLResponse<T>> {
    const key = options.key === undefined ? DEMO_API_KEY : options.key;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (key !== null) headers[options.bearer ? 'authorization' : 'x-lsw-auth'] = options.bearer ? `Bearer ${key}` : key;
    const res = await fetch(this.gateway.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...body };
  }

  /** Like query, but fails the test on any GraphQL error, and returns data. */
  async data<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<T> {
    const res = await this.query<T>(query, variables, options);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** Upstream requests the emulator served since the last reset, optionally filtered. */
  calls(filter?: { method?: string; path?: string | RegExp }): LoggedRequest[] {
    return this.emulator.log.filter(
      (r) =>
        (!filter?.method || r.method === filter.method) &&
        (!filter?.path || (typeof filter.path === 'string' ? r.path.includes(filter.path) : filter.path.test(r.path))),
    );
  }

  /** The demo customer's data set, as the emulator holds it (to check answers against). */
  get demo() {
    return this.emulator.dataset(DEMO_API_KEY);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await this.emulator.close();
  }
}

export async function startStack(options: { emulator?: EmulatorOptions; gateway?: Partial<GatewayOptions> } = {}): Promise<Stack> {
  const emulator = await new Emulator(options.emulator).listen();
  const gateway = await startGateway({
    upstreamUrl: emulator.url,
    ...options.gateway,
    // Fast retries so fault tests stay quick; the policy is the same as in production. A
    // test's own upstream options are merged over these, not in place of them.
    upstream: { retryBaseMs: 5, timeoutMs: 2_000, ...options.gateway?.upstream },
  });
  return new Stack(emulator, gateway);
}

/**
 * One stack per test file: started before the first test, closed after the last. Before
 * each test the emulator's data, faults and log are reset, so tests don't see each
 * other's writes.
 */
export function useStack(options?: Parameters<typeof startStack>[0]): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
  });
  beforeEach(() => stack?.emulator.reset());
  afterAll(async () => {
    await stack?.close();
  });
  return () => {
    if (!stack) throw new Error('stack not started');
    return stack;
  };
}
