import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { bareIp } from './ip-management.js';
import { byIdLoader, fetchAll, orNull } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type {
  ConsoleAccess,
  Expenses,
  Image,
  Instance,
  InstanceCredential,
  InstanceIp,
  InstanceMetrics,
  InstanceType,
  Iso,
  PublicCloudCredentialType,
  Region,
  Snapshot,
} from './types/public-cloud.js';

const api = pathUnder('/publicCloud/v1');

export interface InstanceListFilter {
  ip?: string | null;
  reference?: string | null;
  id?: string | null;
  contractType?: string | null;
  contractState?: string | null;
  imageId?: string | null;
  /** Sent comma-separated as `state`. */
  state?: readonly string[] | null;
  region?: string | null;
  type?: string | null;
}

export interface ImageListFilter {
  custom?: boolean | null;
  standard?: boolean | null;
  state?: string | null;
  marketAppId?: string | null;
  storageType?: string | null;
  name?: string | null;
  flavour?: string | null;
  region?: string | null;
}

export interface InstanceIpFilter {
  version?: number | null;
  nullRouted?: boolean | null;
  ips?: readonly string[] | null;
}

export interface LaunchInstanceBody {
  region: string;
  type: string;
  imageId: string;
  contractType: string;
  contractTerm: number;
  billingFrequency: number;
  rootDiskStorageType: string;
  marketAppId?: string;
  reference?: string;
  rootDiskSize?: number;
  sshKey?: string;
  userData?: string;
}

export interface UpdateInstanceBody {
  type?: string;
  reference?: string;
  contractType?: string;
  contractTerm?: number;
  billingFrequency?: number;
  rootDiskSize?: number;
}

export interface MetricsQuery {
  from: string;
  to: string;
  granularity?: string;
  aggregation?: string;
}

export type InstanceAction = 'start' | 'stop' | 'reboot' | 'cancelTermination' | 'resetPassword' | 'detachIso';

/**
 * Public Cloud (publicCloud/v1), instances and their catalogues: one method per REST
 * operation. An instance read twice in a query is fetched once; the catalogues (regions,
 * images, instance types per region) are listed once per request and indexed, since
 * none of them has a GET by id.
 */
export class PublicCloudAPI {
  private readonly instanceById = byIdLoader((id: string) => this.upstream.get<Instance>(api`/instances/${id}`));
  /** All IPs of one instance as the instance shows them, indexed by address (one call per instance). */
  private readonly ipViews = new DataLoader<string, Map<string, InstanceIp>>((ids) =>
    Promise.all(ids.map((id) => this.ips(id).then((ips) => new Map(ips.map((ip) => [bareIp(ip.ip), ip]))).catch((e: Error) => e))),
  );
  /** Each region's instance types by name; one list per region. */
  private readonly typesByRegion = new DataLoader<string, Map<string, InstanceType>>((regions) =>
    Promise.all(
      regions.map((region) =>
        fetchAll<InstanceType>(this.upstream, api`/instanceTypes`, 'instanceTypes', { region })
          .then((all) => new Map(all.map((t) => [t.name, t])))
          .catch((e: Error) => e),
      ),
    ),
  );
  private regionIndex?: Promise<Map<string, Region>>;
  private imageIndex?: Promise<Map<string, Image>>;

  constructor(private readonly upstream: UpstreamSession) {}

  /** The session this datasource calls through. */
  get session(): UpstreamSession {
    return this.upstream;
  }

  // Catalogues.

  regions(window: Window): Promise<Page<Region>> {
    return this.upstream.get(api`/regions`, { ...window }).then((body) => toPage<Region>(body, 'regions', window));
  }

  /** One region from the catalogue (listed once per request). */
  region(name: string): Promise<Region | null> {
    this.regionIndex ??= fetchAll<Region>(this.upstream, api`/regions`, 'regions').then((all) => new Map(all.map((r) => [r.name, r])));
    return this.regionIndex.then((index) => index.get(name) ?? null);
  }

  instanceTypes(region: string, window: Window): Promise<Page<InstanceType>> {
    return this.upstream
      .get(api`/instanceTypes`, { region, ...window })
      .then((body) => toPage<InstanceType>(body, 'instanceTypes', window));
  }

