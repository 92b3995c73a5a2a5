import type {
  Image,
  Instance,
  InstanceContract,
  InstanceCredential,
  InstanceIp,
  InstanceType,
  Snapshot,
  StorageType,
} from '../../datasources/types/public-cloud.js';
import { badRequest, notFound } from '../http.js';
import { addIp, nullRouteIp, type IpRecord } from '../ip-management/data.js';
import { Rng } from '../prng.js';
import { imageSummary, instanceTypesIn, isos, regions, standardImages } from './catalogues.js';
import type { EmulatorRequest } from '../types.js';
import type { IpDataset } from '../ip-management/data.js';

/** An instance and everything the API keeps per instance. */
export interface InstanceRecord {
  /** The detail (`GET /instances/{id}`) without `ips`, which are derived from the IP records. */
  instance: Omit<Instance, 'ips'>;
  /** The contract the customer pays the instance under (not shown by Public Cloud itself). */
  contractId: string;
  /**
   * Internal IPs. Public IPs live in ipMgmt (registered under the instance id), so
   * `/ipMgmt/v2/ips` and `/instances/{id}/ips` read one record and always agree.
   */
  internalIps: IpRecord[];
  credentials: Required<InstanceCredential>[];
  snapshots: Snapshot[];
}

export interface PublicCloudData {
  instances: Map<string, InstanceRecord>;
  /** The customer's custom images (the standard ones are in catalogues.ts). */
  customImages: Image[];
  /** Per region: the public /24 the customer's instances get addresses from, and the next free host. */
  networks: Map<string, { prefix: string; nextHost: number; internalPrefix: string }>;
}

/** The sections this product reads and writes. */
export type PublicCloudDataset = IpDataset & { publicCloud: PublicCloudData };
export type PublicCloudRequest = EmulatorRequest<PublicCloudDataset>;

/** The customer's one private network (Leaseweb allows one per customer; the id dedicated servers use). */
export const PRIVATE_NETWORK = { privateNetworkId: '1238793', status: 'CONFIGURED', subnet: '10.32.0.0/24' };

/** The regions demo instances are spread over. */
const SEED_REGIONS = ['eu-west-3', 'eu-central-1', 'us-east-1', 'ap-southeast-1'];
const ROLES = ['web', 'api', 'worker', 'db', 'cache', 'ci', 'vpn', 'batch'];

/** 2026-01-01, so demo dates don't move between runs (as dedicated servers). */
const EPOCH = Date.UTC(2026, 0, 1);

export function createPublicCloudData(): PublicCloudData {
  return { instances: new Map(), customImages: [], networks: new Map() };
}

/** Leaseweb writes Public Cloud times as `2024-04-09T15:11:21+00:00`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Snapshot times are written `2023-11-02T07:31:28+0000` (no colon, as in the reference). */
export function snapshotTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** The instance's IPs: public ones from ipMgmt, then internal ones. */
export function instanceIpRecords(d: PublicCloudDataset, record: InstanceRecord): IpRecord[] {
  return [...(d.ipManagement.byEquipment.get(record.instance.id) ?? []), ...record.internalIps];
}

/** An IP as Public Cloud shows it: no prefix on `ip`, `prefixLength` a string, `ddos` outside lists. */
export function toInstanceIp(r: IpRecord, withDdos: boolean): InstanceIp {
  return {
    ip: r.ip,
    prefixLength: String(r.subnet.prefixLength),
    version: r.version,
    nullRouted: r.nullRouted,
    reverseLookup: r.reverseLookup,
    mainIp: r.primary,
    networkType: r.networkType === 'PUBLIC' ? 'PUBLIC' : 'INTERNAL',
    ...(withDdos ? { ddos: r.ddos } : {}),
  };
}

/** GET /instances/{id}: the whole instance. */
export function instanceDetail(d: PublicCloudDataset, record: InstanceRecord): Instance {
  return { ...record.instance, ips: instanceIpRecords(d, record).map((r) => toInstanceIp(r, true)) };
}

