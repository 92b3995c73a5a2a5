/**
 * Upstream shapes of the Public Cloud API (publicCloud/v1, instances and their
 * catalogues; load balancers, auto scaling and target groups are not covered), written
 * from the reference (`api-reference.txt`, section Public Cloud), its samples and
 * `openapi/publiccloud.yaml`. Where they disagree the reference wins.
 *
 * Quirks recorded here:
 * - an instance IP's `prefixLength` is a string (`"27"`), not a number;
 * - the list (`GET /instances`) leaves out `iso` and `privateNetwork`, and its IPs carry
 *   no `ddos`: only `GET /instances/{id}` has them;
 * - prices are decimal strings (`"0.0395"`), expense traffic prices are numbers;
 * - snapshot `created` is written `2023-11-02T07:31:28+0000` (no colon in the offset).
 */
import type { OwnerRef } from '../families/owners.js';
import type { Page } from '../page.js';

export interface ResourceAmount {
  value: number;
  unit: string;
}

export interface Resources {
  cpu: ResourceAmount;
  memory: ResourceAmount;
  publicNetworkSpeed: ResourceAmount;
  privateNetworkSpeed: ResourceAmount;
}

export interface Region {
  name: string;
  location: string;
}

export interface PricePair {
  hourlyPrice: string;
  monthlyPrice: string;
}

/** A price pair with the currency of the prices it is part of (the gateway adds it). */
export interface PricedPair extends PricePair {
  currency: string;
}

export interface Prices {
  currency: string;
  currencySymbol: string;
  compute: PricePair;
  storage: { local: PricePair; central: PricePair };
}

export type StorageType = 'LOCAL' | 'CENTRAL';

export interface InstanceType {
  name: string;
  resources: Resources;
  prices: Prices;
  storageTypes: StorageType[];
}

export type InstanceState =
  'CREATING' | 'DESTROYED' | 'DESTROYING' | 'FAILED' | 'RUNNING' | 'STARTING' | 'STOPPED' | 'STOPPING' | 'UNKNOWN';

export interface InstanceContract {
  billingFrequency: number;
  term: number;
  type: 'HOURLY' | 'MONTHLY';
  endsAt: string | null;
  renewalsAt: string;
  createdAt: string;
  state: 'ACTIVE' | 'DELETE_SCHEDULED';
}

/** The image as an instance embeds it (the catalogue entry has more). */
export interface ImageSummary {
  id: string;
  name: string;
  family: string;
  flavour: string;
  custom: boolean;
}

/** An image of the catalogue (`GET /images`); custom images have a UUID id. */
export interface Image extends ImageSummary {
  version: string | null;
  architecture: string | null;
  marketApps: string[];
  storageTypes: StorageType[];
  storageSize: { size: number; unit: string } | null;
  state: 'CREATING' | 'READY' | 'DESTROYED' | 'DESTROYING' | 'FAILED';
  stateReason: string | null;
  region: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  minDiskSize: number | null;
}

export interface Iso {
  id: string;
  name: string;
}

/**
 * A market app of the catalogue (`GET /marketApps`): software Leaseweb installs with an
 * image (a control panel) or runs its products on (`LOADBALANCER`). `image` is the image
 * summary, as an instance embeds it.
 */
export interface MarketApp {
  id: string;
  name: string;
  category: string;
  version: string | null;
  family: string;
  image: ImageSummary;
}

export interface InstancePrivateNetwork {
  privateNetworkId: string;
  status: string;
  subnet: string;
}

/** An IP as the instance shows it (`/instances/{id}/ips`). `ddos` only outside the list. */
export interface InstanceIp {
  ip: string;
  /** A string in every sample and in the spec (quirk). */
  prefixLength: string;
  version: 4 | 6;
  nullRouted: boolean;
  reverseLookup: string | null;
  mainIp: boolean;
  networkType: 'PUBLIC' | 'INTERNAL';
  ddos?: { detectionProfile: string; protectionType: string };
}

/** Auto scaling groups (their API: types/public-cloud-auto-scaling-groups.ts); instances and load balancers embed one. */
export type AutoScalingGroupType = 'MANUAL' | 'SCHEDULED' | 'CPU_BASED';
export type AutoScalingGroupState = 'ACTIVE' | 'CREATING' | 'CREATED' | 'DESTROYED' | 'DESTROYING' | 'SCALING' | 'UPDATING';

