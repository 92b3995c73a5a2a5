/**
 * Upstream shapes of the Services API (services/v1), written from the reference
 * (`api-reference.txt`, section Services), its samples and Leaseweb's combined OpenAPI
 * document (for the field meanings and the status and productId values).
 *
 * Quirks recorded here so nobody "fixes" them:
 * - `GET /services` pages with `metadata`, not `_metadata` (`toPage` reads both).
 * - The list and `GET /services/{id}` return the same fields: there is no summary.
 * - `GET /services/cancellationReasons` is not paginated and has no metadata.
 * - `contractId` does not name one service: the list sample has a server and a domain
 *   under contract `00000110`, and the pro forma sample bills "Backup" and "Dedicated
 *   server" under one contract and one equipmentId. Invoice lines are matched to services
 *   by contract and equipment (see ServicesAPI.byContract).
 * - Cancel and uncancel answer 204 without a body (the reference lists only their
 *   errors: 404 and 409); the combined document's 409 puts the blocking services' ids in
 *   `errorDetails` as an array of numbers, not the usual object of field → messages.
 */
import type { Page } from '../page.js';

export interface Service {
  /** 14 digits, e.g. `10000000000010`. */
  id: string;
  /** The contract; the join key to invoice lines (`lineItems[].contractId`), not unique (see above). */
  contractId: string;
  /** DEDICATED_SERVER, PUBLIC_CLOUD, DOMAIN, … (the combined document lists 66 values). */
  productId: string;
  /** NEW_CONTRACT, ACTIVE, SCHEDULED, TO_BE_MODIFIED, TO_BE_PROVISIONED, TO_BE_SUSPENDED, SUSPENDED, TO_BE_RECONNECTED. */
  status: string;
  /** False once cancelled (the sample's cancelled service: `endDate` set, `uncancellable: true`). */
  cancellable: boolean;
  uncancellable: boolean;
  startDate: string;
  contractTermEndDate?: string | null;
  /** A number here (dedicated servers send their contract price as a string). */
  pricePerFrequency: number;
  currency: string;
  /** Free text: `1 MONTH`, `1 YEAR`. */
  billingCycle: string;
  /** Free text: `1 YEAR`, `12 MONTHS`. */
  contractTerm: string;
  deliveryEstimate?: string | null;
  deliveryDate?: string | null;
  orderDate?: string | null;
  /** Only when the service ends (it was cancelled): the sample leaves the key out otherwise. */
  endDate?: string | null;
  /** Absent for services without equipment (domains). */
  equipmentId?: string | null;
  reference?: string | null;
  /** Product-specific; domain services carry `domainName` (and no equipmentId). */
  attributes?: { domainName?: string } | null;
}

export interface CancellationReason {
  /** The question Leaseweb shows, e.g. "High prices?". */
  reason: string;
  /** What `POST /services/{id}/cancel` takes, e.g. CANCEL_HIGH_PRICE. */
  reasonCode: string;
}

export interface CancellationReasonList {
  cancellationReasons: CancellationReason[];
}

/** Body of `POST /services/{id}/cancel`: `reason` is required with CANCEL_OTHER (combined document). */
export interface CancelServiceBody {
  reasonCode: string;
  reason?: string;
}

export type ServicePage = Page<Service>;
