import { isIP } from 'node:net';
import type { Ip, NullRoute } from '../../datasources/types/ip-management.js';
import type { ServerIp } from '../../datasources/types/dedicated-servers.js';
import { nowIso } from '../http.js';
import type { DatasetBase, EmulatorRequest } from '../types.js';

/**
 * One IP, held once, seen two ways: as ipMgmt's `Ip` and as a product's IP
 * (`/servers/{id}/ips` etc.). Keeping a single record is what makes the two APIs agree
 * after a null route or a reverse-lookup change.
 */
export interface IpRecord extends Ip {
  networkType: ServerIp['networkType'];
  gateway: string | null;
  floatingIp: boolean;
  ddos: ServerIp['ddos'];
}

export interface IpManagementData {
  ips: Map<string, IpRecord>;
  /** equipmentId → its IPs, in assignment order. */
  byEquipment: Map<string, IpRecord[]>;
  nullRoutes: NullRoute[];
  /** Reverse lookup records of IPv6 ranges, by range ip. */
  reverseLookups: Map<string, Array<{ ip: string; reverseLookup: string }>>;
  nextNullRouteId: number;
}

/** The sections this product reads and writes. */
export type IpDataset = DatasetBase & { ipManagement: IpManagementData };
export type IpRequest = EmulatorRequest<IpDataset>;

export function createIpManagementData(): IpManagementData {
  return { ips: new Map(), byEquipment: new Map(), nullRoutes: [], reverseLookups: new Map(), nextNullRouteId: 4_534_000 };
}

export function addIp(data: IpManagementData, record: IpRecord): IpRecord {
  data.ips.set(record.ip, record);
  if (record.equipmentId) {
    const list = data.byEquipment.get(record.equipmentId) ?? [];
    list.push(record);
    data.byEquipment.set(record.equipmentId, list);
  }
  return record;
}

/** Finds an IP by address, accepting `a.b.c.d`, `a.b.c.d/nn` and ipMgmt's `a.b.c.d_nn`. */
export function findIp(data: IpManagementData, address: string): IpRecord | undefined {
  return data.ips.get(address.split(/[/_]/)[0]!);
}

/**
 * Finds an IP the way ipMgmt's `{ip}` path parameter names it: `a.b.c.d` or
 * `{ip}_{prefix}`, where a missing prefix means /32 (IPv4) or /128 (IPv6) and "prefixLength
 * is mandatory for IP range". So an IPv6 /64 is `2001:db8::_64`, never `2001:db8::`.
 */
export function findIpByPath(data: IpManagementData, param: string): IpRecord | undefined {
  const [address = '', prefix] = param.split(/[/_]/);
  const record = data.ips.get(address);
  if (!record) return undefined;
  const wanted = prefix === undefined ? (isIP(address) === 6 ? 128 : 32) : Number(prefix);
  return record.prefixLength === wanted ? record : undefined;
}

/** True when `address` lies inside the range of `range` (its ip and prefixLength). */
export function inRange(address: string, range: Pick<IpRecord, 'ip' | 'prefixLength' | 'version'>): boolean {
  const value = ipValue(address);
  if (value < 0n || (isIP(address) === 6) !== (range.version === 6)) return false;
  const hostBits = BigInt((range.version === 6 ? 128 : 32) - range.prefixLength);
  return value >> hostBits === ipValue(range.ip) >> hostBits;
}

/** Orders addresses numerically (IPv4 before IPv6). */
export function ipValue(address: string): bigint {
  // Sorting and range filters compare the same few thousand addresses over and over.
  let value = ipValues.get(address);
  if (value === undefined) {
    if (ipValues.size > 100_000) ipValues.clear();
    value = computeIpValue(address);
    ipValues.set(address, value);
  }
  return value;
}

const ipValues = new Map<string, bigint>();

function computeIpValue(address: string): bigint {
  const ip = address.split(/[/_]/)[0]!;
  if (isIP(ip) === 4) return ip.split('.').reduce((acc, octet) => (acc << 8n) + BigInt(Number(octet)), 0n);
  if (isIP(ip) !== 6) return -1n;
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return (1n << 128n) + groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

/** The product view of an IP: `ip` with the subnet prefix, as `/servers/{id}/ips` shows it. */
export function toProductIp(r: IpRecord): ServerIp {
  return {
    ip: `${r.ip}/${r.subnet.prefixLength}`,
    version: r.version,
    networkType: r.networkType,
    mainIp: r.primary,
    nullRouted: r.nullRouted,
    gateway: r.gateway,
    floatingIp: r.floatingIp,
    reverseLookup: r.reverseLookup,
    ddos: r.ddos,
  };
}

/** The ipMgmt view of an IP. */
export function toIp(r: IpRecord): Ip {
  return {
    ip: r.ip,
    version: r.version,
    type: r.type,
    prefixLength: r.prefixLength,
    primary: r.primary,
    reverseLookup: r.reverseLookup,
    nullRouted: r.nullRouted,
    nullLevel: r.nullLevel,
    unnullingAllowed: r.unnullingAllowed,
    equipmentId: r.equipmentId,
    assignedContract: r.assignedContract,
    subnet: r.subnet,
  };
}

export interface NullRouteOptions {
  comment?: string | null;
  ticketId?: string | null;
  automatedUnnullingAt?: string | null;
  nulledBy?: string;
  nulledAt?: string;
  unnulledAt?: string | null;
  nullLevel?: number;
}

/** Null routes an IP: marks it and appends to the history. */
export function nullRouteIp(data: IpManagementData, record: IpRecord, options: NullRouteOptions = {}): NullRoute {
  const route: NullRoute = {
    id: String(data.nextNullRouteId++),
    ip: record.ip,
    nulledAt: options.nulledAt ?? nowIso(),
    nulledBy: options.nulledBy ?? 'api@customer.example.com',
    nullLevel: options.nullLevel ?? 1,
    automatedUnnullingAt: options.automatedUnnullingAt ?? null,
    unnulledAt: options.unnulledAt ?? null,
    unnulledBy: options.unnulledAt ? 'UnnullRunner' : null,
    ticketId: options.ticketId ?? null,
    comment: options.comment ?? null,
    equipmentId: record.equipmentId,
    assignedContract: record.assignedContract,
  };
  data.nullRoutes.push(route);
  if (!route.unnulledAt) {
    record.nullRouted = true;
    record.nullLevel = route.nullLevel;
    record.unnullingAllowed = true;
  }
  return route;
}

/** Lifts the active null route of an IP; false when there was none. */
export function removeNullRoute(data: IpManagementData, record: IpRecord, by = 'api@customer.example.com'): boolean {
  const active = data.nullRoutes.filter((r) => r.ip === record.ip && !r.unnulledAt);
  if (!record.nullRouted && active.length === 0) return false;
  for (const route of active) {
    route.unnulledAt = nowIso();
    route.unnulledBy = by;
  }
  record.nullRouted = false;
  record.nullLevel = null;
  record.unnullingAllowed = false;
  return true;
}
