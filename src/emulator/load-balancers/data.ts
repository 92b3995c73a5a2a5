import type { InstanceIp } from '../../datasources/types/public-cloud.js';
import type { Listener, LoadBalancer } from '../../datasources/types/public-cloud-load-balancers.js';
import { badRequest, notFound } from '../http.js';
import { addIp, type IpRecord } from '../ip-management/data.js';
import { Rng } from '../prng.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';
import { instanceTypeIn } from '../public-cloud/catalogues.js';
import { isoTime, toInstanceIp, type PublicCloudDataset } from '../public-cloud/data.js';

/** A load balancer and what the API keeps per load balancer. */
export interface LoadBalancerRecord {
  /** The detail (`GET /loadBalancers/{id}`) without `ips` (derived from ipMgmt) and with the list's `rootDiskSize`. */
  lb: Omit<LoadBalancer, 'ips' | 'rootDiskSize'> & { rootDiskSize: number };
  /** Listeners with their certificates (the list leaves those out). */
  listeners: Listener[];
  /** The internal IP (the public one lives in ipMgmt under the load balancer's id). */
  internalIps: IpRecord[];
}

/** A target group as `GET /targetGroups/{id}` answers it, and the ids of its targets (instances). */
export interface TargetGroupRecord {
  group: {
    id: string;
    name: string;
    protocol: 'HTTP' | 'HTTPS' | 'TCP';
    port: number;
    region: string;
    healthCheck: { protocol: string; method: string | null; uri: string | null; host: string | null; port: number } | null;
  };
  targets: string[];
  /** The auto scaling groups registered with it (their instances are among `targets`). */
  autoScalingGroupIds: string[];
}

export interface LoadBalancersData {
  balancers: Map<string, LoadBalancerRecord>;
  targetGroups: Map<string, TargetGroupRecord>;
}

/** Reads instances (targets) and registers IPs in ipMgmt. */
export type LoadBalancersDataset = PublicCloudDataset & { loadBalancers: LoadBalancersData };
export type LoadBalancersRequest = EmulatorRequest<LoadBalancersDataset>;

export function createLoadBalancersData(): LoadBalancersData {
  return { balancers: new Map(), targetGroups: new Map() };
}

const EPOCH = Date.UTC(2026, 0, 1);

export function lbIpRecords(d: LoadBalancersDataset, r: LoadBalancerRecord): IpRecord[] {
  return [...(d.ipManagement.byEquipment.get(r.lb.id) ?? []), ...r.internalIps];
}

/** GET /loadBalancers/{id}: as `publicCloud.getLoadBalancerDetails.json` (no `rootDiskSize`). */
export function lbDetail(d: LoadBalancersDataset, r: LoadBalancerRecord): LoadBalancer {
  const { rootDiskSize: _size, ...rest } = r.lb;
  return { ...rest, ips: lbIpRecords(d, r).map((ip) => toInstanceIp(ip, true)) };
}

/** GET /loadBalancers: as `…getLoadBalancerList.json` (with `rootDiskSize`; IPs without `ddos`). */
export function lbSummary(d: LoadBalancersDataset, r: LoadBalancerRecord): LoadBalancer {
  return { ...r.lb, ips: lbIpRecords(d, r).map((ip): InstanceIp => toInstanceIp(ip, false)) };
}

/** A listener as lists answer it: without its certificates. */
export const listenerSummary = ({ sslCertificates: _c, ...rest }: Listener): Listener => rest;

export function findLoadBalancer(req: LoadBalancersRequest): LoadBalancerRecord {
  const r = req.data.loadBalancers.balancers.get(req.params.loadBalancerId!);
  if (!r) throw notFound('load balancer');
  return r;
}

/** A 400 about the load balancer's state, on its id (as Public Cloud answers). */
export const refused = (message: string) => badRequest({ loadBalancerId: [message] }, message);

/** Every write on a load balancer being (or already) destroyed is refused. */
export function usable(r: LoadBalancerRecord): LoadBalancerRecord {
  if (r.lb.state === 'DESTROYING' || r.lb.state === 'DESTROYED') throw refused(`The load balancer is ${r.lb.state.toLowerCase()}.`);
  return r;
}

/** Registers a load balancer's public IP in ipMgmt (one record for both APIs). */
export function addLoadBalancerIp(d: LoadBalancersDataset, id: string, contractId: string, address: string, prefix: string): void {
  addIp(d.ipManagement, {
    type: 'NORMAL_IP',
    prefixLength: 32,
    nullRouted: false,
    nullLevel: null,
    unnullingAllowed: false,
    equipmentId: id,
    assignedContract: { id: contractId },
    floatingIp: false,
    version: 4,
    ip: address,
    primary: true,
    reverseLookup: null,
    subnet: { id: `${prefix}.0_24`, networkIp: `${prefix}.0`, prefixLength: 24, gateway: `${prefix}.1` },
    networkType: 'PUBLIC',
    gateway: `${prefix}.1`,
    ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
  });
}

/**
 * The demo web tier: target groups of running demo instances (by region) and 3 load
 * balancers whose listeners forward to them, one with an HTTPS listener and sticky
 * sessions. Uses an Rng of its own (from the seed), so it shifts no other product's data.
 */
