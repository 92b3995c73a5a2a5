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
 * Cursors are opaque to clients: base64url of `v1:<offset>`, the item's offset in the whole
 * list. The version prefix lets the form change later (a keyset cursor, say) while cursors
 * handed out before are still read or refused cleanly; clients must not build them.
 */
const CURSOR_PREFIX = 'v1:';

/** The cursor of the item at `offset` in the whole list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(CURSOR_PREFIX + offset).toString('base64url');
}

/** The offset a cursor names, or undefined when it is not a cursor this gateway made. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:(\d{1,9})$/.exec(text);
  // Re-encoding must give the same text back, so one offset has exactly one cursor.
  return match && encodeCursor(Number(match[1])) === cursor ? Number(match[1]) : undefined;
}

/**
 * Turns Relay arguments into Leaseweb's limit/offset: `after` continues at the offset
 * after the one its cursor names.
 */
export function toWindow(args: ConnectionArgs, defaultSize = DEFAULT_PAGE_SIZE): Window {
  const limit = args.first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new InputError(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}.`, ['first']);
  }
  let offset = 0;
  if (args.after !== undefined && args.after !== null) {
    const after = decodeCursor(args.after);
    if (after === undefined) {
      throw new InputError(`after must be a cursor from this connection, got "${args.after}".`, ['after']);
    }
    offset = after + 1;
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
  edges: <T>(page: Page<T>): Edge<T>[] => page.items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node })),
  pageInfo: (page: Page<unknown>) => ({
    hasNextPage: page.offset + page.items.length < page.totalCount,
    hasPreviousPage: page.offset > 0,
    startCursor: page.items.length ? encodeCursor(page.offset) : null,
    endCursor: page.items.length ? encodeCursor(page.offset + page.items.length - 1) : null,
  }),
};