  /** One instance type as a region offers it (each region's list fetched once per request). */
  async instanceType(region: string, name: string): Promise<InstanceType | null> {
    return (await this.typesByRegion.load(region)).get(name) ?? null;
  }

  images(window: Window, filter: ImageListFilter = {}): Promise<Page<Image>> {
    return this.upstream.get(api`/images`, { ...window, ...filter }).then((body) => toPage<Image>(body, 'images', window));
  }

  /** One image from the catalogue (listed once per request: there is no GET by id). */
  image(id: string): Promise<Image | null> {
    this.imageIndex ??= fetchAll<Image>(this.upstream, api`/images`, 'images').then((all) => new Map(all.map((i) => [i.id, i])));
    return this.imageIndex.then((index) => index.get(id) ?? null);
  }

  isos(window: Window): Promise<Page<Iso>> {
    return this.upstream.get(api`/isos`, { ...window }).then((body) => toPage<Iso>(body, 'isos', window));
  }

  async createCustomImage(instanceId: string, name: string): Promise<Image> {
    const image = await this.upstream.post<Image>(api`/images`, { name, instanceId });
    this.imageIndex = undefined;
    return image;
  }

  async updateCustomImage(imageId: string, name: string): Promise<Image> {
    const image = await this.upstream.put<Image>(api`/images/${imageId}`, { name });
    this.imageIndex = undefined;
    return image;
  }

  // Instances.

  list(window: Window, filter: InstanceListFilter = {}): Promise<Page<Instance>> {
    return this.upstream.get(api`/instances`, { ...window, ...filter }).then((body) => toPage<Instance>(body, 'instances', window));
  }

  /** The full instance (the list leaves out `iso` and `privateNetwork`); null when it does not exist. */
  get(id: string): Promise<Instance | null> {
    return this.instanceById.load(id);
  }

  launch(body: LaunchInstanceBody): Promise<Instance> {
    return this.upstream.post<Instance>(api`/instances`, body);
  }

  async update(id: string, changes: UpdateInstanceBody): Promise<Instance> {
    const instance = await this.upstream.put<Instance>(api`/instances/${id}`, changes);
    this.forget(id);
    return instance;
  }

  async terminate(id: string): Promise<void> {
    await this.upstream.delete(api`/instances/${id}`);
    this.forget(id);
  }

  /** The bodiless POSTs on an instance: power actions, cancel termination, password reset, ISO detach. */
  async act(id: string, action: InstanceAction): Promise<void> {
    await this.upstream.post(api`/instances/${id}/${action}`);
    this.forget(id);
  }

  console(id: string): Promise<ConsoleAccess> {
    return this.upstream.get(api`/instances/${id}/console`);
  }

  instanceTypesForUpdate(id: string, window: Window): Promise<Page<InstanceType>> {
    return this.upstream
      .get(api`/instances/${id}/instanceTypesUpdate`, { ...window })
      .then((body) => toPage<InstanceType>(body, 'instanceTypes', window));
  }

  // IPs. The list has no paging (it answers all IPs with `_metadata`); `ips` is `|`-separated.

  ips(id: string, filter: InstanceIpFilter = {}): Promise<InstanceIp[]> {
    const query = { version: filter.version, nullRouted: filter.nullRouted, ips: filter.ips?.map(bareIp) };
    return this.upstream.get(api`/instances/${id}/ips`, query, { ips: '|' }).then((body) => toPage<InstanceIp>(body, 'ips').items);
  }

  /** One IP as the instance shows it, from the instance's whole IP list (one call per instance). */
  async ipView(id: string, address: string): Promise<InstanceIp | null> {
    return (await this.ipViews.load(id)).get(bareIp(address)) ?? null;
  }

  ip(id: string, address: string): Promise<InstanceIp | null> {
    return orNull(this.upstream.get<InstanceIp>(api`/instances/${id}/ips/${bareIp(address)}`));
  }

  async updateIp(id: string, address: string, reverseLookup: string): Promise<InstanceIp> {
    const ip = await this.upstream.put<InstanceIp>(api`/instances/${id}/ips/${bareIp(address)}`, { reverseLookup });
    this.forget(id);
    return ip;
  }

  /** Null routes an IP; `automatedUnnulingAt` (sic) is a number of hours. */
  async nullRouteIp(id: string, address: string, body: { comment?: string; automatedUnnulingAt?: number }): Promise<InstanceIp> {
    const ip = await this.upstream.post<InstanceIp>(api`/instances/${id}/ips/${bareIp(address)}/null`, body);
    this.forget(id);
    return ip;
  }

