import type { Server } from '../../datasources/types/dedicated-servers.js';
import {
  badRequest,
  boolParam,
  listParam,
  noContent,
  notFound,
  ok,
  paginate,
  requireParam,
  validateBody,
  updateContractReference,
} from '../http.js';
import type { Route } from '../types.js';
import type { ServersDataset, ServersRequest as EmulatorRequest } from './data.js';
import { findServer, type ServerRecord } from './data.js';
import { controlPanels, controlPanelsFor, operatingSystems, rescueImages } from './catalogues.js';
import { serverFamilyRoutes } from './families.js';
import { operationRoutes } from './routes-operations.js';

const BASE = '/bareMetals/v2';

/**
 * The list endpoint returns a summary; GET /servers/{id} returns all of it. As in the
 * listServers sample, the summary's private networks leave out `dhcp` and its interfaces
 * `locationId`.
 */
function summary(s: Server): Partial<Server> {
  const iface = ({ locationId: _, ...rest }: Server['networkInterfaces']['public']) => rest;
  return {
    id: s.id,
    assetId: s.assetId,
    contract: {
      id: s.contract.id,
      customerId: s.contract.customerId,
      salesOrgId: s.contract.salesOrgId,
      deliveryStatus: s.contract.deliveryStatus,
      reference: s.contract.reference,
    },
    featureAvailability: s.featureAvailability,
    location: s.location,
    networkInterfaces: {
      public: iface(s.networkInterfaces.public),
      internal: iface(s.networkInterfaces.internal),
      remoteManagement: iface(s.networkInterfaces.remoteManagement),
    },
    powerPorts: s.powerPorts,
    privateNetworks: s.privateNetworks.map(({ dhcp: _, ...rest }) => rest),
    rack: { type: s.rack.type },
  };
}

/** Port speeds in Mbps, as the reference lists them for `linkSpeed`. */
const LINK_SPEEDS = [100, 1000, 10_000, 25_000, 40_000, 100_000];

const NETWORK_TYPES = { public: 'PUBLIC', internal: 'INTERNAL', remoteManagement: 'REMOTE_MANAGEMENT' } as const;

function networkType(req: EmulatorRequest) {
  const type = NETWORK_TYPES[req.params.networkTypeURL as keyof typeof NETWORK_TYPES];
  if (!type) throw badRequest({ networkTypeURL: ['The value should be one of: public, internal, remoteManagement.'] });
  return type;
}

function setAllInterfaces(req: EmulatorRequest, status: 'OPEN' | 'CLOSED') {
  const record = findServer(req);
  for (const type of Object.values(NETWORK_TYPES)) record.interfaces[type] = status;
  return noContent();
}

function setInterface(req: EmulatorRequest, status: 'OPEN' | 'CLOSED') {
  const record = findServer(req);
  record.interfaces[networkType(req)] = status;
  return noContent();
}

function listServers(req: EmulatorRequest) {
  const reference = req.query.get('reference');
  const ip = req.query.get('ip');
  // The reference accepts `aa:bb:…` and `aa-bb-…`, in either case.
  const mac = req.query.get('macAddress')?.toUpperCase().replace(/-/g, ':');
  const site = req.query.get('site');
  const rackId = req.query.get('privateRackId');
  const capable = boolParam(req, 'privateNetworkCapable');
  const enabled = boolParam(req, 'privateNetworkEnabled');
  const servers = [...req.data.dedicatedServers.servers.values()]
    .map((r) => r.server)
    .filter((s) => !reference || (s.contract.reference ?? '').includes(reference))
    .filter((s) => !ip || (req.data.ipManagement.byEquipment.get(s.id) ?? []).some((r) => r.ip === ip.split('/')[0]))
    .filter((s) => !mac || s.networkInterfaces.public.mac === mac || s.networkInterfaces.internal.mac === mac)
    .filter((s) => !site || s.location.site === site)
    .filter((s) => !rackId || (s.rack.type === 'DEDICATED' && s.rack.id === rackId))
    .filter((s) => capable === undefined || s.isPrivateNetworkCapable === capable)
    .filter((s) => enabled === undefined || s.isPrivateNetworkEnabled === enabled);
  return paginate(req, servers, 'servers', { project: summary });
}

function getServer(req: EmulatorRequest) {
  return ok(findServer(req).server);
}

function updateServer(req: EmulatorRequest) {
  return updateContractReference(req, findServer(req).server.contract);
}

