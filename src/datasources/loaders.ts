import DataLoader from 'dataloader';
import { isUpstreamError } from '../errors.js';
import type { UpstreamSession } from './client.js';
import { toPage, type Page } from './page.js';

/** Null for a 404, so "does not exist" reads as null rather than an error. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isUpstreamError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * A per-request loader for resources that have no batch endpoint: each key is one GET,
 * all started together (the session caps concurrency), each cached for the request.
 * A 404 becomes null; any other failure becomes an Error in that key's slot only.
 */
export function byIdLoader<K, V>(fetchOne: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => string): DataLoader<K, V | null, string | K> {
  return new DataLoader<K, V | null, string | K>(
    // `Promise.resolve().then` turns a synchronous throw (an id refused by `segment`) into
    // that key's error instead of failing the whole batch.
    (keys) => Promise.all(keys.map((key) => orNull(Promise.resolve().then(() => fetchOne(key))).catch((e: Error) => e))),
    cacheKeyFn ? { cacheKeyFn } : {},
  );
}

/**
 * Splits values into groups whose comma-joined length stays under `maxChars`, so a
 * batched `?ips=a,b,c` URL stays well below common URL limits (8 KB).
 */
export function chunkByLength(values: readonly string[], maxChars = 1800, maxItems = 100): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const value of values) {
    const cost = encodeURIComponent(value).length + 3; // the encoded comma
    if (current.length && (length + cost > maxChars || current.length >= maxItems)) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(value);
    length += cost;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * The first page of a whole list, with how many calls the rest would cost and a way to
 * read it. For lookups that choose between one call per key and the whole list.
 */
export interface Listing<T> {
  /** The first page's items. */
  items: T[];
  /** Calls the pages after the first would take. */
  pagesLeft: number;
  /** Every item of the list: the first page's and the rest's (read on each call). */
  all(): Promise<T[]>;
}

export async function listFirst<T>(
  upstream: UpstreamSession,
  path: string,
  itemsKey: string,
  query: Record<string, string | number | undefined> = {},
  pageSize = 100,
): Promise<Listing<T>> {
  const first = toPage<T>(await upstream.get(path, { ...query, limit: pageSize, offset: 0 }), itemsKey);
  // Step by what the first page really held, in case the upstream caps the page size.
  const step = first.items.length;
  const offsets: number[] = [];
  for (let offset = step; step > 0 && offset < first.totalCount; offset += step) offsets.push(offset);
  return {
    items: first.items,
    pagesLeft: offsets.length,
    all: () =>
      Promise.all(offsets.map((offset) => upstream.get(path, { ...query, limit: step, offset }).then((b) => toPage<T>(b, itemsKey)))).then(
        (pages) => [first, ...pages].flatMap((p) => p.items),
      ),
  };
}

/**
 * Reads every page of a list (for catalogues and batched filters whose answer may span
 * pages). Pages after the first are fetched together once totalCount is known.
 */
export async function fetchAll<T>(
  upstream: UpstreamSession,
  path: string,
  itemsKey: string,
  query: Record<string, string | number | undefined> = {},
  pageSize = 100,
): Promise<T[]> {
  return (await listFirst<T>(upstream, path, itemsKey, query, pageSize)).all();
}
