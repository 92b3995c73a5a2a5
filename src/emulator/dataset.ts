import { Rng } from './prng.js';
import { createDedicatedServersData, seedDedicatedServers, type DedicatedServersData } from './dedicated-servers/data.js';
import { createIpManagementData, type IpManagementData } from './ip-management/data.js';
import { createPublicCloudData, seedPublicCloud, type PublicCloudData } from './public-cloud/data.js';
import { createDomainsData, seedDomains, type DomainsData } from './domains/data.js';
import { createServicesData, seedServices, type ServicesData } from './services/data.js';
import { createInvoicesData, seedInvoices, type InvoicesData } from './invoices/data.js';

/** How big a customer's data set is, and the seed that makes it repeatable. */
export interface DatasetSpec {
  seed: number;
  servers: number;
  instances: number;
  domains: number;
  invoices: number;
}

/**
 * Everything one API key (one customer) sees. Each product keeps its own section; the
 * seeders run in dependency order so ids agree across products: servers and instances
 * register their IPs in ipMgmt, services point at servers, instances and domains,
 * invoice lines at services, DNS records at the servers' IPs.
 */
export interface Dataset {
  customer: { customerId: string; salesOrgId: string };
  /**
   * Everything the customer pays for, registered by each product's seeder (servers,
   * instances, domains …). The services and invoices seeders turn these into services
   * and invoice lines, so contract and equipment ids agree across products.
   */
  billables: Billable[];
  dedicatedServers: DedicatedServersData;
  ipManagement: IpManagementData;
  publicCloud: PublicCloudData;
  domains: DomainsData;
  services: ServicesData;
  invoices: InvoicesData;
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

export function createDataset(spec: DatasetSpec): Dataset {
  const rng = new Rng(spec.seed);
  const d: Dataset = {
    customer: { customerId: String(rng.int(10_000_000_000, 99_999_999_999)), salesOrgId: '2000' },
    billables: [],
    dedicatedServers: createDedicatedServersData(),
    ipManagement: createIpManagementData(),
    publicCloud: createPublicCloudData(),
    domains: createDomainsData(),
    services: createServicesData(),
    invoices: createInvoicesData(),
  };
  seedDedicatedServers(d, rng, spec.servers);
  seedPublicCloud(d, rng, spec.instances);
  seedDomains(d, rng, spec.domains);
  seedServices(d, rng);
  seedInvoices(d, rng, spec.invoices);
  return d;
}

/** The key `npm start` uses in demo mode, and its data set. */
export const DEMO_API_KEY = 'lsw-demo-key';
/** A second customer, for isolation tests: smaller, different ids. */
export const OTHER_API_KEY = 'lsw-other-key';

export const defaultKeys: Record<string, DatasetSpec> = {
  [DEMO_API_KEY]: { seed: 20_260_101, servers: 64, instances: 24, domains: 6, invoices: 24 },
  [OTHER_API_KEY]: { seed: 424_242, servers: 6, instances: 3, domains: 1, invoices: 2 },
};