function addServerToPrivateNetwork(req: EmulatorRequest) {
  const { server } = findServer(req);
  const body = validateBody<{ linkSpeed: number }>(req, { linkSpeed: 'number' }, ['linkSpeed']);
  if (!LINK_SPEEDS.includes(body.linkSpeed)) throw badRequest({ linkSpeed: [`The value should be one of: ${LINK_SPEEDS.join(', ')}.`] });
  if (!server.isPrivateNetworkCapable) throw badRequest({ serverId: ['This server is not private network capable.'] });
  server.privateNetworks = server.privateNetworks.filter((p) => p.id !== req.params.privateNetworkId);
  server.privateNetworks.push({
    id: req.params.privateNetworkId!,
    linkSpeed: body.linkSpeed,
    status: 'CONFIGURING',
    dhcp: 'DISABLED',
    subnet: '10.32.0.0/24',
    vlanId: '2120',
  });
  server.isPrivateNetworkEnabled = true;
  return noContent();
}

function removeServerFromPrivateNetwork(req: EmulatorRequest) {
  const { server } = findServer(req);
  const before = server.privateNetworks.length;
  server.privateNetworks = server.privateNetworks.filter((p) => p.id !== req.params.privateNetworkId);
  if (server.privateNetworks.length === before) throw notFound('private network');
  server.isPrivateNetworkEnabled = server.privateNetworks.length > 0;
  return noContent();
}

function listNetworkInterfaces(req: EmulatorRequest) {
  const record = findServer(req);
  const all = (Object.keys(NETWORK_TYPES) as Array<keyof typeof NETWORK_TYPES>).map((k) => interfaceStatus(record, NETWORK_TYPES[k]));
  return ok({ _metadata: { limit: all.length, offset: 0, totalCount: all.length }, networkInterfaces: all });
}

function showNetworkInterface(req: EmulatorRequest) {
  return ok(interfaceStatus(findServer(req), networkType(req)));
}

function openAllNetworkInterfaces(req: EmulatorRequest) {
  return setAllInterfaces(req, 'OPEN');
}

function closeAllNetworkInterfaces(req: EmulatorRequest) {
  return setAllInterfaces(req, 'CLOSED');
}

function openNetworkInterface(req: EmulatorRequest) {
  return setInterface(req, 'OPEN');
}

function closeNetworkInterface(req: EmulatorRequest) {
  return setInterface(req, 'CLOSED');
}

function showHardwareInformation(req: EmulatorRequest) {
  return ok(hardwareInfo(findServer(req).server));
}

// Catalogues.
function listControlPanels(req: EmulatorRequest) {
  return paginate(req, controlPanels, 'controlPanels', { defaultLimit: 100 });
}

function listOperatingSystems(req: EmulatorRequest) {
  const panel = req.query.get('controlPanelId');
  const list = operatingSystems
    .filter((o) => !panel || controlPanelsFor(o.id).some((c) => c.id === panel))
    .map((o) => ({ id: o.id, name: o.name }));
  return paginate(req, list, 'operatingSystems', { defaultLimit: 100 });
}

function showOperatingSystem(req: EmulatorRequest) {
  requireParam(req, 'controlPanelId');
  const os = operatingSystems.find((o) => o.id === req.params.operatingSystemId);
  if (!os) throw notFound('operating system');
  return ok(os);
}

function listControlPanelsByOperatingSystem(req: EmulatorRequest) {
  if (!operatingSystems.some((o) => o.id === req.params.operatingSystemId)) throw notFound('operating system');
  return paginate(req, controlPanelsFor(req.params.operatingSystemId!), 'controlPanels', { defaultLimit: 100 });
}

function listRescueImages(req: EmulatorRequest) {
  return paginate(req, rescueImages, 'rescueImages', { defaultLimit: 100 });
}