/** A group as lists answer it and as instances and load balancers embed it. */
export interface AutoScalingGroup {
  id: string;
  type: AutoScalingGroupType;
  state: AutoScalingGroupState;
  desiredAmount: number | null;
  minimumAmount: number | null;
  maximumAmount: number | null;
  cpuThreshold: number | null;
  warmupTime: number | null;
  cooldownTime: number | null;
  region: string;
  reference: string;
  createdAt: string;
  updatedAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

/**
 * An instance: the list item (summary) or the detail. `iso` and `privateNetwork` are
 * undefined in a summary and present (possibly null) in the detail.
 */
export interface Instance {
  id: string;
  type: string;
  resources: Resources;
  region: string;
  reference: string | null;
  startedAt: string | null;
  marketAppId: string | null;
  state: InstanceState;
  productType: string;
  hasPublicIpV4: boolean;
  hasPrivateNetwork: boolean;
  hasUserData: boolean;
  rootDiskSize: number;
  rootDiskStorageType: StorageType;
  contract: InstanceContract;
  /** The group as lists answer it (null in the detail sample of an instance outside any group). */
  autoScalingGroup: AutoScalingGroup | null;
  image: ImageSummary;
  ips: InstanceIp[];
  iso?: Iso | null;
  privateNetwork?: InstancePrivateNetwork | null;
}

export type PublicCloudCredentialType = 'OPERATING_SYSTEM' | 'CONTROL_PANEL';

export interface InstanceCredential {
  type: PublicCloudCredentialType;
  username: string;
  /** Only in the single-credential answers. */
  password?: string;
}

export interface Snapshot {
  id: string;
  displayName: string;
  state: 'READY' | 'CREATING';
  created: string;
}

export interface ConsoleAccess {
  url: string;
}

export interface MetricPeak {
  value: number;
  timestamp: string;
}

export interface MetricSummary {
  average: number;
  expected: number;
  total?: number;
  /** Null when the gateway cut the series to a window with no value. */
  peak: MetricPeak | null;
}

/** CPU (`metrics/cpu`) and data traffic (`metrics/datatraffic`) answers. */
export interface InstanceMetrics {
  _metadata: {
    from: string;
    to: string;
    granularity: string;
    aggregation?: string;
    unit: string;
    summary: Record<string, MetricSummary>;
  };
  metrics: Record<string, { unit: string; values: Array<{ timestamp: string; value: number }> }>;
}

export interface ExpenseInstance {
  id: string;
  reference: string | null;
  resources: Resources;
  contract: InstanceContract;
  startedAt: string | null;
  endedAt: string | null;
  rootDiskSize: number;
  billingType: string;
  hours: number;
  from: string;
  to: string;
  rootDiskStorageType: StorageType;
  price: string;
}

export interface TrafficTier {
  usage: number;
  price: number;
}

export interface Expenses {
  billing: {
    instances: ExpenseInstance[];
    traffic: { unit: string; values: Record<string, TrafficTier> };
  };
}

/** A snapshot as the graph holds it: the API's object plus the instance it belongs to. */
/** A snapshot as the graph holds it: with the owner it was read from. */
export interface SnapshotModel extends Snapshot {
  owner: OwnerRef;
}

/** A region as the graph holds it: an instance knows only the name; the rest is loaded when asked. */
export interface RegionModel {
  name: string;
  location?: string;
}

/**
 * An instance type as the graph holds it: the catalogue entry with the region it came
 * from, or (reached from an instance) only name and region until more is asked.
 */
export interface InstanceTypeModel extends Partial<InstanceType> {
  name: string;
  region: string | null;
}

/** An image as the graph holds it: the summary an instance embeds, or the catalogue entry. */
export type ImageModel = ImageSummary & Partial<Image>;

/** An expense line's traffic tier, named (`tier_0` …). */
export interface TrafficTierModel extends TrafficTier {
  tier: string;
}

// Connection parents: one page of each list.
export type RegionPage = Page<Region>;
export type InstanceTypePage = Page<InstanceTypeModel>;
export type InstancePage = Page<Instance>;
export type ImagePage = Page<ImageModel>;
export type IsoPage = Page<Iso>;
export type MarketAppPage = Page<MarketApp>;
export type SnapshotPage = Page<SnapshotModel>;
export type MetricSummaryModel = MetricSummary & { name: string };
