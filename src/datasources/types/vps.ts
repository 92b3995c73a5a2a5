/**
 * Upstream shapes of VPS (publicCloud/v1 `/vps`), from the reference (`api-reference.txt`,
 * section VPS) and its samples (`vps.getVpsDetails.json`, `vps.getVpsList.json` …).
 *
 * Quirks recorded here:
 * - a VPS id is a numeric string (`"123581321"`), like a dedicated server's, not a UUID;
 * - the list (`GET /vps/`, trailing slash) leaves out `contract`, `iso` and `resources`,
 *   and its IPs carry no `ddos`: only `GET /vps/{id}` has them;
 * - the contract carries its own `id` (14 digits, the services API's id shape), an SLA, a
 *   control panel and the included data traffic.
 */
import type { Page } from '../page.js';
import type { ImageSummary, InstanceIp, InstanceState, Iso, ResourceAmount } from './public-cloud.js';

export interface VpsResources {
  cpu: ResourceAmount;
  memory: ResourceAmount;
  publicNetworkSpeed: ResourceAmount;
}

export interface VpsContract {
  id: string;
  billingFrequency: number;
  term: number;
  type: 'HOURLY' | 'MONTHLY';
  state: string;
  endsAt: string | null;
  createdAt: string;
  sla: string;
  controlPanel: string | null;
  inModification: boolean;
  dataTraffic: ResourceAmount;
}

/**
 * A VPS: the list item (summary) or the detail. `contract`, `iso` and `resources` are
 * undefined in a summary and present in the detail.
 */
export interface Vps {
  id: string;
  pack: string;
  region: string;
  datacenter: string;
  reference: string | null;
  image: ImageSummary;
  marketAppId: string | null;
  state: InstanceState;
  hasPublicIpV4: boolean;
  rootDiskSize: number;
  ips: InstanceIp[];
  startedAt: string | null;
  contract?: VpsContract;
  iso?: Iso | null;
  resources?: VpsResources;
}

export type VpsPage = Page<Vps>;
