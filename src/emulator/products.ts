import type { Rng } from './prng.js';
import type { DatasetBase, DatasetSpec, Route, RouteInfo } from './types.js';
import { createIpManagementData, type IpDataset } from './ip-management/data.js';
import { routes as ipManagementRoutes } from './ip-management/routes.js';
import { createDedicatedServersData, seedDedicatedServers, type ServersDataset } from './dedicated-servers/data.js';
import { routes as dedicatedServersRoutes } from './dedicated-servers/routes.js';
import { createPublicCloudData, seedPublicCloud, type PublicCloudDataset } from './public-cloud/data.js';
import { routes as publicCloudRoutes } from './public-cloud/routes.js';
import { createDomainsData, seedDomains, type DomainsDataset } from './domains/data.js';
import { routes as domainsRoutes } from './domains/routes.js';
import { createServicesData, seedServices, type ServicesDataset } from './services/data.js';
import { routes as servicesRoutes } from './services/routes.js';
import { createInvoicesData, seedInvoices, type InvoicesDataset } from './invoices/data.js';
import { routes as invoicesRoutes } from './invoices/routes.js';
import { createVpsData, seedVps, type VpsDataset } from './vps/data.js';
import { routes as vpsRoutes } from './vps/routes.js';
import { createLoadBalancersData, seedLoadBalancers, type LoadBalancersDataset } from './load-balancers/data.js';
import { routes as loadBalancersRoutes } from './load-balancers/routes.js';
import { createAutoScalingGroupsData, seedAutoScalingGroups, type AutoScalingGroupsDataset } from './auto-scaling-groups/data.js';
import { routes as autoScalingGroupsRoutes } from './auto-scaling-groups/routes.js';
import { createNetworkEquipmentData, seedNetworkEquipment, type NetworkEquipmentDataset } from './network-equipment/data.js';
import { routes as networkEquipmentRoutes } from './network-equipment/routes.js';
import { createDedicatedRacksData, seedDedicatedRacks, type RacksDataset } from './dedicated-racks/data.js';
import { routes as dedicatedRacksRoutes } from './dedicated-racks/routes.js';
import { createPrivateNetworksData, seedPrivateNetworks, type PrivateNetworksDataset } from './private-networks/data.js';
import { routes as privateNetworksRoutes } from './private-networks/routes.js';
import { createFloatingIpsData, seedFloatingIps, type FloatingIpsDataset } from './floating-ips/data.js';
import { routes as floatingIpsRoutes } from './floating-ips/routes.js';
import { createAggregationPacksData, seedAggregationPacks, type AggregationPacksDataset } from './aggregation-packs/data.js';
import { routes as aggregationPacksRoutes } from './aggregation-packs/routes.js';
import { createRemoteManagementData, seedRemoteManagement, type RemoteManagementDataset } from './remote-management/data.js';
import { routes as remoteManagementRoutes } from './remote-management/routes.js';

/**
 * One emulated product: its data section (created empty), how to seed it, and its routes.
 * `D` is the part of the data set the product reads and writes.
 */
interface Product<S, D> {
  create: () => S;
  seed?: (d: D, rng: Rng, spec: DatasetSpec) => void;
  routes: ReadonlyArray<Route<D>>;
}

const product = <S, D>(p: Product<S, D>) => p;

/**
 * Every emulated product, once. The key is the product's data section; the order is the
 * seeding order (dependencies first), so ids agree across products: servers and
 * instances register their IPs in ipMgmt, services point at servers, instances and
 * domains, invoice lines at services, DNS records at the servers' IPs. Adding a product
 * is a folder and one line here.
 */
