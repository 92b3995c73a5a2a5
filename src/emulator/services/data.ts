import type { CancellationReason, Service } from '../../datasources/types/services.js';
import { EPOCH } from '../dedicated-servers/data.js';
import { notFound } from '../http.js';
import type { Rng } from '../prng.js';
import type { Billable, EmulatorRequest } from '../types.js';
import type { DomainsDataset } from '../domains/data.js';
import type { PublicCloudDataset } from '../public-cloud/data.js';

/**
 * One service as the emulator keeps it: the stored fields, the billable it came from
 * (which says what it is for), and how it was cancelled, if it was.
 */
export interface ServiceRecord {
  service: Omit<Service, 'reference'>;
  billable: Billable;
  /** The reference of a service no other product keeps (domains). */
  reference: string | null;
  cancellation: { reasonCode: string; reason: string | null } | null;
}

export interface ServicesData {
  /** By service id, in the order of `d.billables` (servers, instances, domains). */
  services: Map<string, ServiceRecord>;
}

/** The sections this product reads and writes. */
export type ServicesDataset = DomainsDataset & PublicCloudDataset & { services: ServicesData };
export type ServicesRequest = EmulatorRequest<ServicesDataset>;

export function createServicesData(): ServicesData {
  return { services: new Map() };
}

/** Leaseweb's predefined cancellation reasons, as `GET /services/cancellationReasons` documents them. */
export const CANCELLATION_REASONS: readonly CancellationReason[] = [
  { reason: 'End of trial period?', reasonCode: 'CANCEL_TRIAL_PERIOD' },
  { reason: 'Product switch within Leaseweb?', reasonCode: 'CANCEL_PRODUCT_SWITCH' },
  { reason: 'Missing functions/features of product?', reasonCode: 'CANCEL_FEATURE_QUALITY' },
  { reason: 'High prices?', reasonCode: 'CANCEL_HIGH_PRICE' },
  { reason: 'Suspension of service?', reasonCode: 'CANCEL_SUSPENSION' },
  { reason: 'Disagreement with the offered substitution?', reasonCode: 'CANCEL_NEW_OFFER' },
  { reason: 'Long order delivery time?', reasonCode: 'CANCEL_DELIVERY_TIME' },
  { reason: 'Order was out of stock?', reasonCode: 'CANCEL_OUT_OF_STOCK' },
  { reason: 'Faulty delivery?', reasonCode: 'CANCEL_FAULTY_DELIVERY' },
  { reason: 'Inconsistency of contract and offer?', reasonCode: 'CANCEL_INCONSISTENCY' },
  { reason: 'Performance of product?', reasonCode: 'CANCEL_PERFORMANCE' },
  { reason: 'Network issues?', reasonCode: 'CANCEL_NETWORK' },
  { reason: 'Technical knowledge of Support?', reasonCode: 'CANCEL_SUPPORT_QUALITY' },
  { reason: 'Slow response of Support?', reasonCode: 'CANCEL_SUPPORT_RESPONSE' },
  { reason: 'Long resolution times of Support?', reasonCode: 'CANCEL_SUPPORT_RESOLUTION_TIME' },
  { reason: 'Usability issues on Customer Portal/API?', reasonCode: 'CANCEL_CP_USABILITY' },
  { reason: 'Missing functions/features on Customer Portal/API?', reasonCode: 'CANCEL_CP_FEATURE_QUALITY' },
  { reason: 'Reliability of product?', reasonCode: 'CANCEL_RELIABILITY' },
  { reason: 'Other selection?', reasonCode: 'CANCEL_OTHER' },
];

/** `2019-01-01T00:00:00+00:00`, the services samples' date format. */
export const serviceDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Adds whole calendar months (UTC). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** `1 MONTH`, `3 MONTHS`, `1 YEAR`, `2 YEARS`: the free text the samples use. */
export function termText(months: number): string {
  if (months >= 12 && months % 12 === 0) return months === 12 ? '1 YEAR' : `${months / 12} YEARS`;
  return months === 1 ? '1 MONTH' : `${months} MONTHS`;
}

/** Months of a service's contract term, taken from the product that keeps it. */
function termMonths(d: ServicesDataset, b: Billable): number {
  if (b.productId === 'DEDICATED_SERVER') return d.dedicatedServers.servers.get(b.equipmentId!)?.server.contract.contractTerm || 1;
  // An hourly instance (term 0) commits to nothing; its contract renews each month.
  if (b.productId === 'PUBLIC_CLOUD') return d.publicCloud.instances.get(b.equipmentId!)?.instance.contract.term || 1;
  return 12;
}

/** Domains are billed per year (as the list sample's DOMAIN service); the rest per month. */
export const billingMonths = (b: Billable) => (b.productId === 'DOMAIN' ? 12 : 1);

