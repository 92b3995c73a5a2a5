import type {
  Credential,
  DdosNotificationSettings,
  DhcpLease,
  NotificationSetting,
  Server,
  ServerJob,
  ServerNetworkInterfaceStatus,
} from '../../datasources/types/dedicated-servers.js';
import { hashSeed, Rng } from '../prng.js';
import { addIp, nullRouteIp, type IpRecord } from '../ip-management/data.js';
import { operatingSystems } from './catalogues.js';
import { notFound } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import type { IpDataset } from '../ip-management/data.js';

/** A server and everything the API keeps per server. */
export interface ServerRecord {
  server: Server;
  jobs: ServerJob[];
  credentials: Required<Credential>[];
  bandwidthSettings: NotificationSetting[];
  datatrafficSettings: NotificationSetting[];
  ddos: DdosNotificationSettings;
  power: { ipmi: 'on' | 'off'; pdu: 'on' | 'off' };
  interfaces: Record<ServerNetworkInterfaceStatus['type'], 'OPEN' | 'CLOSED'>;
  leases: DhcpLease[];
}

export interface DedicatedServersData {
  servers: Map<string, ServerRecord>;
  nextNotificationSettingId: number;
}

/** The sections this product reads and writes. */
export type ServersDataset = IpDataset & { dedicatedServers: DedicatedServersData };
export type ServersRequest = EmulatorRequest<ServersDataset>;

export const SITES = ['AMS-01', 'AMS-02', 'FRA-10', 'WDC-02', 'SIN-11', 'SFO-12'] as const;
const CHASSIS = ['Dell R6515', 'Dell R7525', 'HP DL120 G10', 'Supermicro SYS-5019C', 'HP DL380 G11'];
const CPUS = ['AMD EPYC 7402P', 'Intel Xeon E-2274G', 'Intel Xeon Gold 6226R', 'AMD EPYC 9254'];
const ROLES = ['web', 'db', 'cache', 'api', 'worker', 'lb', 'storage', 'build'];

export function createDedicatedServersData(): DedicatedServersData {
  return { servers: new Map(), nextNotificationSettingId: 90_000 };
}

function iso(base: number, offsetDays: number): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 2026-01-01, so demo dates don't move between runs. */
export const EPOCH = Date.UTC(2026, 0, 1);

/**
 * Seeds `count` servers over several sites. Each gets a public IPv4 (some a few more and
 * an IPv6 /64), an internal and a remote-management IP, all registered in ipMgmt under
 * the server id; about one in eight public IPs carries an active null route and more
 * have null-route history.
 */
