import { mgmtKey, viewKey } from '../ip-address.js';
import type { Page } from '../datasources/page.js';
import type { Ip, IpOwner, IpSource, ProductIpView } from '../datasources/types/ip-management.js';
import { typed } from './support.js';

// The edge to `Ip` every product and family uses: an IP is its address plus whichever
// views of it are already loaded (src/resolvers/ip-management.ts resolves the rest).

/** An IP from ipMgmt; a range (an IPv6 /64 …) keeps its prefix in the key (`2001:db8::_64`). */
export function ipFromMgmt(ip: Ip, owner?: IpOwner): IpSource {
  return typed('Ip', { address: mgmtKey(ip), mgmt: ip, ...(owner ? { owner } : {}) });
}

/** An IP as its owner shows it; keyed as ipMgmt keys it, so both reach the same Ip. */
export function ipFromView(view: ProductIpView, owner: IpOwner): IpSource {
  return typed('Ip', { address: viewKey(view.ip), view, owner });
}

export function ipPage<T>(page: Page<T>, toSource: (item: T) => IpSource): Page<IpSource> {
  return { ...page, items: page.items.map(toSource) };
}
