import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { FloatingIpDefinition, FloatingIpRange } from './types/floating-ips.js';

const api = pathUnder('/floatingIps/v2');

export interface FloatingIpFilter {
  type?: string | null;
  location?: string | null;
}

/**
 * Floating IPs (floatingIps/v2): ranges and their floating IP definitions, one method per
 * operation. Reads by id go through per-request loaders; `everyDefinition` lists all
 * ranges and all their definitions once per request (for "which floating IPs point at this server").
 */
export class FloatingIpsAPI {
  private readonly rangeById = byIdLoader((id: string) => this.upstream.get<FloatingIpRange>(api`/ranges/${id}`));
  private readonly definitionById = byIdLoader(
    ([rangeId, id]: readonly [string, string]) =>
      this.upstream.get<FloatingIpDefinition>(api`/ranges/${rangeId}/floatingIpDefinitions/${id}`),
    ([rangeId, id]) => `${rangeId}/${id}`,
  );
  private all?: Promise<FloatingIpDefinition[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  ranges(window: Window, filter: FloatingIpFilter = {}): Promise<Page<FloatingIpRange>> {
    return this.upstream.get(api`/ranges`, { ...window, ...filter }).then((body) => toPage<FloatingIpRange>(body, 'ranges', window));
  }

  range(id: string): Promise<FloatingIpRange | null> {
    return this.rangeById.load(id);
  }

  definitions(rangeId: string, window: Window, filter: FloatingIpFilter = {}): Promise<Page<FloatingIpDefinition>> {
    return this.upstream
      .get(api`/ranges/${rangeId}/floatingIpDefinitions`, { ...window, ...filter })
      .then((body) => toPage<FloatingIpDefinition>(body, 'floatingIpDefinitions', window));
  }

  definition(rangeId: string, id: string): Promise<FloatingIpDefinition | null> {
    return this.definitionById.load([rangeId, id]);
  }

  /** Every definition of every range: the ranges (all pages), then each range's definitions (all pages). */
  everyDefinition(): Promise<FloatingIpDefinition[]> {
    return (this.all ??= (async () => {
      const ranges = await fetchAll<FloatingIpRange>(this.upstream, api`/ranges`, 'ranges');
      const lists = await Promise.all(
        ranges.map((r) =>
          fetchAll<FloatingIpDefinition>(this.upstream, api`/ranges/${r.id}/floatingIpDefinitions`, 'floatingIpDefinitions'),
        ),
      );
      return lists.flat();
    })());
  }

  createDefinition(
    rangeId: string,
    body: { floatingIp: string; anchorIp: string; passiveAnchorIp?: string | null },
  ): Promise<FloatingIpDefinition> {
    this.all = undefined;
    return this.upstream.post<FloatingIpDefinition>(api`/ranges/${rangeId}/floatingIpDefinitions`, body);
  }

  updateDefinition(
    rangeId: string,
    id: string,
    body: { anchorIp: string; passiveAnchorIp?: string | null },
  ): Promise<FloatingIpDefinition> {
    this.forget(rangeId, id);
    return this.upstream.put<FloatingIpDefinition>(api`/ranges/${rangeId}/floatingIpDefinitions/${id}`, body);
  }

  removeDefinition(rangeId: string, id: string): Promise<FloatingIpDefinition> {
    this.forget(rangeId, id);
    return this.upstream.delete<FloatingIpDefinition>(api`/ranges/${rangeId}/floatingIpDefinitions/${id}`);
  }

  toggleAnchor(rangeId: string, id: string): Promise<FloatingIpDefinition> {
    this.forget(rangeId, id);
    return this.upstream.post<FloatingIpDefinition>(api`/ranges/${rangeId}/floatingIpDefinitions/${id}/toggleAnchorIp`);
  }

  private forget(rangeId: string, id: string): void {
    this.definitionById.clear([rangeId, id]);
    this.all = undefined;
  }
}
