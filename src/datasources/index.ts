import type { UpstreamSession } from './client.js';
import { DedicatedServersAPI } from './dedicated-servers.js';
import { DomainsAPI } from './domains.js';
import { InvoicesAPI } from './invoices.js';
import { IpManagementAPI } from './ip-management.js';
import { PublicCloudAPI } from './public-cloud.js';
import { ServicesAPI } from './services.js';

/** Every product's datasource, created per request over the caller's session. */
export interface DataSources {
  dedicatedServers: DedicatedServersAPI;
  ipManagement: IpManagementAPI;
  publicCloud: PublicCloudAPI;
  domains: DomainsAPI;
  invoices: InvoicesAPI;
  services: ServicesAPI;
}

export function createDataSources(upstream: UpstreamSession): DataSources {
  return {
    dedicatedServers: new DedicatedServersAPI(upstream),
    ipManagement: new IpManagementAPI(upstream),
    publicCloud: new PublicCloudAPI(upstream),
    domains: new DomainsAPI(upstream),
    invoices: new InvoicesAPI(upstream),
    services: new ServicesAPI(upstream),
  };
}