export const products = {
  ipManagement: product<ReturnType<typeof createIpManagementData>, IpDataset>({
    create: createIpManagementData,
    routes: ipManagementRoutes,
  }),
  dedicatedServers: product({
    create: createDedicatedServersData,
    seed: (d: ServersDataset, rng, spec) => seedDedicatedServers(d, rng, spec.servers),
    routes: dedicatedServersRoutes,
  }),
  publicCloud: product({
    create: createPublicCloudData,
    seed: (d: PublicCloudDataset, rng, spec) => seedPublicCloud(d, rng, spec.instances),
    routes: publicCloudRoutes,
  }),
  vps: product({ create: createVpsData, seed: (d: VpsDataset, _rng, spec) => seedVps(d, spec), routes: vpsRoutes }),
  loadBalancers: product({
    create: createLoadBalancersData,
    seed: (d: LoadBalancersDataset, _rng, spec) => seedLoadBalancers(d, spec),
    routes: loadBalancersRoutes,
  }),
  autoScalingGroups: product({
    create: createAutoScalingGroupsData,
    seed: (d: AutoScalingGroupsDataset, _rng, spec) => seedAutoScalingGroups(d, spec),
    routes: autoScalingGroupsRoutes,
  }),
  domains: product({
    create: createDomainsData,
    seed: (d: DomainsDataset, rng, spec) => seedDomains(d, rng, spec.domains),
    routes: domainsRoutes,
  }),
  networkEquipment: product({
    create: createNetworkEquipmentData,
    seed: (d: NetworkEquipmentDataset, _rng, spec) => seedNetworkEquipment(d, spec),
    routes: networkEquipmentRoutes,
  }),
  dedicatedRacks: product({
    create: createDedicatedRacksData,
    seed: (d: RacksDataset, _rng, spec) => seedDedicatedRacks(d, spec),
    routes: dedicatedRacksRoutes,
  }),
  privateNetworks: product({
    create: createPrivateNetworksData,
    seed: (d: PrivateNetworksDataset, _rng, spec) => seedPrivateNetworks(d, spec),
    routes: privateNetworksRoutes,
  }),
  floatingIps: product({
    create: createFloatingIpsData,
    seed: (d: FloatingIpsDataset, _rng, spec) => seedFloatingIps(d, spec),
    routes: floatingIpsRoutes,
  }),
  aggregationPacks: product({
    create: createAggregationPacksData,
    seed: (d: AggregationPacksDataset, _rng, spec) => seedAggregationPacks(d, spec),
    routes: aggregationPacksRoutes,
  }),
  remoteManagement: product({
    create: createRemoteManagementData,
    seed: (d: RemoteManagementDataset, _rng, spec) => seedRemoteManagement(d, spec),
    routes: remoteManagementRoutes,
  }),
  services: product({ create: createServicesData, seed: (d: ServicesDataset, rng) => seedServices(d, rng), routes: servicesRoutes }),
  invoices: product({
    create: createInvoicesData,
    seed: (d: InvoicesDataset, rng, spec) => seedInvoices(d, rng, spec.invoices),
    routes: invoicesRoutes,
  }),
};

type Products = typeof products;

/** Everything one API key (one customer) sees: the base and each product's section. */
export type Dataset = DatasetBase & { [K in keyof Products]: ReturnType<Products[K]['create']> };

// Compile-time check: the derived data set holds every section each product reads.
type Needs<P> = P extends Product<unknown, infer D> ? D : never;
type Covered = { [K in keyof Products]: Dataset extends Needs<Products[K]> ? true : K };
const covered: Covered[keyof Products] = true;
void covered;

/** Every route of every product, in manifest order. */
export function allRoutes(): Array<Route<any>> {
  return Object.values(products).flatMap((p) => p.routes as ReadonlyArray<Route<never>>) as Array<Route<any>>;
}

/** The emulator's route table: which Leaseweb operations it serves, and where. */
export function routeTable(): RouteInfo[] {
  return allRoutes().map((r) => ({
    id: r.id,
    method: r.method,
    path: r.path,
    product: r.id.split('.')[0]!,
    ...(r.family ? { family: r.family } : {}),
    handlerName: r.handler.name,
  }));
}
