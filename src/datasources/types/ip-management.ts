/**
 * Upstream shapes of IP Management (ipMgmt/v2), from the reference and its samples.
 * ipMgmt is the hub of the graph: the only API that maps an IP to its owner
 * (`equipmentId`) and that fetches many IPs in one call (`?ips=`, `?equipmentIds=`).
 */
import type { Page } from '../page.js';

export interface Ip {
  /** The address, without prefix for single IPs; ranges read `2001:db8::_112` in paths. */
  ip: string;
  version: 4 | 6;
  type: string;
  prefixLength: number;
  primary: boolean;
  reverseLookup: string | null;
  nullRouted: boolean;
  nullLevel: number | null;
  unnullingAllowed: boolean;
  /** Polymorphic and untyped: a dedicated server, network equipment, rack, instance… */
  equipmentId: string | null;
  assignedContract: { id: string } | null;
  subnet: { id: string; networkIp: string; prefixLength: number; gateway: string };
}

export interface NullRoute {
  id: string;
  ip: string;
  nulledAt: string;
  nulledBy: string;
  nullLevel: number;
  automatedUnnullingAt: string | null;
  unnulledAt: string | null;
  unnulledBy: string | null;
  ticketId: string | null;
  comment: string | null;
  equipmentId: string | null;
  assignedContract: { id: string } | null;
}

export interface ReverseLookupRecord {
  ip: string;
  reverseLookup: string;
}

export type IpSubnet = Ip['subnet'];

/**
 * How a product shows one of its IPs (`/servers/{id}/ips`, `/instances/{id}/ips` …):
 * the fields ipMgmt does not have. Products differ a little; all fields are optional.
 */
export interface ProductIpView {
  ip: string;
  version?: number;
  networkType?: string | null;
  mainIp?: boolean;
  nullRouted?: boolean;
  gateway?: string | null;
  floatingIp?: boolean;
  reverseLookup?: string | null;
  ddos?: { detectionProfile?: string | null; protectionType?: string | null } | null;
  prefixLength?: number;
}

/** Who owns an IP, when the path that reached it says so (no lookup needed). */
export interface IpOwner {
  typename: string;
  id: string;
}

/**
 * An IP as the graph holds it: its address plus whichever views of it are already
 * loaded. Missing views are loaded on demand, batched (ipMgmt `?ips=`, the owner's IP list).
 */
export interface IpSource {
  address: string;
  mgmt?: Ip | null;
  view?: ProductIpView | null;
  owner?: IpOwner;
}

export type IpPage = Page<IpSource>;
export type NullRoutePage = Page<NullRoute>;
/** A reverse lookup record and the IPv6 range it is kept under (its global id needs both). */
export interface ReverseLookupRecordModel extends ReverseLookupRecord {
  range: string;
}
export type ReverseLookupRecordModelPage = Page<ReverseLookupRecordModel>;
