import type { DedicatedRack } from '../../datasources/types/dedicated-racks.js';
import type { DdosNotificationSettings, NotificationSetting } from '../../datasources/types/dedicated-servers.js';
import type { CredentialRecord } from '../families/credentials.js';
import { notFound } from '../http.js';
import { addIp, type IpDataset } from '../ip-management/data.js';
import { hashSeed, Rng } from '../prng.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';

/** A dedicated rack and what the API keeps per rack. */
export interface RackRecord {
  rack: Required<DedicatedRack>;
  credentials: CredentialRecord[];
  bandwidthSettings: NotificationSetting[];
  datatrafficSettings: NotificationSetting[];
  ddos: DdosNotificationSettings;
}

export interface DedicatedRacksData {
  racks: Map<string, RackRecord>;
  nextNotificationId: number;
}

/** The sections this product reads and writes (servers only to find the racks they stand in). */
export type RacksDataset = IpDataset & {
  dedicatedRacks: DedicatedRacksData;
  dedicatedServers: { servers: Map<string, { server: { rack: { id?: string; type?: string | null }; location: { site: string } } }> };
};
export type RacksRequest = EmulatorRequest<RacksDataset>;

export const RACK_CREDENTIAL_TYPES = [
  'OPERATING_SYSTEM',
  'CONTROL_PANEL',
  'REMOTE_MANAGEMENT',
  'RESCUE_MODE',
  'SWITCH',
  'PDU',
  'FIREWALL',
  'LOAD_BALANCER',
];

export function createDedicatedRacksData(): DedicatedRacksData {
  return { racks: new Map(), nextNotificationId: 70_000 };
}

export function rackNotification(
  d: RacksDataset,
  frequency: NotificationSetting['frequency'],
  threshold: string,
  unit: string,
): NotificationSetting {
  return {
    id: String(d.dedicatedRacks.nextNotificationId++),
    frequency,
    threshold,
    unit,
    lastCheckedAt: null,
    thresholdExceededAt: null,
    actions: [{ type: 'EMAIL', lastTriggeredAt: null }],
  };
}

/**
 * Seeds the demo's dedicated racks: the first two racks that demo servers of rack type
 * DEDICATED stand in (the servers' `rack.id`), each with a public /29 in ipMgmt, a stored
 * PDU login and alerts. Its own Rng, so the data sets seeded after it stay as they were.
 */
export function seedDedicatedRacks(d: RacksDataset, spec: DatasetSpec): void {
  const rng = new Rng(hashSeed(`dedicatedRacks/${spec.seed}`));
  const servers = [...d.dedicatedServers.servers.values()].map((r) => r.server).filter((s) => s.rack.type === 'DEDICATED');
  const ids = [...new Set(servers.map((s) => s.rack.id!))].slice(0, 2);
  ids.forEach((id, k) => {
    const site = servers.find((s) => s.rack.id === id)!.location.site;
    const contractId = String(rng.int(2_000_000, 2_999_999));
    const reference = `Private rack ${String(k + 1).padStart(3, '0')}`;
    const rack: Required<DedicatedRack> = {
      contract: {
        customerId: d.customer.customerId,
        deliveryStatus: 'ACTIVE',
        endsAt: null,
        id: contractId,
        networkTraffic: { datatrafficLimit: 0, datatrafficUnit: null, trafficType: 'CUSTOM', type: 'CONNECTIVITY' },
        reference,
        salesOrgId: d.customer.salesOrgId,
        sla: 'Platinum - 24x7x½',
        startsAt: '2025-03-01T00:00:00',
      },
      featureAvailability: { powerCycle: false, privateNetwork: k === 0 },
      id,
      location: { rack: `DR${id}`, site, suite: 'Hall3' },
      networkInterfaces: { public: { ports: [{ name: `ce0${5 + k}.${site.toLowerCase()}`, port: `0-${26 + k}` }] } },
      powerPorts: [],
      units: Array.from({ length: 4 }, (_, u) => ({
        unit: String(1 + u * 2),
        status: u < 3 ? 'OCCUPIED' : 'FREE',
        connectedUnits: u === 1 ? [String(1 + u * 2), String(2 + u * 2)] : [String(1 + u * 2)],
      })),
    };
    const net = `178.162.${200 + k}`;
    const gateway = `${net}.1`;
    for (let h = 2; h <= 3; h++) {
      addIp(d.ipManagement, {
        ip: `${net}.${h}`,
        version: 4,
        type: 'NORMAL_IP',
        prefixLength: 32,
        primary: h === 2,
        reverseLookup: `rack${k + 1}-${h}.example.com`,
        nullRouted: false,
        nullLevel: null,
        unnullingAllowed: false,
        equipmentId: id,
        assignedContract: { id: contractId },
        subnet: { id: `${net}.0_29`, networkIp: `${net}.0`, prefixLength: 29, gateway },
        networkType: 'PUBLIC',
        gateway,
        floatingIp: false,
        ddos: { detectionProfile: 'ADVANCED_DEFAULT', protectionType: 'ADVANCED' },
      });
    }
    addIp(d.ipManagement, {
      ip: `10.251.${k}.10`,
      version: 4,
      type: 'NORMAL_IP',
      prefixLength: 32,
      primary: false,
      reverseLookup: '',
      nullRouted: false,
      nullLevel: null,
      unnullingAllowed: false,
      equipmentId: id,
      assignedContract: { id: contractId },
      subnet: { id: `10.251.${k}.0_24`, networkIp: `10.251.${k}.0`, prefixLength: 24, gateway: `10.251.${k}.1` },
      networkType: 'INTERNAL',
      gateway: `10.251.${k}.1`,
      floatingIp: false,
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    d.billables.push({
      productId: 'PRIVATE_RACK',
      equipmentId: id,
      contractId,
      reference,
      pricePerMonth: rng.int(900, 1500),
      startDate: rack.contract.startsAt!,
      description: `Dedicated rack ${rack.location.rack} (${site})`,
    });
    d.dedicatedRacks.racks.set(id, {
      rack,
      credentials: [
        { type: 'PDU', username: 'admin', password: rng.hex(16) },
        { type: 'OPERATING_SYSTEM', username: 'root', password: rng.hex(16) },
      ],
      bandwidthSettings: [rackNotification(d, 'WEEKLY', '1', 'Gbps')],
      datatrafficSettings: k === 0 ? [rackNotification(d, 'MONTHLY', '20', 'TB')] : [],
      ddos: { nulling: 'ENABLED', scrubbing: k === 0 ? 'DISABLED' : 'ENABLED' },
    });
  });
}

export function findRack(req: RacksRequest): RackRecord {
  const record = req.data.dedicatedRacks.racks.get(req.params.privateRackId!);
  if (!record) throw notFound('dedicated rack');
  return record;
}