export const routes: Array<Route<ServersDataset>> = [
  { id: 'dedicatedServers.listServers', method: 'GET', path: `${BASE}/servers`, handler: listServers },
  { id: 'dedicatedServers.getServer', method: 'GET', path: `${BASE}/servers/{serverId}`, handler: getServer },
  { id: 'dedicatedServers.updateServer', method: 'PUT', path: `${BASE}/servers/{serverId}`, handler: updateServer },
  {
    id: 'dedicatedServers.addServerToPrivateNetwork',
    method: 'PUT',
    path: `${BASE}/servers/{serverId}/privateNetworks/{privateNetworkId}`,
    handler: addServerToPrivateNetwork,
  },
  {
    id: 'dedicatedServers.removeServerFromPrivateNetwork',
    method: 'DELETE',
    path: `${BASE}/servers/{serverId}/privateNetworks/{privateNetworkId}`,
    handler: removeServerFromPrivateNetwork,
  },
  {
    id: 'dedicatedServers.listNetworkInterfaces',
    method: 'GET',
    path: `${BASE}/servers/{serverId}/networkInterfaces`,
    handler: listNetworkInterfaces,
  },
  {
    id: 'dedicatedServers.showNetworkInterface',
    method: 'GET',
    path: `${BASE}/servers/{serverId}/networkInterfaces/{networkTypeURL}`,
    handler: showNetworkInterface,
  },
  {
    id: 'dedicatedServers.openAllNetworkInterfaces',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/networkInterfaces/open`,
    handler: openAllNetworkInterfaces,
  },
  {
    id: 'dedicatedServers.closeAllNetworkInterfaces',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/networkInterfaces/close`,
    handler: closeAllNetworkInterfaces,
  },
  {
    id: 'dedicatedServers.openNetworkInterface',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/networkInterfaces/{networkTypeURL}/open`,
    handler: openNetworkInterface,
  },
  {
    id: 'dedicatedServers.closeNetworkInterface',
    method: 'POST',
    path: `${BASE}/servers/{serverId}/networkInterfaces/{networkTypeURL}/close`,
    handler: closeNetworkInterface,
  },
  {
    id: 'dedicatedServers.showHardwareInformation',
    method: 'GET',
    path: `${BASE}/servers/{serverId}/hardwareInfo`,
    handler: showHardwareInformation,
  },
  { id: 'dedicatedServers.listControlPanels', method: 'GET', path: `${BASE}/controlPanels`, handler: listControlPanels },
  { id: 'dedicatedServers.listOperatingSystems', method: 'GET', path: `${BASE}/operatingSystems`, handler: listOperatingSystems },
  {
    id: 'dedicatedServers.showOperatingSystem',
    method: 'GET',
    path: `${BASE}/operatingSystems/{operatingSystemId}`,
    handler: showOperatingSystem,
  },
  {
    id: 'dedicatedServers.listControlPanelsByOperatingSystem',
    method: 'GET',
    path: `${BASE}/operatingSystems/{operatingSystemId}/controlPanels`,
    handler: listControlPanelsByOperatingSystem,
  },
  { id: 'dedicatedServers.listRescueImages', method: 'GET', path: `${BASE}/rescueImages`, handler: listRescueImages },
  ...operationRoutes,
  ...serverFamilyRoutes,
];

/** The last hardware scan, in the documented layout (lshw/smartctl/ipmitool output), from the specs. */
function hardwareInfo(server: Server) {
  const specs = server.specs!;
  const rm = server.networkInterfaces.remoteManagement;
  const intel = !specs.cpu.type.startsWith('AMD');
  return {
    id: String(2_378_000 + (Number(server.assetId) % 1000)),
    parserVersion: '3.6',
    scannedAt: '2025-12-01T10:00:00Z',
    serverId: server.id,
    result: {
      chassis: {
        description: 'Rack Mount Chassis',
        firmware: { date: '07/01/2023', description: 'BIOS', vendor: specs.brand, version: '2.14.1' },
        motherboard: { product: specs.chassis, serial: '', vendor: specs.brand },
        product: specs.chassis,
        serial: server.serialNumber,
        vendor: specs.brand,
      },
      cpu: Array.from({ length: specs.cpu.quantity }, (_, i) => ({
        capabilities: { cpufreq: 'CPU Frequency scaling', ht: 'HyperThreading', vmx: intel, 'x86-64': '64bits extensions (x86-64)' },
        description: specs.cpu.type,
        hz: '2800000000',
        serial_number: '',
        settings: { cores: '8', enabledcores: '8', threads: '16' },
        slot: `Proc ${i + 1}`,
        vendor: intel ? 'Intel Corp.' : 'Advanced Micro Devices [AMD]',
      })),
      disks: specs.hdd.flatMap((h) =>
        Array.from({ length: h.amount }, (_, i) => ({
          description: `${h.type} Disk`,
          id: `disk:${i}`,
          product: h.id,
          serial_number: `S${server.assetId}${i}`,
          size: String(h.size * 1e9),
          smartctl: {
            ata_version: 'ACS-3 T13/2161-D revision 5',
            attributes: {
              Power_On_Hours: {
                flag: '0x0032',
                id: '  9',
                raw_value: '8760',
                thresh: '000',
                type: 'Old_age',
                updated: 'Always',
                value: 99,
                when_failed: '-',
                worst: 99,
              },
              Reallocated_Sector_Ct: {
                flag: '0x0033',
                id: '  5',
                raw_value: '0',
                thresh: '010',
                type: 'Pre-fail',
                updated: 'Always',
                value: '100',
                when_failed: '-',
                worst: '100',
              },
            },
            device_model: h.id,
            execution_status: '0',
            firmware_version: '1.0',
            is_sas: false,
            overall_health: 'PASSED',
            rpm: h.type === 'SSD' ? 'Solid State Device' : '7200 rpm',
            sata_version: 'SATA 3.2, 6.0 Gb/s (current: 6.0 Gb/s)',
            sector_size: '512 bytes logical, 4096 bytes physical',
            serial_number: `S${server.assetId}${i}`,
            smart_error_log: 'No Errors Logged',
            smart_support: { available: true, enabled: true },
            smartctl_version: '7.2',
            user_capacity: `${h.size} ${h.unit}`,
          },
          vendor: specs.brand,
        })),
      ),
      ipmi: {
        defgateway: rm.gateway,
        firmware: '2.80',
        ipaddress: rm.ip?.split('/')[0] ?? null,
        ipsource: 'DHCP Address',
        macaddress: rm.mac?.toLowerCase() ?? null,
        subnetmask: '255.255.255.224',
        vendor: specs.brand,
      },
      memory: Array.from({ length: Math.max(1, specs.ram.size / 32) }, (_, i) => ({
        clock_hz: '3200000000',
        description: 'DIMM DDR4 Synchronous Registered (Buffered) 3200 MHz (0.3 ns)',
        id: `memory/bank:${i}`,
        serial_number: `M${server.assetId}${i}`,
        size_bytes: String(Math.min(32, specs.ram.size) * 1024 ** 3),
      })),
      network: [
        {
          capabilities: {
            autonegotiation: 'Auto-negotiation',
            bus_master: 'bus mastering',
            cap_list: 'PCI capabilities listing',
            ethernet: '',
            link_speeds: {
              '10000bt-fd': '10Gbit/s (full duplex)',
              '1000bt-fd': '1Gbit/s (full duplex)',
              '100bt': '100Mbit/s',
              '100bt-fd': '100Mbit/s (full duplex)',
              '10bt': '10Mbit/s',
              '10bt-fd': '10Mbit/s (full duplex)',
            },
            msi: 'Message Signalled Interrupts',
            msix: 'MSI-X',
            pciexpress: 'PCI Express',
            physical: 'Physical interface',
            pm: 'Power Management',
            tp: 'twisted pair',
          },
          lldp: {
            chassis: {
              description: 'Juniper Networks, Inc. ex3300-48t Ethernet Switch',
              mac_address: '4c:16:fc:3a:84:c0',
              name: server.networkInterfaces.public.ports[0]?.name ?? '',
            },
            port: {
              auto_negotiation: { enabled: 'yes', supported: 'yes' },
              description: `ge-${server.networkInterfaces.public.ports[0]?.port ?? '0/0/0'}.0`,
            },
            vlan: { id: '0', label: 'VLAN', name: 'default' },
          },
          logical_name: 'eth0',
          mac_address: server.networkInterfaces.public.mac?.toLowerCase() ?? null,
          product: 'Ethernet Controller X710 for 10GbE SFP+',
          settings: {
            autonegotiation: 'on',
            broadcast: 'yes',
            driver: 'i40e',
            driverversion: '2.20',
            duplex: 'full',
            firmware: '8.30',
            ip: server.networkInterfaces.public.ip?.split('/')[0] ?? null,
            latency: '0',
            link: 'yes',
            multicast: 'yes',
            port: 'fibre',
            speed: '10Gbit/s',
          },
          vendor: 'Intel Corporation',
        },
      ],
    },
  };
}

function interfaceStatus(record: ServerRecord, type: 'PUBLIC' | 'INTERNAL' | 'REMOTE_MANAGEMENT') {
  const open = record.interfaces[type];
  const n = Number(record.server.assetId) % 48;
  return {
    linkSpeed: type === 'PUBLIC' ? '10Gbps' : '1Gbps',
    operStatus: open,
    status: open,
    switchInterface: String(n),
    switchName: `${record.server.location.site}-SW-${n % 9}`,
    type,
  };
}
