import type { UpstreamSession } from '../client.js';
import type { Query } from '../path.js';
import { ownerPath, type OwnerRef } from './owners.js';

/**
 * The metrics family (`…/{owner}/{id}/metrics/{kind}`) for every owner in the owner
 * table. The answer's layout depends on the API (bareMetals or Public Cloud): the caller
 * names the shape it expects.
 */
export class MetricsAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  get<T>(ref: OwnerRef, kind: string, query: Query): Promise<T> {
    return this.upstream.get<T>(ownerPath(ref)`/metrics/${kind}`, query);
  }
}
