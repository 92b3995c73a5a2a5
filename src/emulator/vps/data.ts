import type { InstanceCredential, Iso, Snapshot } from '../../datasources/types/public-cloud.js';
import type { Vps, VpsContract, VpsResources } from '../../datasources/types/vps.js';
import { badRequest, notFound } from '../http.js';
import { addIp, type IpRecord } from '../ip-management/data.js';
import { Rng } from '../prng.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';
import { imageSummary, isos, standardImages } from '../public-cloud/catalogues.js';
import { isoTime, snapshotTime, toInstanceIp, type PublicCloudDataset } from '../public-cloud/data.js';

/** A VPS and everything the API keeps per VPS. */
export interface VpsRecord {
  /** The detail (`GET /vps/{id}`) without `ips`, which are derived from the IP records. */
  vps: Omit<Vps, 'ips' | 'contract' | 'iso' | 'resources'> & { contract: VpsContract; iso: Iso | null; resources: VpsResources };
  /** Internal IPs; the public one lives in ipMgmt under the VPS id (one record for both APIs). */
  internalIps: IpRecord[];
  credentials: Required<InstanceCredential>[];
  snapshots: Snapshot[];
}

export interface VpsData {
  servers: Map<string, VpsRecord>;
}

/** The sections this product reads and writes: its own, ipMgmt, and Public Cloud's custom images. */
export type VpsDataset = PublicCloudDataset & { vps: VpsData };
export type VpsRequest = EmulatorRequest<VpsDataset>;

export function createVpsData(): VpsData {
  return { servers: new Map() };
}

/** The packages Leaseweb documents (`pack`), with what each runs on and includes. */
export const PACKS: Array<{ name: string; cpu: number; memory: number; disk: number; traffic: number }> = [
  { name: 'Leaseweb VPS 1', cpu: 1, memory: 2, disk: 25, traffic: 10 },
  { name: 'Leaseweb VPS 2', cpu: 4, memory: 6, disk: 50, traffic: 30 },
  { name: 'Leaseweb VPS 3', cpu: 6, memory: 12, disk: 100, traffic: 30 },
  { name: 'Leaseweb VPS 4', cpu: 8, memory: 16, disk: 200, traffic: 50 },
];

const DATACENTERS: Record<string, string> = {
  'eu-central-1': 'FRA-01',
  'eu-west-3': 'AMS-01',
  'us-east-1': 'WDC-02',
  'ap-southeast-1': 'SIN-01',
};

/** 2026-01-01, as the other products. */
const EPOCH = Date.UTC(2026, 0, 1);

export function vpsIpRecords(d: VpsDataset, record: VpsRecord): IpRecord[] {
  return [...(d.ipManagement.byEquipment.get(record.vps.id) ?? []), ...record.internalIps];
}

/** GET /vps/{id}: the whole VPS. */
export function vpsDetail(d: VpsDataset, record: VpsRecord): Vps {
  return { ...record.vps, ips: vpsIpRecords(d, record).map((r) => toInstanceIp(r, true)) };
}

/** GET /vps/: a summary (no `contract`, `iso`, `resources`; IPs without `ddos`), as `vps.getVpsList.json`. */
export function vpsSummary(d: VpsDataset, record: VpsRecord): Vps {
  const { contract: _c, iso: _i, resources: _r, ...rest } = record.vps;
  return { ...rest, ips: vpsIpRecords(d, record).map((r) => toInstanceIp(r, false)) };
}

export function findVps(req: VpsRequest): VpsRecord {
  const record = req.data.vps.servers.get(req.params.vpsId!);
  if (!record) throw notFound('VPS');
  return record;
}

/** A 400 about the VPS's state, with errorDetails on the id (as Public Cloud answers). */
export const refused = (message: string) => badRequest({ vpsId: [message] }, message);

/**
 * Seeds a handful of VPSs (one per pack, and one more), each with a public IP in ipMgmt
 * and an internal one, an OS credential, some a snapshot, an ISO or a control panel (with
 * its market app). Uses an Rng of its own (from the seed), so it shifts no other product's
 * data.
 */
