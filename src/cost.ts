import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { InputError } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './resolvers/connection.js';

/**
 * A field that returns a page costs its page size (`first`, else the default page) times
 * what is asked of each item, so `dedicatedServers(first: 100) { nodes { ips(first: 100)
 * { … } } }` costs what it would really fan out to. `nodes(ids:)` costs per id; a list
 * without paging, its `@listSize(assumed:)`.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const each = Math.max(childComplexity, 1);
  if (Array.isArray(args.ids)) return 1 + args.ids.length * each;
  const assumed = assumedListSize(field);
  if (assumed !== undefined) return 1 + assumed * each;
  if (field.args.some((a) => a.name === 'first')) {
    // Page sizes are checked here, before anything runs, so a bad one costs no upstream call.
    if (typeof args.first === 'number' && (args.first < 0 || args.first > MAX_PAGE_SIZE)) {
      throw new InputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${args.first}.`, ['first']);
    }
    const size = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + size * each;
  }
  return undefined;
};

const listSizes = new WeakMap<GraphQLField<unknown, unknown>, number | undefined>();

function assumedListSize(field: GraphQLField<unknown, unknown>): number | undefined {
  if (!listSizes.has(field)) {
    const directive = field.astNode?.directives?.find((d) => d.name.value === 'listSize');
    const value = directive?.arguments?.find((a) => a.name.value === 'assumed')?.value;
    listSizes.set(field, value?.kind === Kind.INT ? Number(value.value) : undefined);
  }
  return listSizes.get(field);
}

/**
 * Computes each operation's cost before it runs, refuses it above `maxCost`
 * (QUERY_TOO_COMPLEX), and reports `extensions.cost = { requested, limit }`.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  // Apollo hands the same parsed document to every request with the same query text, so
  // the cost of a (document, operation, variables) is worked out once.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    let byInput = costs.get(document);
    if (!byInput) costs.set(document, (byInput = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    let cost = byInput.get(key);
    if (cost === undefined) {
      cost = getComplexity({
        schema,
        query: document,
        operationName,
        variables,
        estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
      if (byInput.size >= 100) byInput.clear();
      byInput.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      let requested = 0;
      return {
        async didResolveOperation({ request, document }) {
          try {
            requested = costOf(document, request.operationName, request.variables ?? {});
          } catch (error) {
            if (error instanceof GraphQLError) error.extensions.http = { status: 400 };
            throw error;
          }
          if (requested > maxCost) {
            throw new GraphQLError(`Query cost ${requested} exceeds the limit of ${maxCost}. Ask for smaller pages or fewer fields.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: { requested, limit: maxCost }, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && requested > 0) {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested, limit: maxCost },
            };
          }
        },
      };
    },
  };
}
