import type { UpstreamSession } from './client.js';
import { DedicatedServersAPI } from './dedicated-servers.js';
import { IpManagementAPI } from './ip-management.js';

/** Every product's datasource, created per request over the caller's session. */
export interface DataSources {
  dedicatedServers: DedicatedServersAPI;
  ipManagement: IpManagementAPI;
}

export function createDataSources(upstream: UpstreamSession): DataSources {
  return {
    dedicatedServers: new DedicatedServersAPI(upstream),
    ipManagement: new IpManagementAPI(upstream),
  };
}
