import type { NetworkEquipment } from '../../datasources/types/network-equipment.js';
import type { CredentialRecord } from '../families/credentials.js';
import { notFound } from '../http.js';
import { addIp, type IpDataset } from '../ip-management/data.js';
import { hashSeed, Rng } from '../prng.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';

/** One piece of network equipment and what the API keeps for it. */
export interface NetworkEquipmentRecord {
  equipment: Required<NetworkEquipment>;
  /** True when `equipment.rack.id` names a dedicated rack (the `privateRackId` filter). */
  inDedicatedRack: boolean;
  credentials: CredentialRecord[];
  power: { ipmi: 'on' | 'off'; pdu: 'on' | 'off' };
}

export interface NetworkEquipmentData {
  equipment: Map<string, NetworkEquipmentRecord>;
}

/** The sections this product reads and writes (servers only to find their dedicated racks). */
export type NetworkEquipmentDataset = IpDataset & {
  networkEquipment: NetworkEquipmentData;
  dedicatedServers: { servers: Map<string, { server: { rack: { id?: string; type?: string | null } } }> };
};
export type NetworkEquipmentRequest = EmulatorRequest<NetworkEquipmentDataset>;

export const CREDENTIAL_TYPES = [
  'OPERATING_SYSTEM',
  'RESCUE_MODE',
  'REMOTE_MANAGEMENT',
  'CONTROL_PANEL',
  'SWITCH',
  'PDU',
  'FIREWALL',
  'LOAD_BALANCER',
  'VNC',
  'TEMPORARY_OPERATING_SYSTEM',
  'VPN_USER',
  'COMBINATION_LOCK',
  'DATABASE',
];

export function createNetworkEquipmentData(): NetworkEquipmentData {
  return { equipment: new Map() };
}

/** The racks (ids) the demo's dedicated servers stand in, in first-seen order: the demo's dedicated racks. */
export function dedicatedRackIds(d: Pick<NetworkEquipmentDataset, 'dedicatedServers'>, count = 2): string[] {
  const ids = [...d.dedicatedServers.servers.values()].filter((r) => r.server.rack.type === 'DEDICATED').map((r) => r.server.rack.id!);
  return [...new Set(ids)].slice(0, count);
}

const SITES = ['AMS-01', 'FRA-10', 'WDC-02'];
const MODELS = [
  { type: 'SWITCH', brand: 'HP', model: 'PC 2530-48 J9781A' },
  { type: 'SWITCH', brand: 'Juniper', model: 'EX3400-48T' },
  { type: 'FIREWALL', brand: 'Fortinet', model: 'FortiGate 100F' },
  { type: 'SWITCH', brand: 'Arista', model: '7050SX3-48YC8' },
];

/**
 * Seeds four pieces of network equipment: the first two stand in the demo's dedicated
 * racks, each has a public IPv4 in ipMgmt (one with null-route history), a stored switch
 * login and a PDU. Its own Rng, so the data sets seeded after it stay as they were.
 */