export function seedDedicatedServers(d: ServersDataset, rng: Rng, count: number): void {
  const firstId = rng.int(100_000, 700_000);
  const publicBase = rng.pick([85, 95, 212, 5, 37, 89]);
  const publicSecond = rng.int(10, 240);
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i * 17);
    const site = SITES[i % SITES.length]!;
    const role = ROLES[i % ROLES.length]!;
    const contractId = String(rng.int(10_000_000, 99_999_999));
    const subnetThird = (i * 3) % 256;
    const netIp = `${publicBase}.${publicSecond}.${subnetThird}.0`;
    const publicIp = `${publicBase}.${publicSecond}.${subnetThird}.${10 + (i % 40)}`;
    const gateway = `${publicBase}.${publicSecond}.${subnetThird}.62`;
    const internalIp = `10.${20 + (i % 30)}.${Math.floor(i / 30)}.${10 + (i % 200)}`;
    const rmIp = `10.${120 + (i % 30)}.${Math.floor(i / 30)}.${10 + (i % 200)}`;
    const mac = rng.mac();
    const osId = rng.pick(operatingSystems).id;
    const server: Server = {
      id,
      assetId: String(600_000 + i),
      serialNumber: `HN${rng.hex(10).toUpperCase()}`,
      contract: {
        id: contractId,
        customerId: d.customer.customerId,
        salesOrgId: d.customer.salesOrgId,
        deliveryStatus: 'ACTIVE',
        reference: `${role}-${String(i + 1).padStart(2, '0')}.${site.toLowerCase()}`,
        privateNetworkPortSpeed: i % 3 === 0 ? 10_000 : null,
        subnets: [],
        status: 'ACTIVE',
        startsAt: iso(EPOCH, -30 * (i % 24) - 30),
        endsAt: null,
        sla: rng.pick(['Basic', 'Bronze', 'Silver', 'Gold']),
        contractTerm: rng.pick([1, 12, 24, 36]),
        contractType: 'NORMAL',
        billingCycle: 1,
        billingFrequency: 'MONTH',
        pricePerFrequency: String(rng.int(49, 499)) + '.00',
        currency: 'EUR',
        networkTraffic: {
          type: '95TH',
          connectivityType: 'INTERCONNECTED',
          trafficType: 'PREMIUM',
          datatrafficLimit: rng.pick([10, 20, 100]),
          datatrafficUnit: 'TB',
        },
        softwareLicenses: [],
        managedServices: [],
        aggregationPackId: null,
        ipv4Quantity: 1,
      },
      featureAvailability: {
        automation: true,
        powerCycle: true,
        ipmiReboot: i % 4 !== 0,
        privateNetwork: i % 3 === 0,
        remoteManagement: true,
      },
      isPrivateNetworkCapable: i % 3 === 0,
      isPrivateNetworkEnabled: i % 6 === 0,
      isRedundantPrivateNetworkCapable: false,
      location: { site, suite: `HALL${1 + (i % 3)}`, rack: `R${10 + (i % 40)}`, unit: String(1 + (i % 42)) },
      networkInterfaces: {
        public: {
          mac,
          ip: publicIp, // a bare address, as documented (the prefix is the subnet's, in ipMgmt)
          nullRouted: false,
          gateway,
          ports: [{ name: `${site}-PUB-SW${i % 9}`, port: `0-0-${i % 48}` }],
          locationId: String(270_000_000 + i),
        },
        internal: {
          mac,
          ip: internalIp,
          nullRouted: false,
          gateway: internalIp.replace(/\.\d+$/, '.1'),
          ports: [{ name: `${site}-INT-SW${i % 9}`, port: `0-0-${i % 48}` }],
          locationId: null,
        },
        remoteManagement: {
          mac: rng.mac(),
          ip: rmIp,
          gateway: rmIp.replace(/\.\d+$/, '.1'),
          ports: [],
          locationId: String(123_000_000 + i),
        },
      },
      powerPorts: [{ name: `${site}-PDU${i % 5}`, port: String(1 + (i % 24)) }],
      privateNetworks:
        i % 6 === 0
          ? [{ id: '1238793', linkSpeed: 10_000, status: 'CONFIGURED', dhcp: 'DISABLED', subnet: '10.32.0.0/24', vlanId: '2120' }]
          : [],
      rack: { id: String(5000 + (i % 40)), type: rng.pick(['SHARED', 'SHARED_100GE', 'DEDICATED']), capacity: '12G' },
      specs: {
        brand: rng.pick(['HP', 'DELL', 'SUPERMICRO']),
        chassis: rng.pick(CHASSIS),
        hardwareRaidCapable: i % 2 === 0,
        cpu: { type: rng.pick(CPUS), quantity: rng.pick([1, 2]) },
        ram: { size: rng.pick([32, 64, 128, 256]), unit: 'GB' },
        hdd: [{ id: 'SSD960', size: 960, unit: 'GB', amount: rng.pick([1, 2, 4]), type: 'SSD', performanceType: null }],
        pciCards: [],
      },
    };

    const ipBase = {
      assignedContract: { id: contractId },
      equipmentId: id,
      unnullingAllowed: false,
      nullLevel: null,
      nullRouted: false,
      floatingIp: false,
    };
    const publicSubnet = { id: `${netIp}_26`, networkIp: netIp, prefixLength: 26, gateway };
    rng.next(); // was the detection profile's own pick; kept so the data set after it stays the same
    const protectionType = rng.pick(['ADVANCED', 'STANDARD']);
    // The profile follows the protection: ADVANCED_* profiles exist only under Advanced protection.
    const ddos = { detectionProfile: protectionType === 'ADVANCED' ? 'ADVANCED_DEFAULT' : 'STANDARD_DEFAULT', protectionType };
    const ips: IpRecord[] = [];
    ips.push(
      addIp(d.ipManagement, {
        ...ipBase,
        ip: publicIp,
        version: 4,
        type: 'NORMAL_IP',
        prefixLength: 32,
        primary: true,
        reverseLookup: `${server.contract.reference}.example.com`,
        subnet: publicSubnet,
        networkType: 'PUBLIC',
        gateway,
        ddos,
      }),
    );
    const extra = i % 5 === 0 ? 3 : i % 3 === 0 ? 1 : 0;
    for (let k = 1; k <= extra; k++) {
      const ip = `${publicBase}.${publicSecond}.${subnetThird}.${50 + k}`;
      ips.push(
        addIp(d.ipManagement, {
          ...ipBase,
          ip,
          version: 4,
          type: 'NORMAL_IP',
          prefixLength: 32,
          primary: false,
          // A string, as documented (the sample's `domain.example.com`), never null.
          reverseLookup: `ip-${ip.replace(/\./g, '-')}.example.com`,
          subnet: publicSubnet,
          networkType: 'PUBLIC',
          gateway,
          ddos,
        }),
      );
    }
    if (i % 2 === 0) {
      // An IPv6 /64 is one ipMgmt record for the whole range: `ip` is the network address
      // and `prefixLength` the range's (`GET /ips/{network}_64`); PTR names of addresses
      // inside it are reverse lookup records (`GET /ips/{network}_64/reverseLookup`).
      const prefix = `2a00:c98:${(0x2000 + publicSecond).toString(16)}:${(0x100 + i).toString(16)}`;
      const range = addIp(d.ipManagement, {
        ...ipBase,
        ip: `${prefix}::`,
        version: 6,
        type: 'NORMAL_IP',
        prefixLength: 64,
        primary: false,
        reverseLookup: '', // a string, as documented; PTRs of the range's addresses are reverse lookup records
        subnet: { id: `${prefix}::_64`, networkIp: `${prefix}::`, prefixLength: 64, gateway: `${prefix}::ffff` },
        networkType: 'PUBLIC',
        gateway: `${prefix}::ffff`,
        ddos,
      });
      ips.push(range);
      if (i % 4 === 0) {
        d.ipManagement.reverseLookups.set(range.ip, [
          { ip: `${prefix}::1`, reverseLookup: `${server.contract.reference}.example.com` },
          { ip: `${prefix}::2`, reverseLookup: `mail.${server.contract.reference}.example.com` },
          { ip: `${prefix}::25`, reverseLookup: `smtp.${server.contract.reference}.example.com` },
        ]);
      }
    }
    addIp(d.ipManagement, {
      ...ipBase,
      ip: internalIp,
      version: 4,
      type: 'NORMAL_IP',
      prefixLength: 32,
      primary: false,
      reverseLookup: '', // a string, as documented, even when no PTR is set
      subnet: {
        id: `${internalIp.replace(/\.\d+$/, '.0')}_24`,
        networkIp: internalIp.replace(/\.\d+$/, '.0'),
        prefixLength: 24,
        gateway: internalIp.replace(/\.\d+$/, '.1'),
      },
      networkType: 'INTERNAL',
      gateway: internalIp.replace(/\.\d+$/, '.1'),
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });
    addIp(d.ipManagement, {
      ...ipBase,
      ip: rmIp,
      version: 4,
      type: 'IPMI',
      prefixLength: 32,
      primary: false,
      reverseLookup: '',
      subnet: {
        id: `${rmIp.replace(/\.\d+$/, '.0')}_27`,
        networkIp: rmIp.replace(/\.\d+$/, '.0'),
        prefixLength: 27,
        gateway: rmIp.replace(/\.\d+$/, '.1'),
      },
      networkType: 'REMOTE_MANAGEMENT',
      gateway: rmIp.replace(/\.\d+$/, '.1'),
      ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
    });

    // Null-route history: every fourth server had one that is over; every eighth has one now.
    if (i % 4 === 1) {
      nullRouteIp(d.ipManagement, ips[0]!, {
        nulledAt: iso(EPOCH, -40 - i),
        unnulledAt: iso(EPOCH, -39 - i),
        comment: 'DDoS mitigation',
        ticketId: String(280_000 + i),
        nullLevel: 3,
        nulledBy: 'noc@leaseweb.example',
      });
    }
    if (i % 8 === 3) {
      nullRouteIp(d.ipManagement, ips[ips.length - 1]!, {
        nulledAt: iso(EPOCH, -2),
        comment: 'Outgoing attack',
        ticketId: String(290_000 + i),
        nulledBy: 'abuse@leaseweb.example',
        automatedUnnullingAt: iso(EPOCH, 365),
      });
    }
    server.networkInterfaces.public.nullRouted = ips[0]!.nullRouted;

    const osOfServer = operatingSystems.find((o) => o.id === osId)!;
    // Task ids come from their own generator, so adding tasks left the shared sequence (and
    // with it every product seeded after this one) unchanged.
    const taskIds = new Rng(hashSeed(`tasks:${id}`));
    const installJob: ServerJob = {
      uuid: rng.uuid(),
      serverId: id,
      type: 'install',
      status: 'FINISHED',
      isRunning: false,
      flow: 'tasks',
      node: `${mac}!${server.serialNumber}`,
      createdAt: iso(EPOCH, -20 - (i % 10)),
      updatedAt: iso(EPOCH, -20 - (i % 10)),
      metadata: {},
      payload: {
        configurable: osOfServer.configurable,
        device: osOfServer.defaults!.device,
        fileserverBaseUrl: '',
        isUnassignedServer: false,
        jobType: 'install',
        numberOfDisks: null,
        operatingSystemId: osId,
        os: { architecture: '64bit', family: osOfServer.family, name: osOfServer.name, type: osOfServer.type, version: osOfServer.version },
        partitions: osOfServer.defaults!.partitions,
        hostname: `${server.contract.reference}.example.com`,
        pop: site,
        powerCycle: true,
        raidLevel: null,
        serverId: id,
        timezone: 'UTC',
      },
      progress: { canceled: 0, expired: 0, failed: 0, finished: 4, inprogress: 0, pending: 0, percentage: 100, total: 4, waiting: 0 },
      tasks: ['Power cycle', 'Boot installer', 'Install operating system', 'Reboot'].map((description, t) => {
        const at = iso(EPOCH, -20 - (i % 10) + t / 100);
        return {
          description,
          errorMessage: null,
          flow: 'tasks',
          onError: 'break',
          status: 'FINISHED',
          statusTimestamps: { PENDING: at, WAITING: at, FINISHED: at },
          uuid: taskIds.uuid(),
        };
      }),
    };
    const jobs = [installJob];
    if (i % 10 === 7) {
      // Newest first, as the API lists jobs.
      const at = iso(EPOCH, -1);
      const task = (description: string, status: string) => ({
        description,
        errorMessage: null,
        flow: 'tasks',
        onError: 'break',
        status,
        statusTimestamps: { PENDING: at, WAITING: at, [status]: at },
        uuid: taskIds.uuid(),
      });
      jobs.unshift({
        ...installJob,
        uuid: rng.uuid(),
        type: 'hardwareScan',
        status: 'ACTIVE',
        isRunning: true,
        createdAt: at,
        updatedAt: at,
        payload: { fileserverBaseUrl: '', isUnassignedServer: false, jobType: 'hardwareScan', pop: site, serverId: id, powerCycle: true },
        progress: { canceled: 0, expired: 0, failed: 0, finished: 1, inprogress: 1, pending: 2, percentage: 25, total: 4, waiting: 0 },
        tasks: [task('Power cycle', 'FINISHED'), task('Scan hardware', 'ACTIVE')],
      });
    }

    d.billables.push({
      productId: 'DEDICATED_SERVER',
      equipmentId: id,
      contractId,
      reference: server.contract.reference,
      pricePerMonth: Number(server.contract.pricePerFrequency),
      startDate: server.contract.startsAt!,
      description: `Dedicated server ${server.specs!.chassis} (${site})`,
    });
    d.dedicatedServers.servers.set(id, {
      server,
      jobs,
      credentials: [
        { type: 'OPERATING_SYSTEM', username: 'root', password: rng.hex(16) },
        { type: 'REMOTE_MANAGEMENT', username: 'admin', password: rng.hex(16) },
      ],
      bandwidthSettings: i % 3 === 0 ? [notification(d, 'WEEKLY', '1', 'Gbps')] : [],
      datatrafficSettings: i % 4 === 0 ? [notification(d, 'MONTHLY', '10', 'TB')] : [],
      ddos: { nulling: 'ENABLED', scrubbing: i % 2 === 0 ? 'ENABLED' : 'DISABLED' },
      power: { ipmi: i % 11 === 5 ? 'off' : 'on', pdu: 'on' },
      interfaces: { PUBLIC: 'OPEN', INTERNAL: 'OPEN', REMOTE_MANAGEMENT: 'OPEN' },
      // Reservations are for the public interface (the reference: "this will only show
      // reservations for the public network interface").
      leases:
        i % 7 === 2
          ? [
              {
                ip: publicIp,
                mac,
                gateway,
                netmask: '255.255.255.192',
                hostname: server.contract.reference!,
                site,
                bootfile: 'http://mirror.leaseweb.com/ipxe-files/ubuntu-22.04.ipxe',
                createdAt: iso(EPOCH, -3),
                updatedAt: iso(EPOCH, -3),
                lastClientRequest: { relayAgent: null, type: 'DHCP_REQUEST', userAgent: 'iPXE' },
              },
            ]
          : [],
    });
  }
}

export function notification(
  d: ServersDataset,
  frequency: NotificationSetting['frequency'],
  threshold: string,
  unit: string,
): NotificationSetting {
  return {
    id: String(d.dedicatedServers.nextNotificationSettingId++),
    frequency,
    threshold,
    unit,
    lastCheckedAt: null,
    thresholdExceededAt: null,
    actions: [{ type: 'EMAIL', lastTriggeredAt: null }],
  };
}

/** The server named by the `:serverId` path parameter, or a 404. */
export function findServer(req: ServersRequest): ServerRecord {
  const record = req.data.dedicatedServers.servers.get(req.params.serverId!);
  if (!record) throw notFound('server');
  return record;
}
