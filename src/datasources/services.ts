import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll, listFirst, type Listing } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { CancellationReason, CancellationReasonList, CancelServiceBody, Service } from './types/services.js';

const api = pathUnder('/services/v1');

export interface ServiceListFilter {
  productId?: string | null;
  reference?: string | null;
  equipmentId?: string | null;
}

/**
 * Services (services/v1): every contract the customer has, one method per REST
 * operation. A service read twice in a query is fetched once. The cross-product lookups
 * have no batch filter upstream (`?equipmentId=` takes one value, there is no contract
 * endpoint), so the only batch is the whole list: services by equipment take one call
 * per id or the whole list, whichever costs fewer calls (see `loadByEquipment`); by
 * contract, the whole list; by domain name, the DOMAIN list. Each list is read at most
 * once per request.
 */
export class ServicesAPI {
  private readonly serviceById = byIdLoader((id: string) => this.upstream.get<Service>(api`/services/${id}`));
  /** The services of each piece of equipment (usually one). */
  private readonly byEquipment = new DataLoader<string, Service[]>((ids) => this.loadByEquipment(ids));
  /** The first page of the whole list, with the rest on demand. */
  private listing?: Promise<Listing<Service>>;
  private everything?: Promise<Service[]>;
  /** Services by contractId: a contract may hold several (see the quirk in types/services.ts). */
  private contractIndex?: Promise<Map<string, Service[]>>;
  private contractIndexBuilt?: Map<string, Service[]>;
  private equipmentIndex?: Promise<Map<string, Service[]>>;
  private domainIndex?: Promise<Map<string, Service>>;
  private reasons?: Promise<CancellationReason[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  list(window: Window, filter: ServiceListFilter = {}): Promise<Page<Service>> {
    return this.upstream.get(api`/services`, { ...window, ...filter }).then((body) => {
      const page = toPage<Service>(body, 'services', window);
      // The list holds every field the detail does: later reads of these need no call.
      for (const s of page.items) this.serviceById.prime(s.id, s);
      return page;
    });
  }

  /** One service; null when the account has no such service. */
  get(id: string): Promise<Service | null> {
    return this.serviceById.load(id);
  }

  /** Leaseweb's predefined reasons (not paginated), read once per request. */
  cancellationReasons(): Promise<CancellationReason[]> {
    this.reasons ??= this.upstream
      .get<CancellationReasonList>(api`/services/cancellationReasons`)
      .then((body) => body?.cancellationReasons ?? []);
    return this.reasons;
  }

  /** Sets the service's reference; the answer is the service as it is now. */
  async update(id: string, reference: string): Promise<Service> {
    const service = await this.upstream.put<Service>(api`/services/${id}`, { reference });
    this.forget(id);
    this.serviceById.prime(id, service);
    return service;
  }

  /** Cancels a service (204, no body): it ends at the end of its contract term. */
  async cancel(id: string, body: CancelServiceBody): Promise<void> {
    await this.upstream.post(api`/services/${id}/cancel`, body);
    this.forget(id);
  }

  async uncancel(id: string): Promise<void> {
    await this.upstream.post(api`/services/${id}/uncancel`);
    this.forget(id);
  }

  /** Every service of one piece of equipment (usually one). */
  ofEquipment(equipmentId: string): Promise<Service[]> {
    return this.byEquipment.load(equipmentId);
  }

  /**
   * The service an invoice line or pro forma item of a contract bills, from the whole list
   * (read once per request). A contract can hold several services, so the one with the
   * line's equipment (or, for a line without equipment, one without) wins; failing that,
   * the contract's first service.
   */
  byContract(contractId: string, equipmentId?: string | null): Service | null | Promise<Service | null> {
    const pick = (index: Map<string, Service[]>) => {
      const services = index.get(contractId) ?? [];
      return services.find((s) => (s.equipmentId ?? null) === (equipmentId ?? null)) ?? services[0] ?? null;
    };
    // Once the index is built, an answer without a promise: an invoice has hundreds of lines.
    if (this.contractIndexBuilt) return pick(this.contractIndexBuilt);
    this.contractIndex ??= this.all().then((all) => (this.contractIndexBuilt = groupBy(all, (s) => s.contractId)));
    return this.contractIndex.then(pick);
  }

  /**
   * Starts reading the whole list now, for lookups by contract known to come (an invoice's
   * lines, whose contracts are known only once the invoice is read): the list and the
   * invoices are then read at the same time. A failure shows where the list is used.
   */
  prefetchAll(): void {
    this.all().catch(() => undefined);
  }

  /** True once something in this request read the whole list (it is then at hand). */
  get allListed(): boolean {
    return this.everything !== undefined;
  }

  /** The DOMAIN service of a domain name, from the DOMAIN services (listed once per request). */
  async ofDomain(domainName: string): Promise<Service | null> {
    this.domainIndex ??= fetchAll<Service>(this.upstream, api`/services`, 'services', { productId: 'DOMAIN' }).then(
      (all) => new Map(all.filter((s) => s.attributes?.domainName).map((s) => [s.attributes!.domainName!.toLowerCase(), s])),
    );
    return (await this.domainIndex).get(domainName.toLowerCase()) ?? null;
  }

  /** The first page of the whole list, read once per request. */
  private firstPage(): Promise<Listing<Service>> {
    return (this.listing ??= listFirst<Service>(this.upstream, api`/services`, 'services'));
  }

  /** Every service of the account: the whole list, read once per request. */
  private all(): Promise<Service[]> {
    return (this.everything ??= this.firstPage().then((listing) => listing.all()));
  }

  /**
   * The services of a batch of equipment ids. `?equipmentId=` takes one value, so K ids
   * cost K calls; the whole list costs its pages. One id takes its own call, unless the
   * list is read anyway. Several read the list's first page, which holds the whole account
   * when it is small and tells what the rest would cost when it is not: the rest of the
   * list when that is fewer calls than one per id, one call per id otherwise (then one
   * call above the minimum, the price of learning the list's size).
   */
  private async loadByEquipment(ids: readonly string[]): Promise<Array<Service[] | Error>> {
    const each = () =>
      Promise.all(
        ids.map((equipmentId) => fetchAll<Service>(this.upstream, api`/services`, 'services', { equipmentId }).catch((e: Error) => e)),
      );
    try {
      if (!this.everything) {
        if (!this.listing && ids.length === 1) return each();
        if ((await this.firstPage()).pagesLeft >= ids.length) return each();
      }
      this.equipmentIndex ??= this.all().then((all) =>
        groupBy(
          all.filter((s) => s.equipmentId),
          (s) => s.equipmentId!,
        ),
      );
      const index = await this.equipmentIndex;
      return ids.map((id) => index.get(id) ?? []);
    } catch (error) {
      return ids.map(() => error as Error);
    }
  }

  /** Drops cached reads a write on a service made stale. */
  private forget(id: string): void {
    this.serviceById.clear(id);
    // The lists hold the service too; they are rebuilt on the next lookup.
    this.byEquipment.clearAll();
    this.listing = undefined;
    this.everything = undefined;
    this.contractIndex = undefined;
    this.contractIndexBuilt = undefined;
    this.equipmentIndex = undefined;
    this.domainIndex = undefined;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