export function seedLoadBalancers(d: LoadBalancersDataset, spec: DatasetSpec): void {
  const rng = new Rng((spec.seed * 17 + 3) % 2 ** 31 || 1);
  const second = rng.int(16, 250);
  const instances = [...d.publicCloud.instances.values()].filter((r) => r.instance.state === 'RUNNING');
  const regions = ['eu-west-3', 'eu-central-1', 'us-east-1'];
  regions.forEach((region, k) => {
    const inRegion = instances.filter((r) => r.instance.region === region).map((r) => r.instance.id);
    const web = tg(rng, `web-${region}`, 'HTTP', 80, region, inRegion.slice(0, 3));
    const api = tg(rng, `api-${region}`, 'HTTP', 8080, region, inRegion.slice(3, 5));
    d.loadBalancers.targetGroups.set(web.group.id, web);
    d.loadBalancers.targetGroups.set(api.group.id, api);
    const id = rng.uuid();
    const createdAt = EPOCH - (30 + k * 11) * 86_400_000;
    const contractId = String(rng.int(10_000_000, 99_999_999));
    const type = instanceTypeIn(region, 'lsw.m3.large') ?? instanceTypeIn(region, 'lsw.m3.xlarge');
    const record: LoadBalancerRecord = {
      lb: {
        privateNetwork: null,
        id,
        type: type?.name ?? 'lsw.m3.large',
        resources: type!.resources,
        autoScalingGroup: null,
        region,
        reference: `lb-${['shop', 'api', 'edge'][k]}`,
        state: k === 2 ? 'STOPPED' : 'RUNNING',
        rootDiskSize: 10,
        startedAt: isoTime(createdAt + 16_000),
        contract: {
          billingFrequency: 1,
          term: 0,
          type: 'HOURLY',
          endsAt: null,
          renewalsAt: isoTime(EPOCH + 86_400_000),
          createdAt: isoTime(createdAt),
          state: 'ACTIVE',
        },
        configuration: {
          stickySession: k === 0 ? { enabled: true, maxLifeTime: 1000 } : null,
          balance: k === 1 ? 'leastconn' : 'roundrobin',
          xForwardedFor: k === 0,
          idleTimeOut: 60,
        },
      },
      listeners: [{ id: rng.uuid(), protocol: 'HTTP', port: 80, rules: [{ id: rng.uuid(), default: true, targetGroupId: web.group.id }] }],
      internalIps: [internalIp(id, contractId, `10.70.${k}`)],
    };
    if (k === 0)
      record.listeners.push({
        id: rng.uuid(),
        protocol: 'HTTPS',
        port: 443,
        rules: [{ id: rng.uuid(), default: true, targetGroupId: web.group.id }],
        sslCertificates: [{ chain: DEMO_CHAIN, certificate: DEMO_CERTIFICATE, privateKey: DEMO_KEY }],
      });
    if (k === 1)
      record.listeners.push({
        id: rng.uuid(),
        protocol: 'TCP',
        port: 8080,
        rules: [{ id: rng.uuid(), default: true, targetGroupId: api.group.id }],
      });
    d.loadBalancers.balancers.set(id, record);
    const prefix = `85.${second}.${30 + k}`;
    addLoadBalancerIp(d, id, contractId, `${prefix}.10`, prefix);
    d.billables.push({
      productId: 'PUBLIC_CLOUD_LOAD_BALANCER',
      equipmentId: id,
      contractId,
      reference: record.lb.reference,
      pricePerMonth: 29,
      startDate: isoTime(createdAt),
      description: `Public Cloud load balancer ${record.lb.type} (${region})`,
    });
  });
}

/** A load balancer's internal IP (private network side), not in ipMgmt. */
export function internalIp(id: string, contractId: string, prefix: string): IpRecord {
  return {
    type: 'NORMAL_IP',
    prefixLength: 32,
    nullRouted: false,
    nullLevel: null,
    unnullingAllowed: false,
    equipmentId: id,
    assignedContract: { id: contractId },
    floatingIp: false,
    version: 4,
    ip: `${prefix}.10`,
    primary: false,
    reverseLookup: null,
    subnet: { id: `${prefix}.0_24`, networkIp: `${prefix}.0`, prefixLength: 24, gateway: `${prefix}.1` },
    networkType: 'INTERNAL',
    gateway: `${prefix}.1`,
    ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
  };
}

function tg(rng: Rng, name: string, protocol: 'HTTP' | 'TCP', port: number, region: string, targets: string[]): TargetGroupRecord {
  return {
    group: {
      id: rng.uuid(),
      name,
      protocol,
      port,
      region,
      healthCheck: protocol === 'HTTP' ? { protocol: 'HTTP', method: 'GET', uri: '/health', host: null, port } : null,
    },
    targets,
    autoScalingGroupIds: [],
  };
}

export const DEMO_CERTIFICATE =
  '-----BEGIN CERTIFICATE-----MIIBhDCB7gIBADBFMQswCQYDVQQGEwJOTDEUMBIGA1UECgwLRGVtbyBTaG9w-----END CERTIFICATE-----';
const DEMO_CHAIN = '-----BEGIN CERTIFICATE-----MIICNDCCAZ2gAwIBAgIUDemoIntermediateCa-----END CERTIFICATE-----';
const DEMO_KEY = '-----BEGIN EC PRIVATE KEY-----MHcCAQEEIDemoKeyNotARealKeyAtAll-----END EC PRIVATE KEY-----';