/** GET /instances: a summary (no `iso`, no `privateNetwork`, IPs without `ddos`). */
export function instanceSummary(d: PublicCloudDataset, record: InstanceRecord): Instance {
  const { iso: _iso, privateNetwork: _pn, ...rest } = record.instance;
  return { ...rest, ips: instanceIpRecords(d, record).map((r) => toInstanceIp(r, false)) };
}

/** Standard images plus the customer's custom images. */
export function allImages(d: PublicCloudDataset): Image[] {
  return [...standardImages, ...d.publicCloud.customImages];
}

/** The instance named by the `:instanceId` path parameter, or a 404. */
export function findInstance(req: PublicCloudRequest): InstanceRecord {
  const record = req.data.publicCloud.instances.get(req.params.instanceId!);
  if (!record) throw notFound('instance');
  return record;
}

export interface NewInstance {
  id: string;
  region: string;
  type: InstanceType;
  image: Image;
  reference: string | null;
  contract: InstanceContract;
  rootDiskSize: number;
  rootDiskStorageType: StorageType;
  marketAppId: string | null;
  hasUserData: boolean;
  withPublicIp: boolean;
  state: Instance['state'];
  startedAt: string | null;
  contractId: string;
  ddos: IpRecord['ddos'];
}

/** Creates an instance with its IPs (the public one registered in ipMgmt under the instance id). */
export function createInstance(d: PublicCloudDataset, spec: NewInstance): InstanceRecord {
  const net = network(d, spec.region);
  const host = net.nextHost++;
  const record: InstanceRecord = {
    instance: {
      id: spec.id,
      type: spec.type.name,
      resources: spec.type.resources,
      region: spec.region,
      reference: spec.reference,
      startedAt: spec.startedAt,
      marketAppId: spec.marketAppId,
      state: spec.state,
      productType: 'INSTANCE',
      hasPublicIpV4: spec.withPublicIp,
      hasPrivateNetwork: false,
      hasUserData: spec.hasUserData,
      rootDiskSize: spec.rootDiskSize,
      rootDiskStorageType: spec.rootDiskStorageType,
      contract: spec.contract,
      autoScalingGroup: null,
      image: imageSummary(spec.image),
      iso: null,
      privateNetwork: null,
    },
    contractId: spec.contractId,
    internalIps: [],
    credentials: [],
    snapshots: [],
  };
  const base = {
    type: 'NORMAL_IP',
    prefixLength: 32,
    nullRouted: false,
    nullLevel: null,
    unnullingAllowed: false,
    equipmentId: spec.id,
    assignedContract: { id: spec.contractId },
    floatingIp: false,
    version: 4 as const,
  };
  if (spec.withPublicIp) {
    const gateway = `${net.prefix}.1`;
    addIp(d.ipManagement, {
      ...base,
      ip: `${net.prefix}.${host}`,
      primary: true,
      reverseLookup: spec.reference ? `${spec.reference}.example.com` : null,
      subnet: { id: `${net.prefix}.0_24`, networkIp: `${net.prefix}.0`, prefixLength: 24, gateway },
      networkType: 'PUBLIC',
      gateway,
      ddos: spec.ddos,
    });
  }
  const internal = `${net.internalPrefix}.${host}`;
  record.internalIps.push({
    ...base,
    ip: internal,
    primary: !spec.withPublicIp,
    reverseLookup: null,
    subnet: {
      id: `${net.internalPrefix}.0_24`,
      networkIp: `${net.internalPrefix}.0`,
      prefixLength: 24,
      gateway: `${net.internalPrefix}.1`,
    },
    networkType: 'INTERNAL',
    gateway: `${net.internalPrefix}.1`,
    ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
  });
  d.publicCloud.instances.set(spec.id, record);
  return record;
}

