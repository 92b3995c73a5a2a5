import DataLoader from 'dataloader';
import { bareIp } from '../../ip-address.js';
import type { UpstreamSession } from '../client.js';
import { fetchAll, orNull } from '../loaders.js';
import { slicePage, toPage, type Page, type Window } from '../page.js';
import type { ServerNullRoute } from '../types/dedicated-servers.js';
import type { ProductIpView } from '../types/ip-management.js';
import { ownerKey, ownerPath, quirks, type OwnerRef } from './owners.js';

export interface EquipmentIpFilter {
  networkType?: string | null;
  version?: number | null;
  nullRouted?: boolean | null;
  ips?: readonly string[] | null;
}

export interface EquipmentIpChanges {
  reverseLookup?: string;
  detectionProfile?: string;
}

export interface NullRouteRequest {
  comment?: string;
  /** Hours until Leaseweb lifts the null route by itself (owners whose quirks allow a body). */
  automatedUnnulingAt?: number;
}

/** Public Cloud sends `prefixLength` as a string (every sample and the spec do). */
function toView(ip: ProductIpView | (Omit<ProductIpView, 'prefixLength'> & { prefixLength?: string | number })): ProductIpView {
  return ip.prefixLength === undefined || typeof ip.prefixLength === 'number'
    ? (ip as ProductIpView)
    : { ...ip, prefixLength: Number(ip.prefixLength) };
}

/**
 * The IP family (`…/{owner}/{id}/ips`, `…/null`, `…/unnull`, `…/nullRouteHistory`) for
 * every owner in the owner table. Owners differ in paging, the `ips` separator and
 * whether the list filters by network type; the table says which.
 */
export class EquipmentIpsAPI {
  /** All IPs of one owner as it shows them, by address (one call per owner per request). */
  private readonly views = new DataLoader<OwnerRef, Map<string, ProductIpView>, string>(
    (refs) =>
      Promise.all(
        refs.map((ref) =>
          this.all(ref)
            .then((ips) => new Map(ips.map((ip) => [bareIp(ip.ip), ip])))
            .catch((e: Error) => e),
        ),
      ),
    { cacheKeyFn: ownerKey },
  );

  constructor(private readonly upstream: UpstreamSession) {}

  /** One page of the owner's IPs, filtered as asked (upstream where the owner can, else here). */
  async list(ref: OwnerRef, window: Window, filter: EquipmentIpFilter = {}): Promise<Page<ProductIpView>> {
    const q = quirks(ref, 'ips');
    const query = {
      networkType: q.networkTypeFilter ? filter.networkType : undefined,
      version: filter.version,
      nullRouted: filter.nullRouted,
      ips: filter.ips?.map(bareIp),
    };
    const at = ownerPath(ref);
    if (q.paged) {
      const body = await this.upstream.get(at`/ips`, { ...window, ...query }, { ips: q.ipsSeparator });
      const page = toPage<ProductIpView>(body, 'ips', window);
      return { ...page, items: page.items.map(toView) };
    }
    const body = await this.upstream.get(at`/ips`, query, { ips: q.ipsSeparator });
    const all = toPage<ProductIpView>(body, 'ips').items.map(toView);
    return slicePage(filter.networkType ? all.filter((ip) => ip.networkType === filter.networkType) : all, window);
  }

  /** One IP as its owner shows it, from the owner's whole list (shared in the request). */
  async view(ref: OwnerRef, address: string): Promise<ProductIpView | null> {
    return (await this.views.load(ref)).get(bareIp(address)) ?? null;
  }

  async get(ref: OwnerRef, address: string): Promise<ProductIpView | null> {
    const ip = await orNull(this.upstream.get<ProductIpView>(ownerPath(ref)`/ips/${bareIp(address)}`));
    return ip && toView(ip);
  }

  async update(ref: OwnerRef, address: string, changes: EquipmentIpChanges): Promise<ProductIpView> {
    this.views.clear(ref);
    return toView(await this.upstream.put<ProductIpView>(ownerPath(ref)`/ips/${bareIp(address)}`, changes));
  }

  async nullRoute(ref: OwnerRef, address: string, body?: NullRouteRequest): Promise<ProductIpView> {
    this.views.clear(ref);
    return toView(await this.upstream.post<ProductIpView>(ownerPath(ref)`/ips/${bareIp(address)}/null`, body));
  }

  async removeNullRoute(ref: OwnerRef, address: string): Promise<ProductIpView> {
    this.views.clear(ref);
    return toView(await this.upstream.post<ProductIpView>(ownerPath(ref)`/ips/${bareIp(address)}/unnull`));
  }

  nullRouteHistory(ref: OwnerRef, window: Window): Promise<Page<ServerNullRoute>> {
    return this.upstream
      .get(ownerPath(ref)`/nullRouteHistory`, { ...window })
      .then((body) => toPage<ServerNullRoute>(body, 'nullRoutes', window));
  }

  /** Every IP of the owner (every page where the owner pages). */
  private async all(ref: OwnerRef): Promise<ProductIpView[]> {
    const at = ownerPath(ref);
    if (quirks(ref, 'ips').paged) return (await fetchAll<ProductIpView>(this.upstream, at`/ips`, 'ips')).map(toView);
    return toPage<ProductIpView>(await this.upstream.get(at`/ips`), 'ips').items.map(toView);
  }
}
