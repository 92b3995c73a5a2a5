import { InputError } from '../errors.js';
import type { Page, Window } from '../datasources/page.js';

/** The largest page a connection serves; more is refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Turns Relay arguments into Leaseweb's limit/offset. A cursor is the item's offset in
 * the whole list, so `after: "19"` continues at offset 20.
 */
export function toWindow(args: ConnectionArgs, defaultSize = DEFAULT_PAGE_SIZE): Window {
  const limit = args.first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new InputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}.`, ['first']);
  }
  let offset = 0;
  if (args.after !== undefined && args.after !== null) {
    if (!/^\d{1,9}$/.test(args.after)) {
      throw new InputError(`after must be a cursor from this connection, got "${args.after}".`, ['after']);
    }
    offset = Number(args.after) + 1;
  }
  return { limit, offset };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Resolvers shared by every `…Connection` type; a connection's parent is a Page. */
export const connectionResolvers = {
  totalCount: (page: Page<unknown>) => page.totalCount,
  nodes: <T>(page: Page<T>) => page.items,
  edges: <T>(page: Page<T>): Edge<T>[] => page.items.map((node, i) => ({ cursor: String(page.offset + i), node })),
  pageInfo: (page: Page<unknown>) => ({
    hasNextPage: page.offset + page.items.length < page.totalCount,
    hasPreviousPage: page.offset > 0,
    startCursor: page.items.length ? String(page.offset) : null,
    endCursor: page.items.length ? String(page.offset + page.items.length - 1) : null,
  }),
};
