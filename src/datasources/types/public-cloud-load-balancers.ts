/**
 * Upstream shapes of Public Cloud load balancers and their listeners (publicCloud/v1
 * `/loadBalancers`), from the reference and its samples (`publicCloud.getLoadBalancerDetails.json`,
 * `…getListenerList.json`, `…getListenerDetails.json`, the nine `…Metrics.json`).
 *
 * Quirks recorded here:
 * - the list item has `rootDiskSize` and the detail does not; both carry `configuration`,
 *   `contract`, `privateNetwork` and `autoScalingGroup`; list IPs carry no `ddos`;
 * - a listener in a list has no `sslCertificates`; only `GET …/listeners/{id}` has them;
 * - the metrics answers differ: `requests` … `connectionsPerSecond` have one series
 *   (`metrics: { values, unit }`), `responseCodes[PerSecond]` one per class (`metrics: { "2xx": { values, unit } … }`).
 */
import type { Page } from '../page.js';
import type {
  AutoScalingGroup,
  ImageSummary,
  InstanceContract,
  InstanceIp,
  InstancePrivateNetwork,
  InstanceState,
  Resources,
} from './public-cloud.js';

export interface LoadBalancerConfiguration {
  stickySession: { enabled: boolean; maxLifeTime: number } | null;
  balance: 'roundrobin' | 'leastconn' | 'source';
  xForwardedFor: boolean;
  idleTimeOut: number;
}

export interface LoadBalancer {
  id: string;
  type: string;
  resources: Resources;
  region: string;
  reference: string | null;
  state: InstanceState;
  /** In the list item only. */
  rootDiskSize?: number;
  ips: InstanceIp[];
  startedAt: string | null;
  contract: InstanceContract;
  configuration: LoadBalancerConfiguration;
  privateNetwork: InstancePrivateNetwork | null;
  autoScalingGroup: AutoScalingGroup | null;
}

export interface ListenerRule {
  id: string;
  default: boolean;
  targetGroupId: string;
}

export interface SslCertificate {
  chain?: string;
  certificate: string;
  privateKey: string;
}

export interface Listener {
  id: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  port: number;
  rules: ListenerRule[];
  /** Only in `GET …/listeners/{id}`. */
  sslCertificates?: SslCertificate[];
}

/** A listener as the graph holds it: with the load balancer it was read from. */
export interface ListenerModel extends Listener {
  loadBalancerId: string;
}

/** A listener rule as the graph holds it: with its listener's load balancer. */
export interface ListenerRuleModel extends ListenerRule {
  loadBalancerId: string;
}

export type LoadBalancerPage = Page<LoadBalancer>;
export type ListenerPage = Page<ListenerModel>;

export interface TargetGroupHealthCheck {
  protocol: string;
  method: string | null;
  uri: string | null;
  host: string | null;
  port: number;
}

/** A target group (`GET /targetGroups/{id}`); the list answers the same shape. */
export interface TargetGroup {
  id: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  port: number;
  region: string;
  healthCheck: TargetGroupHealthCheck | null;
}

/** A target as `GET /targetGroups/{id}/targets` answers it: an instance's summary and its health. */
export interface Target {
  id: string;
  reference: string | null;
  image: ImageSummary;
  state: InstanceState;
  ips: InstanceIp[];
  healthCheck: { state: string; description: string | null } | null;
}

export type TargetGroupPage = Page<TargetGroup>;
export type TargetPage = Page<Target>;