export function seedVps(d: VpsDataset, spec: DatasetSpec, count = 5): void {
  const rng = new Rng((spec.seed * 31 + 7) % 2 ** 31 || 1);
  const second = rng.int(16, 250);
  const regionNames = Object.keys(DATACENTERS);
  for (let i = 0; i < count; i++) {
    const pack = PACKS[i % PACKS.length]!;
    const region = regionNames[i % regionNames.length]!;
    const image = standardImages.filter((img) => img.family !== 'windows')[i % 3]!;
    const id = String(rng.int(100_000_000, 999_999_999));
    const createdAt = EPOCH - (40 + i * 17) * 86_400_000;
    const contractId = String(rng.int(41_000_000_000_000, 41_999_999_999_999));
    const reference = i === 4 ? null : `vps-${['shop', 'mail', 'vpn', 'staging'][i % 4]}-${String(i + 1).padStart(2, '0')}`;
    const record: VpsRecord = {
      vps: {
        contract: {
          id: contractId,
          billingFrequency: 1,
          term: 12,
          type: 'MONTHLY',
          state: 'ACTIVE',
          endsAt: null,
          createdAt: isoTime(createdAt),
          sla: 'Basic',
          controlPanel: i % 3 === 1 ? 'cPanel Admin 5' : null,
          inModification: false,
          dataTraffic: { value: pack.traffic, unit: 'TB' },
        },
        datacenter: DATACENTERS[region]!,
        hasPublicIpV4: true,
        id,
        image: imageSummary(image),
        iso: i === 2 ? isos[0]! : null,
        // The cPanel of the contract's control panel, which the VPS's Ubuntu 22.04 offers.
        marketAppId: i % 3 === 1 ? 'CPANEL_ADMIN' : null,
        pack: pack.name,
        reference,
        region,
        resources: {
          cpu: { value: pack.cpu, unit: 'vCPU' },
          memory: { value: pack.memory, unit: 'GiB' },
          publicNetworkSpeed: { value: 10000, unit: 'Mbps' },
        },
        rootDiskSize: pack.disk,
        startedAt: i === 3 ? null : isoTime(createdAt + 60_000),
        state: i === 3 ? 'STOPPED' : 'RUNNING',
      },
      internalIps: [],
      credentials: [{ type: 'OPERATING_SYSTEM', username: 'root', password: rng.hex(16) }],
      snapshots: [],
    };
    if (i % 3 === 1) record.credentials.push({ type: 'CONTROL_PANEL', username: 'admin', password: rng.hex(16) });
    if (i === 0)
      record.snapshots.push({
        id: rng.uuid(),
        displayName: 'before upgrade',
        state: 'READY',
        created: snapshotTime(EPOCH - 5 * 86_400_000),
      });
    const base = {
      type: 'NORMAL_IP',
      prefixLength: 32,
      nullRouted: false,
      nullLevel: null,
      unnullingAllowed: false,
      equipmentId: id,
      assignedContract: { id: contractId },
      floatingIp: false,
      version: 4 as const,
    };
    const prefix = `89.${second}.${20 + i}`;
    addIp(d.ipManagement, {
      ...base,
      ip: `${prefix}.10`,
      primary: true,
      reverseLookup: reference ? `${reference}.example.com` : null,
      subnet: { id: `${prefix}.0_24`, networkIp: `${prefix}.0`, prefixLength: 24, gateway: `${prefix}.1` },
      networkType: 'PUBLIC',
      gateway: `${prefix}.1`,
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    record.internalIps.push({
      ...base,
      ip: `10.90.${i}.10`,
      primary: false,
      reverseLookup: null,
      subnet: { id: `10.90.${i}.0_24`, networkIp: `10.90.${i}.0`, prefixLength: 24, gateway: `10.90.${i}.1` },
      networkType: 'INTERNAL',
      gateway: `10.90.${i}.1`,
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    d.vps.servers.set(id, record);
    d.billables.push({
      productId: 'VPS',
      equipmentId: id,
      contractId,
      reference,
      pricePerMonth: [5, 14, 28, 46][i % 4]!,
      startDate: isoTime(createdAt),
      description: `${pack.name} (${region})`,
    });
  }
}