  async removeIpNullRoute(id: string, address: string): Promise<InstanceIp> {
    const ip = await this.upstream.post<InstanceIp>(api`/instances/${id}/ips/${bareIp(address)}/unnull`);
    this.forget(id);
    return ip;
  }

  // Credentials. The lists have no paging either.

  credentials(id: string, type?: PublicCloudCredentialType | null): Promise<InstanceCredential[]> {
    const url = type ? api`/instances/${id}/credentials/${type}` : api`/instances/${id}/credentials`;
    return this.upstream.get(url).then((body) => toPage<InstanceCredential>(body, 'credentials').items);
  }

  credential(id: string, type: PublicCloudCredentialType, username: string): Promise<InstanceCredential | null> {
    return orNull(this.upstream.get(api`/instances/${id}/credentials/${type}/${username}`));
  }

  storeCredential(id: string, credential: Required<InstanceCredential>): Promise<InstanceCredential> {
    return this.upstream.post(api`/instances/${id}/credentials`, credential);
  }

  updateCredential(id: string, type: PublicCloudCredentialType, username: string, password: string): Promise<InstanceCredential> {
    return this.upstream.put(api`/instances/${id}/credentials/${type}/${username}`, { password });
  }

  async deleteCredential(id: string, type: PublicCloudCredentialType, username: string): Promise<void> {
    await this.upstream.delete(api`/instances/${id}/credentials/${type}/${username}`);
  }

  async deleteCredentials(id: string): Promise<void> {
    await this.upstream.delete(api`/instances/${id}/credentials`);
  }

  // ISO and reinstall.

  async attachIso(id: string, isoId: string): Promise<void> {
    await this.upstream.post(api`/instances/${id}/attachIso`, { isoId });
    this.forget(id);
  }

  reinstallImages(id: string, window: Window, filter: { custom?: boolean | null; standard?: boolean | null } = {}): Promise<Page<Image>> {
    return this.upstream
      .get(api`/instances/${id}/reinstall/images`, { ...window, ...filter })
      .then((body) => toPage<Image>(body, 'images', window));
  }

  async reinstall(id: string, body: { imageId: string; marketAppId?: string }): Promise<void> {
    await this.upstream.put(api`/instances/${id}/reinstall`, body);
    this.forget(id);
  }

  // Snapshots.

  snapshots(id: string, window: Window): Promise<Page<Snapshot>> {
    return this.upstream.get(api`/instances/${id}/snapshots`, { ...window }).then((body) => toPage<Snapshot>(body, 'snapshots', window));
  }

  snapshot(id: string, snapshotId: string): Promise<Snapshot | null> {
    return orNull(this.upstream.get(api`/instances/${id}/snapshots/${snapshotId}`));
  }

  async createSnapshot(id: string, name: string): Promise<void> {
    await this.upstream.post(api`/instances/${id}/snapshots`, { name });
  }

  async restoreSnapshot(id: string, snapshotId: string): Promise<void> {
    await this.upstream.put(api`/instances/${id}/snapshots/${snapshotId}`);
    this.forget(id);
  }

  async deleteSnapshot(id: string, snapshotId: string): Promise<void> {
    await this.upstream.delete(api`/instances/${id}/snapshots/${snapshotId}`);
  }

  // Metrics.

  metrics(id: string, kind: 'cpu' | 'datatraffic', query: MetricsQuery): Promise<InstanceMetrics> {
    return this.upstream.get(api`/instances/${id}/metrics/${kind}`, { ...query });
  }

  // Private network.

  async setPrivateNetwork(id: string, join: boolean): Promise<void> {
    if (join) await this.upstream.put(api`/instances/${id}/addToPrivateNetwork`);
    else await this.upstream.delete(api`/instances/${id}/removeFromPrivateNetwork`);
    this.forget(id);
  }

  // Expenses.

  expenses(equipmentId: string, from: string, to?: string | null): Promise<Expenses> {
    return this.upstream.get(api`/equipments/${equipmentId}/expenses`, { from, to });
  }

  /** Drops cached reads of an instance after a write. */
  forget(id: string): void {
    this.instanceById.clear(id);
    this.ipViews.clear(id);
  }
}