export function seedNetworkEquipment(d: NetworkEquipmentDataset, spec: DatasetSpec): void {
  const rng = new Rng(hashSeed(`networkEquipment/${spec.seed}`));
  const racks = dedicatedRackIds(d);
  for (let i = 0; i < 4; i++) {
    const id = String(2_100_000 + i * 31);
    const model = MODELS[i]!;
    const site = SITES[i % SITES.length]!;
    const contractId = String(rng.int(40_000_000_000_000, 49_999_999_999_999));
    const third = 100 + i;
    const ip = `176.57.${third}.${10 + i}`;
    const gateway = `176.57.${third}.254`;
    const rack = racks[i];
    const reference = i === 3 ? null : `${model.type.toLowerCase()}-${String(i + 1).padStart(2, '0')}.${site.toLowerCase()}`;
    const equipment: Required<NetworkEquipment> = {
      contract: {
        aggregationPackId: null,
        billingCycle: 1,
        billingFrequency: 'MONTH',
        contractTerm: 12,
        contractType: 'NORMAL',
        currency: 'EUR',
        customerId: d.customer.customerId,
        deliveryStatus: 'ACTIVE',
        endsAt: null,
        id: contractId,
        networkTraffic: {
          connectivityType: 'INTERCONNECTED',
          datatrafficLimit: null,
          datatrafficUnit: null,
          trafficType: null,
          type: null,
        },
        pricePerFrequency: `${rng.int(20, 90)}.00`,
        reference,
        salesOrgId: d.customer.salesOrgId,
        sla: 'Platinum',
        startsAt: '2025-08-01T00:00:00Z',
        status: 'ACTIVE',
        subnets: [],
      },
      featureAvailability: { automation: true, ipmiReboot: false, powerCycle: true, privateNetwork: false, remoteManagement: false },
      id,
      location: { rack: rack ? `DR${rack}` : `YY${10 + i}`, site, suite: 'HALL3', unit: String(40 - i) },
      name: `${site.slice(0, 3)}-NE-${String(i + 1).padStart(3, '0')}`,
      networkInterfaces: {
        internal: { gateway: null, ip: null, ports: [] },
        public: { gateway, ip: `${ip}/24`, locationId: '', nullRouted: false, ports: [] },
        remoteManagement: { gateway: null, ip: null, locationId: null, ports: [] },
      },
      powerPorts: [{ name: `${site}-HALL3-PDU0${1 + i}`, port: String(7 + i) }],
      rack: { capacity: '', id: rack ?? String(11_100 + i) },
      serialNumber: `XN${rng.hex(8).toUpperCase()}`,
      specs: { brand: model.brand, model: model.model },
      type: model.type,
    };
    addIp(d.ipManagement, {
      ip,
      version: 4,
      type: 'NORMAL_IP',
      prefixLength: 32,
      primary: true,
      reverseLookup: `${equipment.name.toLowerCase()}.example.com`,
      nullRouted: false,
      nullLevel: null,
      unnullingAllowed: false,
      equipmentId: id,
      assignedContract: { id: contractId },
      subnet: { id: `176.57.${third}.0_24`, networkIp: `176.57.${third}.0`, prefixLength: 24, gateway },
      networkType: 'PUBLIC',
      gateway,
      floatingIp: false,
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    // A second public IP and an internal one, as servers have (ipMgmt lists the public ones).
    for (const [address, networkType, primary] of [
      [`176.57.${third}.${50 + i}`, 'PUBLIC', false],
      [`10.250.${i}.10`, 'INTERNAL', false],
    ] as const) {
      addIp(d.ipManagement, {
        ip: address,
        version: 4,
        type: 'NORMAL_IP',
        prefixLength: 32,
        primary,
        reverseLookup: networkType === 'PUBLIC' ? `ip-${address.replace(/\./g, '-')}.example.com` : '',
        nullRouted: false,
        nullLevel: null,
        unnullingAllowed: false,
        equipmentId: id,
        assignedContract: { id: contractId },
        subnet:
          networkType === 'PUBLIC'
            ? { id: `176.57.${third}.0_24`, networkIp: `176.57.${third}.0`, prefixLength: 24, gateway }
            : { id: `10.250.${i}.0_24`, networkIp: `10.250.${i}.0`, prefixLength: 24, gateway: `10.250.${i}.1` },
        networkType,
        gateway: networkType === 'PUBLIC' ? gateway : `10.250.${i}.1`,
        floatingIp: false,
        ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
      });
    }
    d.billables.push({
      productId: 'NETWORK_EQUIPMENT',
      equipmentId: id,
      contractId,
      reference,
      pricePerMonth: Number(equipment.contract.pricePerFrequency),
      startDate: equipment.contract.startsAt!,
      description: `Network equipment ${model.brand} ${model.model} (${site})`,
    });
    d.networkEquipment.equipment.set(id, {
      equipment,
      inDedicatedRack: rack !== undefined,
      credentials: [
        { type: 'SWITCH', username: 'admin', password: rng.hex(16) },
        { type: 'OPERATING_SYSTEM', username: 'root', password: rng.hex(16) },
      ],
      power: { ipmi: 'on', pdu: i === 2 ? 'off' : 'on' },
    });
  }
}

export function findNetworkEquipment(req: NetworkEquipmentRequest): NetworkEquipmentRecord {
  const record = req.data.networkEquipment.equipment.get(req.params.networkEquipmentId!);
  if (!record) throw notFound('network equipment');
  return record;
}
