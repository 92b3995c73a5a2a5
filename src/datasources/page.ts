/**
 * One page of a Leaseweb list, normalised. Most lists answer
 * `{ _metadata: { totalCount, limit, offset }, <items>: [...] }`; some deviate (services
 * use `metadata`, a few lists carry no metadata at all), so each datasource names the
 * items key and `toPage` copes with the rest.
 */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
}

/** The slice of a list a connection asks for. */
export interface Window {
  limit: number;
  offset: number;
}

interface Metadata {
  totalCount?: number;
  offset?: number;
  limit?: number;
}

export function toPage<T>(body: unknown, itemsKey: string, window?: Window): Page<T> {
  const b = (body ?? {}) as Record<string, unknown>;
  const items = Array.isArray(b[itemsKey]) ? (b[itemsKey] as T[]) : [];
  const meta = (b._metadata ?? b.metadata ?? {}) as Metadata;
  return {
    items,
    totalCount: typeof meta.totalCount === 'number' ? meta.totalCount : items.length,
    offset: typeof meta.offset === 'number' ? meta.offset : (window?.offset ?? 0),
  };
}

/** Pages an in-memory list (for upstream lists that are not paginated). */
export function slicePage<T>(all: T[], window: Window): Page<T> {
  return {
    items: all.slice(window.offset, window.offset + window.limit),
    totalCount: all.length,
    offset: window.offset,
  };
}