const DELIVERY: Record<string, string> = {
  DEDICATED_SERVER: '5 - 7 business days',
  PUBLIC_CLOUD: 'Within minutes',
  DOMAIN: '1 business day',
};

/** What the domain's own status means for its contract. */
function domainServiceStatus(d: ServicesDataset, b: Billable): string {
  const status = d.domains.domains.get(b.domainName!)?.status;
  return status === 'SUSPENDED' ? 'SUSPENDED' : status === 'PENDING' ? 'TO_BE_PROVISIONED' : 'ACTIVE';
}

/**
 * One service per billable (registered by the server, instance and domain seeders,
 * which run first), so contract and equipment ids agree across products. Each contract
 * term renews until it ends after the demo's "today" (EPOCH). About one in nine is
 * already cancelled, as the sample's first service: `endDate` at the end of its term,
 * `cancellable: false`, `uncancellable: true`, still ACTIVE.
 */
export function seedServices(d: ServicesDataset, rng: Rng): void {
  let nextId = rng.int(10_000_000_000_000, 89_999_999_999_000);
  d.billables.forEach((b, i) => {
    const start = Date.parse(b.startDate);
    const term = termMonths(d, b);
    let termEnd = addMonths(start, term);
    while (termEnd <= EPOCH) termEnd = addMonths(termEnd, term);
    const ordered = start - rng.int(1, 10) * 86_400_000;
    const status = b.productId === 'DOMAIN' ? domainServiceStatus(d, b) : 'ACTIVE';
    const cancelled = status === 'ACTIVE' && i % 9 === 4;
    const service: ServiceRecord['service'] = {
      id: String(nextId),
      contractId: b.contractId,
      productId: b.productId,
      status,
      cancellable: status === 'ACTIVE' && !cancelled,
      uncancellable: cancelled,
      startDate: serviceDate(start),
      contractTermEndDate: serviceDate(termEnd - 86_400_000),
      pricePerFrequency: Math.round(b.pricePerMonth * billingMonths(b) * 100) / 100,
      currency: 'EUR',
      billingCycle: termText(billingMonths(b)),
      contractTerm: termText(term),
      deliveryEstimate: DELIVERY[b.productId] ?? '5 - 7 business days',
      deliveryDate: serviceDate(start),
      orderDate: serviceDate(ordered),
      ...(cancelled ? { endDate: serviceDate(termEnd - 86_400_000) } : {}),
      ...(b.equipmentId ? { equipmentId: b.equipmentId } : {}),
      ...(b.domainName ? { attributes: { domainName: b.domainName } } : {}),
    };
    nextId += rng.int(1, 40);
    const record: ServiceRecord = {
      service,
      billable: b,
      reference: b.reference,
      cancellation: cancelled ? { reasonCode: 'CANCEL_PRODUCT_SWITCH', reason: null } : null,
    };
    d.services.services.set(service.id, record);
  });
}

/**
 * The service's reference. Leaseweb keeps one reference per contract, which the
 * product APIs also change (the reference: "you have the flexibility to modify the
 * reference not only via this endpoint but also through their respective APIs"), so
 * for servers and instances it is the product's own.
 */
export function referenceOf(d: ServicesDataset, r: ServiceRecord): string | null {
  const { productId, equipmentId } = r.billable;
  if (productId === 'DEDICATED_SERVER') {
    const server = d.dedicatedServers.servers.get(equipmentId!);
    if (server) return server.server.contract.reference;
  }
  if (productId === 'PUBLIC_CLOUD') {
    const instance = d.publicCloud.instances.get(equipmentId!);
    if (instance) return instance.instance.reference;
  }
  return r.reference;
}

export function setReference(d: ServicesDataset, r: ServiceRecord, reference: string): void {
  const { productId, equipmentId } = r.billable;
  const server = productId === 'DEDICATED_SERVER' ? d.dedicatedServers.servers.get(equipmentId!) : undefined;
  const instance = productId === 'PUBLIC_CLOUD' ? d.publicCloud.instances.get(equipmentId!) : undefined;
  if (server) server.server.contract.reference = reference;
  else if (instance) instance.instance.reference = reference;
  else r.reference = reference;
}

/** A service as the API shows it, keys in the samples' (alphabetical) order; no key for what is unset. */
export function serviceBody(d: ServicesDataset, r: ServiceRecord): Service {
  const reference = referenceOf(d, r);
  const body: Record<string, unknown> = { ...r.service, ...(reference === null ? {} : { reference }) };
  return Object.fromEntries(
    Object.keys(body)
      .sort()
      .map((k) => [k, body[k]]),
  ) as unknown as Service;
}

/** The service named by the `:id` path parameter, or a 404. */
export function findService(req: ServicesRequest): ServiceRecord {
  const record = req.data.services.services.get(req.params.id!);
  if (!record) throw notFound('service');
  return record;
}
