import DataLoader from 'dataloader';
import type { UpstreamSession } from './client.js';
import { byIdLoader, fetchAll } from './loaders.js';
import { slicePage, toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { Expenses, Image, Instance, InstanceType, Iso, MarketApp, Region } from './types/public-cloud.js';

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

export type InstanceAction = 'cancelTermination' | 'resetPassword';

/**
 * Public Cloud (publicCloud/v1), instances and their catalogues: one method per REST
 * operation. An instance read twice in a query is fetched once; the catalogues (regions,
 * images, market apps, instance types per region) are listed once per request and
 * indexed, since none of them has a GET by id.
 */
export class PublicCloudAPI {
  private readonly instanceById = byIdLoader((id: string) => this.upstream.get<Instance>(api`/instances/${id}`));
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
  private marketAppIndex?: Promise<Map<string, MarketApp>>;

  constructor(private readonly upstream: UpstreamSession) {}

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

  /**
   * The market app catalogue by id, read once per request. `GET /marketApps` documents no
   * paging parameters and its sample answers the whole list (with `_metadata`), so it is
   * asked once without any.
   */
  private marketAppCatalogue(): Promise<Map<string, MarketApp>> {
    this.marketAppIndex ??= this.upstream
      .get(api`/marketApps`)
      .then((body) => new Map(toPage<MarketApp>(body, 'marketApps').items.map((a) => [a.id, a])));
    return this.marketAppIndex;
  }

  /** A page of the market apps, cut from the catalogue (the same call as `marketApp`). */
  async marketApps(window: Window): Promise<Page<MarketApp>> {
    return slicePage([...(await this.marketAppCatalogue()).values()], window);
  }

  /** One market app from the catalogue (listed once per request: there is no GET by id). */
  async marketApp(id: string): Promise<MarketApp | null> {
    return (await this.marketAppCatalogue()).get(id) ?? null;
  }

  isos(window: Window): Promise<Page<Iso>> {
    return this.upstream.get(api`/isos`, { ...window }).then((body) => toPage<Iso>(body, 'isos', window));
  }

  /** One ISO from the catalogue (there is no GET by id: the list, read whole). */
  async iso(id: string): Promise<Iso | null> {
    return (await fetchAll<Iso>(this.upstream, api`/isos`, 'isos')).find((i) => i.id === id) ?? null;
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

  /** The bodiless POSTs on an instance outside the families: cancel termination, password reset. */
  async act(id: string, action: InstanceAction): Promise<void> {
    await this.upstream.post(api`/instances/${id}/${action}`);
    this.forget(id);
  }

  instanceTypesForUpdate(id: string, window: Window): Promise<Page<InstanceType>> {
    return this.upstream
      .get(api`/instances/${id}/instanceTypesUpdate`, { ...window })
      .then((body) => toPage<InstanceType>(body, 'instanceTypes', window));
  }

  // Reinstall.

  reinstallImages(id: string, window: Window, filter: { custom?: boolean | null; standard?: boolean | null } = {}): Promise<Page<Image>> {
    return this.upstream
      .get(api`/instances/${id}/reinstall/images`, { ...window, ...filter })
      .then((body) => toPage<Image>(body, 'images', window));
  }

  async reinstall(id: string, body: { imageId: string; marketAppId?: string }): Promise<void> {
    await this.upstream.put(api`/instances/${id}/reinstall`, body);
    this.forget(id);
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
  }
}
