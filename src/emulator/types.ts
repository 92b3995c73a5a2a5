/**
 * The emulator's shared vocabulary: requests, answers, route declarations and the part of
 * a data set every product can rely on. This module imports no product, so products,
 * the router and the manifest (products.ts) can all import it without a cycle.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The customer a data set belongs to. */
export interface Customer {
  customerId: string;
  salesOrgId: string;
}

/** One thing under contract: a server, an instance, a domain … */
export interface Billable {
  /** The services API's productId: DEDICATED_SERVER, PUBLIC_CLOUD, DOMAIN, … */
  productId: string;
  /** Leaseweb's equipmentId (absent for domains). */
  equipmentId?: string;
  /** For domains: the domain name (services carry it in attributes.domainName). */
  domainName?: string;
  contractId: string;
  reference: string | null;
  /** Monthly price, in EUR. */
  pricePerMonth: number;
  /** ISO date the contract started. */
  startDate: string;
  /** A human product description, as invoice lines show it. */
  description: string;
}

/**
 * What every data set holds, whatever its products. Each product adds its own section
 * (declared in its data.ts); the whole `Dataset` type is derived in products.ts.
 */
export interface DatasetBase {
  customer: Customer;
  /**
   * Everything the customer pays for, registered by each product's seeder (servers,
   * instances, domains …). The services and invoices seeders turn these into services
   * and invoice lines, so contract and equipment ids agree across products.
   */
  billables: Billable[];
}

/** How big a customer's data set is, and the seed that makes it repeatable. */
export interface DatasetSpec {
  seed: number;
  servers: number;
  instances: number;
  domains: number;
  invoices: number;
}

/** A request as a handler sees it; `D` is the part of the data set the handler reads. */
export interface EmulatorRequest<D = DatasetBase> {
  method: HttpMethod;
  /** Path without query string, still percent-encoded. */
  path: string;
  /** Decoded path parameters, by their `{name}` in the route's path template. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  data: D;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (text, PDF); sent as is with headers['content-type']. */
  raw?: Buffer | string;
}

export type Handler<D = DatasetBase> = (req: EmulatorRequest<D>) => EmulatorResponse | Promise<EmulatorResponse>;

/** The sub-resource families written once in src/emulator/families/ and shared by owners. */
export type FamilyName = 'ips' | 'credentials' | 'notificationSettings' | 'metrics' | 'power' | 'snapshots' | 'iso' | 'console';

/**
 * One emulator route: the Leaseweb operation it serves (`id` and `path` exactly as in the
 * reference's endpoints.tsv, the path being the API base plus the operation's path), and
 * a named handler.
 */
export interface Route<D = DatasetBase> {
  id: string;
  method: HttpMethod;
  /** A path template: `/bareMetals/v2/servers/{serverId}/powerInfo`. */
  path: string;
  handler: Handler<D>;
  /** Set on routes a family registers for an owner. */
  family?: FamilyName;
}

/** A route as the route table shows it (tests select operations by these fields). */
export interface RouteInfo {
  id: string;
  method: HttpMethod;
  path: string;
  /** The operation id's prefix: `dedicatedServers`, `dns`, `ipMgmt` … */
  product: string;
  family?: FamilyName;
  /** The handler's function name (every handler is a named function). */
  handlerName: string;
}