function network(d: PublicCloudDataset, region: string) {
  const net = d.publicCloud.networks.get(region);
  if (!net) throw new Error(`no network for region ${region}`);
  return net;
}

/**
 * Seeds `count` instances over four regions: various types, images (standard, custom,
 * Windows), states and contracts; some with an ISO attached, a private network, a
 * snapshot, a control-panel credential (and a market app), a null-routed public IP or one
 * without public IP. Draws one number from the dataset's Rng and uses its own from there,
 * so changes here do not shift the data of the products seeded after it.
 */
export function seedPublicCloud(d: PublicCloudDataset, parent: Rng, count: number): void {
  const rng = new Rng(parent.int(1, 2 ** 31 - 1));
  const second = rng.int(16, 250);
  regions.forEach((r, k) => {
    d.publicCloud.networks.set(r.name, {
      prefix: `185.${second}.${100 + k}`,
      nextHost: 10,
      internalPrefix: `10.${40 + k}.${rng.int(0, 255)}`,
    });
  });
  d.publicCloud.customImages.push(
    customImage(rng, 'web-golden-image', 'ubuntu', 'eu-west-3', EPOCH - 60 * 86_400_000),
    customImage(rng, 'db-base', 'debian', 'eu-west-3', EPOCH - 45 * 86_400_000),
    customImage(rng, 'ci-runner', 'ubuntu', 'us-east-1', EPOCH - 30 * 86_400_000),
  );
  const linux = standardImages.filter((i) => i.family !== 'windows');
  const windows = standardImages.find((i) => i.family === 'windows')!;

  for (let i = 0; i < count; i++) {
    const region = SEED_REGIONS[i % SEED_REGIONS.length]!;
    const type = rng.pick(instanceTypesIn(region));
    const custom = d.publicCloud.customImages.filter((img) => img.region === region);
    const image = i % 9 === 8 ? windows : i % 7 === 4 && custom.length ? rng.pick(custom) : rng.pick(linux);
    const createdAt = EPOCH - (20 + i * 9) * 86_400_000 - rng.int(0, 86_399) * 1000;
    const monthly = i % 3 === 0;
    const term = monthly ? rng.pick([1, 3, 6, 12]) : 0;
    // A monthly contract renews at the end of its term; an hourly one each month.
    let renewals = addMonths(createdAt, monthly ? term : 1);
    while (renewals < EPOCH) renewals = addMonths(renewals, monthly ? term : 1);
    const scheduled = monthly && i % 12 === 9;
    const storageTypes = type.storageTypes.filter((s) => image.storageTypes.length === 0 || image.storageTypes.includes(s));
    const role = ROLES[i % ROLES.length]!;
    const record = createInstance(d, {
      id: rng.uuid(),
      region,
      type,
      image,
      reference: i % 10 === 9 ? null : `${role}-${String(i + 1).padStart(2, '0')}`,
      contract: {
        billingFrequency: monthly ? rng.pick([1, 3, 6, 12].filter((f) => f <= term)) : 1,
        term,
        type: monthly ? 'MONTHLY' : 'HOURLY',
        endsAt: scheduled ? isoTime(renewals) : null,
        renewalsAt: isoTime(renewals),
        createdAt: isoTime(createdAt),
        state: scheduled ? 'DELETE_SCHEDULED' : 'ACTIVE',
      },
      rootDiskSize: image.family === 'windows' ? rng.pick([50, 80, 120]) : rng.pick([10, 20, 40, 80, 100]),
      rootDiskStorageType: rng.pick(storageTypes.length ? storageTypes : type.storageTypes),
      // The instances that hold a control-panel credential run a market app, where their image offers one.
      marketAppId: i % 4 === 0 && image.marketApps.length ? image.marketApps[(i / 4) % image.marketApps.length]! : null,
      hasUserData: i % 4 === 2,
      withPublicIp: i % 10 !== 7,
      state: i % 6 === 3 ? 'STOPPED' : 'RUNNING',
      startedAt: isoTime(createdAt + 16_000),
      contractId: String(rng.int(10_000_000, 99_999_999)),
      ddos: rng.chance(0.5)
        ? { detectionProfile: 'ADVANCED_DEFAULT', protectionType: 'ADVANCED' }
        : { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    const inst = record.instance;
    if (i % 6 === 2) inst.iso = isos[0]!;
    else if (i % 11 === 5) inst.iso = isos[1]!;
    if (i % 4 === 1) {
      inst.privateNetwork = { ...PRIVATE_NETWORK };
      inst.hasPrivateNetwork = true;
    }
    if (i % 5 === 0) {
      record.snapshots.push({
        id: rng.uuid(),
        displayName: `${inst.reference ?? 'instance'} before upgrade`,
        state: 'READY',
        created: snapshotTime(EPOCH - (3 + i) * 86_400_000),
      });
    }
    record.credentials.push({
      type: 'OPERATING_SYSTEM',
      username: image.family === 'windows' ? 'Administrator' : 'root',
      password: rng.hex(16),
    });
    if (i % 4 === 0) record.credentials.push({ type: 'CONTROL_PANEL', username: 'admin', password: rng.hex(16) });

    const publicIp = d.ipManagement.byEquipment.get(inst.id)?.[0];
    if (publicIp && i % 5 === 2) {
      nullRouteIp(d.ipManagement, publicIp, {
        nulledAt: isoTime(EPOCH - (30 + i) * 86_400_000),
        unnulledAt: isoTime(EPOCH - (29 + i) * 86_400_000),
        comment: 'DDoS mitigation',
        nulledBy: 'noc@leaseweb.example',
        nullLevel: 3,
      });
    }
    if (publicIp && i % 8 === 5) {
      nullRouteIp(d.ipManagement, publicIp, {
        nulledAt: isoTime(EPOCH - 86_400_000),
        comment: 'Outgoing attack',
        ticketId: String(310_000 + i),
        nulledBy: 'abuse@leaseweb.example',
      });
    }

    const prices = type.prices;
    const storage = inst.rootDiskStorageType === 'LOCAL' ? prices.storage.local : prices.storage.central;
    d.billables.push({
      productId: 'PUBLIC_CLOUD',
      equipmentId: inst.id,
      contractId: record.contractId,
      reference: inst.reference,
      pricePerMonth: Math.round((Number(prices.compute.monthlyPrice) + Number(storage.monthlyPrice) * inst.rootDiskSize) * 100) / 100,
      startDate: inst.contract.createdAt,
      description: `Public Cloud instance ${inst.type} (${region})`,
    });
  }
}

function customImage(rng: Rng, name: string, flavour: string, region: string, createdAt: number): Image {
  return {
    id: rng.uuid(),
    name,
    version: null,
    family: 'linux',
    flavour,
    architecture: null,
    marketApps: [],
    storageTypes: [],
    storageSize: { size: rng.int(150, 900) / 100, unit: 'GB' },
    state: 'READY',
    stateReason: null,
    region,
    createdAt: isoTime(createdAt),
    updatedAt: isoTime(createdAt + 86_400_000),
    custom: true,
    minDiskSize: null,
  };
}

/** A 400 about the instance's state (Leaseweb answers these with errorDetails on the id). */
export const refused = (message: string) => badRequest({ instanceId: [message] }, message);

/**
 * Every write on an instance that is being (or was) destroyed is refused. The emulator
 * has no clock: an accepted operation is done by the time it answers (start gives
 * RUNNING, not STARTING), so there are no transitional states to wait out.
 */
export function usable(record: InstanceRecord): InstanceRecord {
  const { state } = record.instance;
  if (state === 'DESTROYING' || state === 'DESTROYED') throw refused(`The instance is ${state.toLowerCase()}.`);
  return record;
}
