// A typed GraphQL client in ~60 lines: plain fetch, no framework. The documents are the
// `*Document` constants graphql-codegen generates from operations/*.graphql (client preset,
// string documents), so variables and answers are typed from the schema.
import type { TypedDocumentString } from './generated/graphql.js';

/** One entry of a GraphQL answer's `errors`, as the gateway sends it (README: Errors). */
export interface GraphQLErrorEntry {
  message: string;
  path?: Array<string | number>;
  extensions?: {
    /** UNAUTHENTICATED, NOT_FOUND, BAD_USER_INPUT, RATE_LIMITED, UPSTREAM_ERROR … */
    code?: string;
    /** What Leaseweb answered, when the error came from there. */
    leaseweb?: { status?: number; errorCode?: string; errorMessage?: string; correlationId?: string };
    [key: string]: unknown;
  };
}

/** The whole answer: a field that failed is null in `data` and listed in `errors`; the rest still answers. */
export interface GraphQLResult<TData> {
  data: TData | null;
  errors: GraphQLErrorEntry[];
}

/** Thrown by `request` when the answer has any error (or is not a GraphQL answer at all). */
export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
    readonly data: unknown,
  ) {
    super(errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message)).join('; ') || `HTTP ${status}`);
    this.name = 'GraphQLRequestError';
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Your Leaseweb API key, sent as X-LSW-Auth. Leave it out in demo mode or behind a backend that adds it. */
  apiKey?: string;
  /** Another fetch (tests, a proxy agent); the global one by default. */
  fetch?: typeof fetch;
}

/** Variables are optional when the operation has no required ones. */
type VariablesOf<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export class LeasewebGraphClient {
  constructor(private readonly options: ClientOptions) {}

  /** Runs one operation and returns data and errors as they came (partial answers included). */
  async execute<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    ...[variables]: VariablesOf<TVariables>
  ): Promise<GraphQLResult<TData> & { status: number }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers['x-lsw-auth'] = this.options.apiKey;
    const response = await (this.options.fetch ?? fetch)(this.options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
    const text = await response.text();
    let body: { data?: TData | null; errors?: GraphQLErrorEntry[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphQLRequestError(response.status, [{ message: `not a GraphQL answer: ${text.slice(0, 200)}` }], null);
    }
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** Runs one operation and returns its data; any error, even on one field, throws GraphQLRequestError. */
  async request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    ...variables: VariablesOf<TVariables>
  ): Promise<TData> {
    const result = await this.execute(document, ...variables);
    if (result.errors.length || result.data === null) throw new GraphQLRequestError(result.status, result.errors, result.data);
    return result.data;
  }
}
