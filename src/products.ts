import type { UpstreamSession } from './datasources/client.js';
import { DedicatedServersAPI } from './datasources/dedicated-servers.js';
import { DomainsAPI } from './datasources/domains.js';
import { CredentialsAPI } from './datasources/families/credentials.js';
import { EquipmentIpsAPI } from './datasources/families/ips.js';
import { MetricsAPI } from './datasources/families/metrics.js';
import { NotificationSettingsAPI } from './datasources/families/notification-settings.js';
import { PowerAPI } from './datasources/families/power.js';
import { SnapshotsAPI } from './datasources/families/snapshots.js';
import { InvoicesAPI } from './datasources/invoices.js';
import { IpManagementAPI } from './datasources/ip-management.js';
import { PublicCloudAPI } from './datasources/public-cloud.js';
import { ServicesAPI } from './datasources/services.js';
import { NetworkEquipmentAPI } from './datasources/network-equipment.js';
import { DedicatedRacksAPI } from './datasources/dedicated-racks.js';
import { PrivateNetworksAPI } from './datasources/private-networks.js';
import { FloatingIpsAPI } from './datasources/floating-ips.js';
import { AggregationPacksAPI } from './datasources/aggregation-packs.js';
import { RemoteManagementAPI } from './datasources/remote-management.js';
import { dedicatedServers } from './resolvers/dedicated-servers.js';
import { domains } from './resolvers/domains.js';
import { credentials } from './resolvers/families/credentials.js';
import { equipmentIps } from './resolvers/families/ips.js';
import { metrics } from './resolvers/families/metrics.js';
import { notificationSettings } from './resolvers/families/notification-settings.js';
import { power } from './resolvers/families/power.js';
import { snapshots } from './resolvers/families/snapshots.js';
import { invoices } from './resolvers/invoices.js';
import { ipManagement } from './resolvers/ip-management.js';
import { equipmentResolvers } from './resolvers/equipment.js';
import type { ProductGraph } from './resolvers/nodes.js';
import { publicCloud } from './resolvers/public-cloud.js';
import { services } from './resolvers/services.js';
import { VpsAPI } from './datasources/vps.js';
import { vps } from './resolvers/vps.js';
import { LoadBalancersAPI } from './datasources/public-cloud-load-balancers.js';
import { publicCloudLoadBalancers } from './resolvers/public-cloud-load-balancers.js';
import { AutoScalingGroupsAPI } from './datasources/public-cloud-auto-scaling-groups.js';
import { publicCloudAutoScalingGroups } from './resolvers/public-cloud-auto-scaling-groups.js';
import { networkEquipment } from './resolvers/network-equipment.js';
import { dedicatedRacks } from './resolvers/dedicated-racks.js';
import { privateNetworks } from './resolvers/private-networks.js';
import { floatingIps } from './resolvers/floating-ips.js';
import { aggregationPacks } from './resolvers/aggregation-packs.js';
import { remoteManagement } from './resolvers/remote-management.js';

interface Entry<D> {
  /** The per-request datasource, created the first time a resolver asks for it. */
  datasource: (upstream: UpstreamSession) => D;
  /** Resolvers, node fetchers and equipment kinds. */
  graph: ProductGraph;
}

const entry = <D>(datasource: (upstream: UpstreamSession) => D, graph: ProductGraph): Entry<D> => ({ datasource, graph });

/**
 * The gateway's product manifest: every product and every equipment family, once. The
 * context's datasources (`ctx.ds.<name>`), the resolver map, `node(id:)` and the equipment
 * kinds are all derived from it; adding a product is its files plus one line here.
 * Equipment kinds are tried in this order (cheapest guess first).
 */
export const products = {
  dedicatedServers: entry((u) => new DedicatedServersAPI(u), dedicatedServers),
  publicCloud: entry((u) => new PublicCloudAPI(u), publicCloud),
  ipManagement: entry((u) => new IpManagementAPI(u), ipManagement),
  domains: entry((u) => new DomainsAPI(u), domains),
  services: entry((u) => new ServicesAPI(u), services),
  invoices: entry((u) => new InvoicesAPI(u), invoices),
  networkEquipment: entry((u) => new NetworkEquipmentAPI(u), networkEquipment),
  dedicatedRacks: entry((u) => new DedicatedRacksAPI(u), dedicatedRacks),
  privateNetworks: entry((u) => new PrivateNetworksAPI(u), privateNetworks),
  floatingIps: entry((u) => new FloatingIpsAPI(u), floatingIps),
  aggregationPacks: entry((u) => new AggregationPacksAPI(u), aggregationPacks),
  remoteManagement: entry((u) => new RemoteManagementAPI(u), remoteManagement),
  vps: entry((u) => new VpsAPI(u), vps),
  loadBalancers: entry((u) => new LoadBalancersAPI(u), publicCloudLoadBalancers),
  autoScalingGroups: entry((u) => new AutoScalingGroupsAPI(u), publicCloudAutoScalingGroups),
  // Families, written once for every owner in src/datasources/families/owners.ts.
  equipmentIps: entry((u) => new EquipmentIpsAPI(u), equipmentIps),
  credentials: entry((u) => new CredentialsAPI(u), credentials),
  notificationSettings: entry((u) => new NotificationSettingsAPI(u), notificationSettings),
  metrics: entry((u) => new MetricsAPI(u), metrics),
  power: entry((u) => new PowerAPI(u), power),
  snapshots: entry((u) => new SnapshotsAPI(u), snapshots),
};

/** Every product's datasource for one request, by manifest name. */
export type DataSources = { readonly [K in keyof typeof products]: ReturnType<(typeof products)[K]['datasource']> };

const graphs = Object.values(products).map((p) => p.graph);

export const equipmentKinds = graphs.flatMap((g) => g.equipment ?? []);
export const productResolvers = [...graphs.flatMap((g) => g.resolvers), equipmentResolvers(equipmentKinds)];
export const nodeFetchers = Object.assign({}, ...graphs.map((g) => g.nodes ?? {})) as NonNullable<ProductGraph['nodes']>;

/**
 * Datasources created on first use: a request that only reads servers never builds the
 * other products' loaders. One class for all requests, so every instance has one shape.
 */
class LazyDataSources {
  private readonly created: Partial<Record<keyof typeof products, unknown>> = {};
  constructor(private readonly upstream: UpstreamSession) {}
  static {
    for (const name of Object.keys(products) as Array<keyof typeof products>) {
      Object.defineProperty(LazyDataSources.prototype, name, {
        get(this: LazyDataSources) {
          return (this.created[name] ??= products[name].datasource(this.upstream));
        },
      });
    }
  }
}

export function createDataSources(upstream: UpstreamSession): DataSources {
  return new LazyDataSources(upstream) as unknown as DataSources;
}
