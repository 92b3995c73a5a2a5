import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { segment } from '../datasources/path.js';
import { InputError, isUpstreamError } from '../errors.js';
import { expectGid, parseGid } from '../ids.js';
import type { UserError, UserErrorCode } from '../generated/graphql.js';

export type MaybePromise<T> = T | Promise<T>;

/**
 * Applies `fn` to a value that may still be loading: synchronously when it is there,
 * after it resolves otherwise. Lets resolvers skip a promise when data is at hand.
 */
export function andThen<T, R>(value: MaybePromise<T>, fn: (v: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/**
 * Leaseweb's string for a GraphQL enum, typed as that enum. Nothing is checked here: the
 * schema answers a string the enum does not know as `UNKNOWN` (src/schema.ts).
 */
export const upstreamEnum = <E extends string>(value: string | null | undefined): E | null => (value ?? null) as E | null;

/** Tags an object with its GraphQL type, for `Node` and `Equipment` results. */
export function typed<T extends object>(typename: string, obj: T): T & { __typename: string } {
  return Object.assign(obj, { __typename: typename });
}

/**
 * Arguments that name one object accept its Leaseweb id or its global id; this returns
 * the Leaseweb id (refusing a global id of another type).
 */
export function localId(id: string, typename: string): string {
  return parseGid(id) ? expectGid(id, typename)[0]! : id;
}

/**
 * Runs a write and shapes its payload. What the caller can fix (a 400/404/409/422 from
 * Leaseweb, or input the gateway refused) becomes `userErrors`; anything else (auth,
 * rate limits, upstream failures) is a GraphQL error on the mutation field. `renames`
 * maps a field Leaseweb names in `errorDetails` (a path parameter such as `instanceId`) to
 * the input field the caller gave.
 */
export async function payload<T extends object>(
  run: () => Promise<T>,
  renames: Readonly<Record<string, string>> = {},
): Promise<T & { userErrors: UserError[] }> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    const userErrors = toUserErrors(error, renames);
    if (!userErrors) throw error;
    return { userErrors } as T & { userErrors: UserError[] };
  }
}

/** The `UserErrorCode` of a Leaseweb refusal, from its HTTP status (Leaseweb's `errorCode` goes to `leasewebCode`). */
function userErrorCode(status: number | null): UserErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  return 'INVALID';
}

function toUserErrors(error: unknown, renames: Readonly<Record<string, string>>): UserError[] | undefined {
  if (error instanceof InputError) {
    return [{ field: error.field ?? null, message: error.message, code: 'INVALID', leasewebCode: null }];
  }
  if (!isUpstreamError(error) || (error.code !== 'BAD_USER_INPUT' && error.code !== 'NOT_FOUND')) return undefined;
  const { errorDetails, errorCode, status } = error.leaseweb;
  const code = error.code === 'NOT_FOUND' ? 'NOT_FOUND' : userErrorCode(status);
  const leasewebCode = errorCode ?? null;
  const details = Object.entries(errorDetails ?? {});
  if (details.length === 0) return [{ field: null, message: error.message, code, leasewebCode }];
  return details.flatMap(([field, messages]) => {
    const [top = '', ...below] = field.split('.');
    const path = ['input', Object.hasOwn(renames, top) ? renames[top]! : top, ...below];
    return (messages.length ? messages : [error.message]).map((message) => ({ field: path, message, code, leasewebCode }));
  });
}

/**
 * The names of the fields selected under the current field (through fragments), so a
 * resolver can tell whether the list's summary is enough or the detail call is needed.
 * The set is shared: read it, do not change it.
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  // graphql-js hands every item of a list the same fieldNodes array: computed once per list.
  let names = selectionCache.get(info.fieldNodes);
  if (!names) selectionCache.set(info.fieldNodes, (names = selectedFieldsAt(info, [])));
  return names;
}

const selectionCache = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * The names of the fields selected at `path` below the current field, through fragments:
 * `['contract']` gives what `contract { … }` asks, `[]` what `selectedFields` gives.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: readonly string[], into = new Set<string>()): Set<string> {
  const visit = (set: SelectionSetNode | undefined, rest: readonly string[]) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'Field') {
        if (rest.length === 0) into.add(sel.name.value);
        else if (sel.name.value === rest[0]) visit(sel.selectionSet, rest.slice(1));
      } else if (sel.kind === 'InlineFragment') visit(sel.selectionSet, rest);
      else visit(info.fragments[sel.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, path);
  return into;
}

/**
 * The fields selected on a connection's items (under `nodes` and `edges { node }`), through
 * fragments: what a list field's items are asked, before they are resolved.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  let names = nodeSelectionCache.get(info.fieldNodes);
  if (!names) {
    names = selectedFieldsAt(info, ['edges', 'node'], selectedFieldsAt(info, ['nodes']));
    nodeSelectionCache.set(info.fieldNodes, names);
  }
  return names;
}

const nodeSelectionCache = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/** True when every selected field is in `available` (so no extra call is needed). */
export function onlySelects(info: GraphQLResolveInfo, available: readonly string[]): boolean {
  for (const name of selectedFields(info)) if (name !== '__typename' && !available.includes(name)) return false;
  return true;
}

/** Leaves out the fields the caller did not give (GraphQL null → not sent). */
export function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/**
 * The Leaseweb id a mutation input names (its Leaseweb id or a global id of `typename`);
 * an id that names none (`..`, another type's global id) is a user error on `input.<field>`.
 */
export function inputId(id: string, typename: string, field: string): string {
  try {
    const local = localId(id, typename);
    segment(local);
    return local;
  } catch (error) {
    if (error instanceof InputError && !error.field) throw new InputError(error.message, ['input', field]);
    throw error;
  }
}
