import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll } from './loaders.js';
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
 * endpoint), so each is read at most once per request: one list call per equipment, and
 * the whole list (or the DOMAIN list) once when services are looked up by contract or
 * domain name.
 */
export class ServicesAPI {
  private readonly serviceById = byIdLoader((id: string) => this.upstream.get<Service>(api`/services/${id}`));
  /** The services of one piece of equipment (`GET /services?equipmentId=`), one call per id. */
  private readonly byEquipment = byIdLoader((equipmentId: string) =>
    fetchAll<Service>(this.upstream, api`/services`, 'services', { equipmentId }),
  );
  /** Services by contractId: a contract may hold several (see the quirk in types/services.ts). */
  private contractIndex?: Promise<Map<string, Service[]>>;
  private domainIndex?: Promise<Map<string, Service>>;
  private reasons?: Promise<CancellationReason[]>;

  constructor(private readonly upstream: UpstreamSession) {}

  /** The session this datasource calls through. */
  get session(): UpstreamSession {
    return this.upstream;
  }

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
  async ofEquipment(equipmentId: string): Promise<Service[]> {
    return (await this.byEquipment.load(equipmentId)) ?? [];
  }

  /**
   * The service an invoice line or pro forma item of a contract bills, from the whole list
   * (read once per request). A contract can hold several services, so the one with the
   * line's equipment (or, for a line without equipment, one without) wins; failing that,
   * the contract's first service.
   */
  async byContract(contractId: string, equipmentId?: string | null): Promise<Service | null> {
    this.contractIndex ??= fetchAll<Service>(this.upstream, api`/services`, 'services').then((all) => {
      const index = new Map<string, Service[]>();
      for (const s of all) index.set(s.contractId, [...(index.get(s.contractId) ?? []), s]);
      return index;
    });
    const services = (await this.contractIndex).get(contractId) ?? [];
    return services.find((s) => (s.equipmentId ?? null) === (equipmentId ?? null)) ?? services[0] ?? null;
  }

  /** True once something in this request asked for services by contract (the list is then at hand). */
  get contractsListed(): boolean {
    return this.contractIndex !== undefined;
  }

  /** The DOMAIN service of a domain name, from the DOMAIN services (listed once per request). */
  async ofDomain(domainName: string): Promise<Service | null> {
    this.domainIndex ??= fetchAll<Service>(this.upstream, api`/services`, 'services', { productId: 'DOMAIN' }).then(
      (all) => new Map(all.filter((s) => s.attributes?.domainName).map((s) => [s.attributes!.domainName!.toLowerCase(), s])),
    );
    return (await this.domainIndex).get(domainName.toLowerCase()) ?? null;
  }

  /** Drops cached reads a write on a service made stale. */
  private forget(id: string): void {
    this.serviceById.clear(id);
    // The lists hold the service too; they are rebuilt on the next lookup.
    this.byEquipment.clearAll();
    this.contractIndex = undefined;
    this.domainIndex = undefined;
  }
}
