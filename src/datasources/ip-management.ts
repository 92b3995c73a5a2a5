import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, chunkByLength, fetchAll, orNull } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { documentedDate, pathUnder } from './path.js';
import type { Ip, NullRoute, ReverseLookupRecord, ReverseLookupRecordModel } from './types/ip-management.js';
import { bareIp, ipKey, mgmtKey } from '../ip-address.js';

const api = pathUnder('/ipMgmt/v2');

export interface IpListFilter {
  subnetId?: string | null;
  version?: number | null;
  type?: string | null;
  nullRouted?: boolean | null;
  primary?: boolean | null;
  fromIp?: string | null;
  toIp?: string | null;
  ips?: readonly string[] | null;
  equipmentIds?: readonly string[] | null;
  assignedContractIds?: readonly string[] | null;
  reverseLookup?: string | null;
}

export interface NullRouteListFilter {
  fromIp?: string | null;
  toIp?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  nulledBy?: string | null;
  unnulledBy?: string | null;
  ticketId?: string | null;
  contractId?: string | null;
  equipmentId?: string | null;
}

export interface NullRouteChanges {
  automatedUnnullingAt?: string | null;
  comment?: string | null;
  ticketId?: string | null;
}

/**
 * IP Management (ipMgmt/v2). The batching point of the graph: many IPs by address
 * (`?ips=`) and the IPs of many pieces of equipment (`?equipmentIds=`) in one call.
 * A batch collects the keys of every sibling call of the request, not only of one tick:
 * the IPs of the servers of every rack's list go in one call, though the lists answer in
 * different ticks (UpstreamSession.afterSiblings).
 */
export class IpManagementAPI {
  private readonly batching = { batchScheduleFn: (send: () => void) => this.upstream.afterSiblings(send) };
  /** IPs by address; one address → inspect, several → one `?ips=` list call per chunk. */
  private readonly byAddress = new DataLoader<string, Ip | null>((keys) => this.loadIps(keys), this.batching);
  /** All IPs of each equipment id, in one `?equipmentIds=` call per chunk. */
  private readonly byEquipment = new DataLoader<string, Ip[]>((keys) => this.loadEquipmentIps(keys), this.batching);
  private readonly nullRouteLoader = byIdLoader((id: string) => this.upstream.get<NullRoute>(api`/nullRoutes/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window, filter: IpListFilter = {}, sort?: string[]): Promise<Page<Ip>> {
    return this.upstream.get(api`/ips`, { ...window, ...filter, sort }).then((body) => toPage<Ip>(body, 'ips', window));
  }

  /** One IP by address (batched with every other lookup of the same round). */
  get(address: string): Promise<Ip | null> {
    return this.byAddress.load(ipKey(address));
  }

  /** Every IP assigned to one piece of equipment (batched across equipment). */
  ofEquipment(equipmentId: string): Promise<Ip[]> {
    return this.byEquipment.load(equipmentId);
  }

  /** Seeds the address loader with IPs another call already returned. */
  prime(ips: Ip[]): void {
    for (const ip of ips) this.byAddress.prime(mgmtKey(ip), ip);
  }

  async update(address: string, reverseLookup: string): Promise<Ip> {
    const ip = await this.upstream.put<Ip>(api`/ips/${ipKey(address)}`, { reverseLookup });
    this.forget(address);
    return ip;
  }

  reverseLookupRecords(
    address: string,
    window: Window,
    filter: { ip?: string | null; reverseLookup?: string | null } = {},
  ): Promise<Page<ReverseLookupRecordModel>> {
    return this.upstream
      .get(api`/ips/${ipKey(address)}/reverseLookup`, { ...window, ...filter })
      .then((body) => toPage<ReverseLookupRecord>(body, 'reverseLookups', window))
      .then((page) => ({ ...page, items: page.items.map((r) => ({ ...r, range: ipKey(address) })) }));
  }

  async updateReverseLookupRecords(address: string, reverseLookups: ReverseLookupRecord[]): Promise<ReverseLookupRecordModel[]> {
    const body = await this.upstream.put(api`/ips/${ipKey(address)}/reverseLookup`, { reverseLookups });
    return toPage<ReverseLookupRecord>(body, 'reverseLookups').items.map((r) => ({ ...r, range: ipKey(address) }));
  }

  async nullRoute(address: string, changes: NullRouteChanges): Promise<NullRoute> {
    const route = await this.upstream.post<NullRoute>(api`/ips/${ipKey(address)}/nullRoute`, changes);
    this.forget(address);
    return route;
  }

  async removeNullRoute(address: string): Promise<void> {
    await this.upstream.delete(api`/ips/${ipKey(address)}/nullRoute`);
    this.forget(address);
  }

  nullRoutes(window: Window, filter: NullRouteListFilter = {}, sort?: string[]): Promise<Page<NullRoute>> {
    // Leaseweb documents these filters as dates, not date-times.
    filter = { ...filter, fromDate: documentedDate(filter.fromDate), toDate: documentedDate(filter.toDate) };
    return this.upstream
      .get(api`/nullRoutes`, { ...window, ...filter, sort })
      .then((body) => toPage<NullRoute>(body, 'nullroutes', window));
  }

  nullRouteById(id: string): Promise<NullRoute | null> {
    return this.nullRouteLoader.load(id);
  }

  async updateNullRoute(id: string, changes: NullRouteChanges): Promise<NullRoute> {
    const route = await this.upstream.put<NullRoute>(api`/nullRoutes/${id}`, changes);
    this.nullRouteLoader.clear(id);
    this.forget(route.ip);
    return route;
  }

  /** Drops cached reads of an IP after a write (another product may have changed it). */
  forget(address: string): void {
    this.byAddress.clear(ipKey(address));
    this.byEquipment.clearAll();
  }

  private async loadIps(keys: readonly string[]): Promise<Array<Ip | Error | null>> {
    // One address: the inspect endpoint — except a bare IPv6 address, which may be the
    // network address of a range: inspect reads it as a /128 and misses the range, the
    // ?ips= filter finds it. Using the filter for it keeps one answer alone or batched.
    if (keys.length === 1 && !(keys[0]!.includes(':') && !keys[0]!.includes('_'))) {
      return [await orNull(this.upstream.get<Ip>(api`/ips/${keys[0]!}`)).catch((e: Error) => e)];
    }
    const found = new Map<string, Ip>();
    try {
      await Promise.all(
        chunkByLength(keys).map(async (chunk) => {
          const ips = await fetchAll<Ip>(this.upstream, api`/ips`, 'ips', { ips: chunk.map(bareIp).join(',') }, chunk.length);
          for (const ip of ips) found.set(bareIp(ip.ip), ip);
        }),
      );
    } catch (error) {
      return keys.map(() => error as Error);
    }
    return keys.map((key) => found.get(bareIp(key)) ?? null);
  }

  private async loadEquipmentIps(ids: readonly string[]): Promise<Array<Ip[] | Error>> {
    const byOwner = new Map<string, Ip[]>(ids.map((id) => [id, []]));
    try {
      await Promise.all(
        chunkByLength(ids).map(async (chunk) => {
          const ips = await fetchAll<Ip>(this.upstream, api`/ips`, 'ips', { equipmentIds: chunk.join(',') }, 500);
          for (const ip of ips) if (ip.equipmentId) byOwner.get(ip.equipmentId)?.push(ip);
        }),
      );
    } catch (error) {
      return ids.map(() => error as Error);
    }
    for (const ips of byOwner.values()) this.prime(ips);
    return ids.map((id) => byOwner.get(id)!);
  }
}
