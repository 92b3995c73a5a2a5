import { describe, expect, it } from 'vitest';
import { controlPanels, controlPanelsFor, operatingSystems, rescueImages } from '../src/emulator/dedicated-servers/catalogues.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { serverHelpers } from './support/servers.js';
import { useStack } from './support/stack.js';
import { JOB_TYPE, cursor, money } from './support/values.js';

/**
 * Dedicated servers, read side: every GET of `dedicatedServers.*` through GraphQL over
 * HTTP, answers checked against the emulator's data set, upstream calls counted.
 * Writes are in dedicated-servers-operations.test.ts; the families a server shares with
 * Public Cloud instances (IPs, credentials, notification settings, metrics, power) are
 * tested in test/families/.
 */
const stack = useStack();
/** Which documented operations the GraphQL tests below reached upstream (the sample checks call the emulator directly and do not count). */
const reached = trackOperations(
  stack,
  (op) => op.product === 'dedicatedServers' && !op.family,
  (suite) => !suite.startsWith('sample conformance'),
);

const { records, record, ipsOf, sorted, byIdCalls } = serverHelpers(stack);

const SERVER_IDS = `query($filter: DedicatedServerFilter) {
  dedicatedServers(first: 100, filter: $filter) { totalCount nodes { leasewebId } }
}`;

describe('listing servers (dedicatedServers.listServers)', () => {
  it('lists every server of the account with its summary fields', async () => {
    const data = await stack().data(`{ dedicatedServers(first: 100) {
      totalCount nodes { id leasewebId assetId reference location { site rack } featureAvailability { automation privateNetwork }
        networkInterfaces { public { mac ip gateway ports { name port } } } powerPorts { name port } rack { type }
        privateNetworks { privateNetworkId linkSpeed status } contract { contractId customerId deliveryStatus } } } }`);
    const all = records();
    expect(data.dedicatedServers.totalCount).toBe(all.length);
    expect(data.dedicatedServers.nodes).toHaveLength(all.length);
    for (const node of data.dedicatedServers.nodes) {
      const { server } = stack().demo.dedicatedServers.servers.get(node.leasewebId)!;
      expect(node).toEqual({
        id: `gid://leaseweb/DedicatedServer/${server.id}`,
        leasewebId: server.id,
        assetId: server.assetId,
        reference: server.contract.reference,
        location: { site: server.location.site, rack: server.location.rack },
        featureAvailability: {
          automation: server.featureAvailability.automation,
          privateNetwork: server.featureAvailability.privateNetwork,
        },
        networkInterfaces: {
          public: {
            mac: server.networkInterfaces.public.mac,
            ip: server.networkInterfaces.public.ip,
            gateway: server.networkInterfaces.public.gateway,
            ports: server.networkInterfaces.public.ports,
          },
        },
        powerPorts: server.powerPorts,
        rack: { type: server.rack.type },
        privateNetworks: server.privateNetworks.map((p) => ({ privateNetworkId: p.id, linkSpeed: p.linkSpeed, status: p.status })),
        contract: {
          contractId: server.contract.id,
          customerId: server.contract.customerId,
          deliveryStatus: server.contract.deliveryStatus,
        },
      });
    }
    // Summary fields only: one list call, no GET /servers/{id}.
    expect(stack().calls()).toHaveLength(1);
  });

  const filterCases: Array<[string, () => { filter: Record<string, unknown>; param: [string, string]; expected: string[] }]> = [
    [
      'reference',
      () => {
        const { server } = record((r) => r.server.contract.reference !== null);
        const reference = server.contract.reference!;
        return {
          filter: { reference },
          param: ['reference', reference],
          expected: records()
            .filter((r) => r.server.contract.reference?.includes(reference))
            .map((r) => r.server.id),
        };
      },
    ],
    [
      'ip',
      () => {
        const r = record((x) => ipsOf(x.server.id).length > 3);
        const ip = ipsOf(r.server.id).find((x) => !x.primary && x.version === 4)!.ip;
        return { filter: { ip }, param: ['ip', ip], expected: [r.server.id] };
      },
    ],
    [
      'macAddress',
      () => {
        const { server } = record((r) => r.server.networkInterfaces.public.mac !== null);
        const mac = server.networkInterfaces.public.mac!.toLowerCase(); // the reference's example is lower case
        return {
          filter: { macAddress: mac },
          param: ['macAddress', mac],
          expected: records()
            .filter(
              (r) =>
                r.server.networkInterfaces.public.mac?.toLowerCase() === mac ||
                r.server.networkInterfaces.internal.mac?.toLowerCase() === mac,
            )
            .map((r) => r.server.id),
        };
      },
    ],
    [
      'site',
      () => {
        const site = records()[1]!.server.location.site;
        return {
          filter: { site },
          param: ['site', site],
          expected: records()
            .filter((r) => r.server.location.site === site)
            .map((r) => r.server.id),
        };
      },
    ],
    [
      'privateRackId',
      () => {
        const { server } = record((r) => r.server.rack.type === 'DEDICATED');
        const rackId = server.rack.id!;
        return {
          filter: { privateRackId: rackId },
          param: ['privateRackId', rackId],
          expected: records()
            .filter((r) => r.server.rack.type === 'DEDICATED' && r.server.rack.id === rackId)
            .map((r) => r.server.id),
        };
      },
    ],
    [
      'privateNetworkCapable',
      () => ({
        filter: { privateNetworkCapable: true },
        param: ['privateNetworkCapable', 'true'],
        expected: records()
          .filter((r) => r.server.isPrivateNetworkCapable)
          .map((r) => r.server.id),
      }),
    ],
    [
      'privateNetworkEnabled',
      () => ({
        filter: { privateNetworkEnabled: false },
        param: ['privateNetworkEnabled', 'false'],
        expected: records()
          .filter((r) => !r.server.isPrivateNetworkEnabled)
          .map((r) => r.server.id),
      }),
    ],
  ];
  for (const [name, build] of filterCases) {
    it(`filters by ${name}, sent upstream as the documented query parameter`, async () => {
      const { filter, param, expected } = build();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(records().length);
      const data = await stack().data(SERVER_IDS, { filter });
      expect(data.dedicatedServers.totalCount).toBe(expected.length);
      expect(sorted(data.dedicatedServers.nodes.map((n: any) => n.leasewebId))).toEqual(sorted(expected));
      const [call] = stack().calls({ path: '/bareMetals/v2/servers' });
      expect(new URLSearchParams(call!.search).get(param[0])).toBe(param[1]);
    });
  }

  it('combines filters', async () => {
    const capable = records().filter((r) => r.server.isPrivateNetworkCapable);
    const site = capable[0]!.server.location.site;
    const expected = capable.filter((r) => r.server.location.site === site).map((r) => r.server.id);
    const data = await stack().data(SERVER_IDS, { filter: { site, privateNetworkCapable: true } });
    expect(sorted(data.dedicatedServers.nodes.map((n: any) => n.leasewebId))).toEqual(sorted(expected));
  });

  it('pages with first/after over the filtered list', async () => {
    const site = records()[0]!.server.location.site;
    const expected = records()
      .filter((r) => r.server.location.site === site)
      .map((r) => r.server.id);
    const query = `query($after: String) { dedicatedServers(first: 4, after: $after, filter: { site: "${site}" }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { leasewebId } } }`;
    const first = (await stack().data(query)).dedicatedServers;
    const second = (await stack().data(query, { after: first.pageInfo.endCursor })).dedicatedServers;
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: cursor(3) });
    expect([...first.nodes, ...second.nodes].map((n: any) => n.leasewebId)).toEqual(expected.slice(0, 8));
    expect(new URLSearchParams(stack().calls()[1]!.search).get('offset')).toBe('4');
  });
});

describe('one server (dedicatedServers.getServer) and summary vs detail', () => {
  it('answers the detail of one server by Leaseweb id, and null for an unknown id', async () => {
    const { server } = record((r) => r.server.privateNetworks.length > 0);
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) {
      leasewebId serialNumber isPrivateNetworkCapable isPrivateNetworkEnabled
      contract { contractId sla contractTerm pricePerFrequency { amount currency } currency networkTraffic { type datatrafficLimit datatrafficUnit } }
      specs { brand chassis cpu { type quantity } ram { size unit } hdd { diskId size amount type } }
      rack { rackId type capacity } privateNetworks { privateNetworkId vlanId subnet dhcp } } }`,
      { id: server.id },
    );
    const s = data.dedicatedServer;
    expect(s.serialNumber).toBe(server.serialNumber);
    expect(s.isPrivateNetworkCapable).toBe(server.isPrivateNetworkCapable);
    expect(s.isPrivateNetworkEnabled).toBe(server.isPrivateNetworkEnabled);
    expect(s.contract).toEqual({
      contractId: server.contract.id,
      sla: server.contract.sla,
      contractTerm: server.contract.contractTerm,
      pricePerFrequency: money(server.contract.pricePerFrequency!, server.contract.currency!),
      currency: server.contract.currency,
      networkTraffic: {
        type: server.contract.networkTraffic!.type,
        datatrafficLimit: server.contract.networkTraffic!.datatrafficLimit,
        datatrafficUnit: server.contract.networkTraffic!.datatrafficUnit,
      },
    });
    expect(s.specs).toEqual({
      brand: server.specs!.brand,
      chassis: server.specs!.chassis,
      cpu: server.specs!.cpu,
      ram: server.specs!.ram,
      hdd: server.specs!.hdd.map((h) => ({ diskId: h.id, size: h.size, amount: h.amount, type: h.type })),
    });
    expect(s.rack).toEqual({ rackId: server.rack.id, type: server.rack.type, capacity: server.rack.capacity });
    expect(s.privateNetworks[0]).toEqual({
      privateNetworkId: server.privateNetworks[0]!.id,
      vlanId: server.privateNetworks[0]!.vlanId,
      subnet: server.privateNetworks[0]!.subnet,
      dhcp: server.privateNetworks[0]!.dhcp,
    });
    expect(byIdCalls()).toHaveLength(1);
    expect(stack().calls()).toHaveLength(1);

    const missing = await stack().data('{ dedicatedServer(id: "999999999") { leasewebId } }');
    expect(missing.dedicatedServer).toBeNull();
  });

  it('asks for the detail only when a field the list lacks is selected, once per server', async () => {
    const summary = await stack().data(
      '{ dedicatedServers(first: 5) { nodes { leasewebId reference contract { contractId reference } rack { type } } } }',
    );
    expect(summary.dedicatedServers.nodes).toHaveLength(5);
    expect(byIdCalls()).toHaveLength(0);

    stack().emulator.clearLog();
    const detail = await stack().data(
      '{ dedicatedServers(first: 5) { nodes { leasewebId serialNumber specs { chassis } contract { sla } rack { rackId } } } }',
    );
    for (const node of detail.dedicatedServers.nodes) {
      const { server } = stack().demo.dedicatedServers.servers.get(node.leasewebId)!;
      expect(node).toEqual({
        leasewebId: server.id,
        serialNumber: server.serialNumber,
        specs: { chassis: server.specs!.chassis },
        contract: { sla: server.contract.sla },
        rack: { rackId: server.rack.id },
      });
    }
    // Four detail-only fields per server, still one GET /servers/{id} per server.
    expect(sorted(byIdCalls().map((c) => c.path.split('/').pop()!))).toEqual(
      sorted(detail.dedicatedServers.nodes.map((n: any) => n.leasewebId)),
    );
  });
});

describe('network interfaces (dedicatedServers.listNetworkInterfaces, showNetworkInterface)', () => {
  it('lists the switch ports and shows one by type', async () => {
    const r = record();
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) {
      networkInterfaceStatuses { type status operStatus linkSpeed switchName switchInterface }
      rm: networkInterfaceStatus(networkType: REMOTE_MANAGEMENT) { type status } } }`,
      { id: r.server.id },
    );
    const statuses = data.dedicatedServer.networkInterfaceStatuses;
    expect(sorted(statuses.map((s: any) => s.type))).toEqual(sorted(Object.keys(r.interfaces)));
    for (const s of statuses)
      expect(s).toMatchObject({
        status: r.interfaces[s.type as keyof typeof r.interfaces],
        operStatus: r.interfaces[s.type as keyof typeof r.interfaces],
      });
    expect(data.dedicatedServer.rm).toEqual({ type: 'REMOTE_MANAGEMENT', status: r.interfaces.REMOTE_MANAGEMENT });
    expect(stack().calls({ path: `/servers/${r.server.id}/networkInterfaces/remoteManagement` })).toHaveLength(1);
  });
});

describe('hardware', () => {
  it('shows the last hardware scan (dedicatedServers.showHardwareInformation)', async () => {
    const { server } = record();
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) { hardwareInformation { scanId parserVersion scannedAt result } } }`,
      { id: server.id },
    );
    const hw = data.dedicatedServer.hardwareInformation;
    expect(hw.scanId).toMatch(/^\d+$/);
    expect(hw.result.chassis.serial).toBe(server.serialNumber);
    expect(hw.result.cpu).toHaveLength(server.specs!.cpu.quantity);
    expect(hw.result.disks).toHaveLength(server.specs!.hdd.reduce((n, h) => n + h.amount, 0));
  });
});

describe('jobs and DHCP (reads)', () => {
  it('lists jobs newest first, filters them, and shows one with its tasks and operating system', async () => {
    const r = record((x) => x.jobs.length > 1);
    const install = r.jobs.find((j) => j.type === 'install')!;
    const os = operatingSystems.find((o) => o.id === install.payload.operatingSystemId)!;
    const data = await stack().data(
      `query($id: ID!, $job: String!) { dedicatedServer(id: $id) {
      all: jobs { totalCount nodes { leasewebId type status isRunning serverId progress { percentage total } } }
      running: jobs(filter: { isRunning: true }) { nodes { leasewebId } }
      installs: jobs(filter: { type: INSTALL, status: FINISHED }) { nodes { leasewebId operatingSystem { leasewebId name family version } } }
      job(id: $job) { id leasewebId type payload server { leasewebId } tasks { taskId status } operatingSystem { name architecture } }
      unknown: job(id: "00000000-0000-4000-8000-000000000000") { leasewebId } } }`,
      { id: r.server.id, job: install.uuid },
    );
    const s = data.dedicatedServer;
    expect(s.all.totalCount).toBe(r.jobs.length);
    expect(s.all.nodes).toEqual(
      r.jobs.map((j) => ({
        leasewebId: j.uuid,
        type: JOB_TYPE[j.type],
        status: j.status,
        isRunning: j.isRunning,
        serverId: r.server.id,
        progress: { percentage: j.progress.percentage, total: j.progress.total },
      })),
    );
    expect(s.running.nodes.map((j: any) => j.leasewebId)).toEqual(r.jobs.filter((j) => j.isRunning).map((j) => j.uuid));
    expect(s.installs.nodes).toEqual([
      { leasewebId: install.uuid, operatingSystem: { leasewebId: os.id, name: os.name, family: os.family, version: os.version } },
    ]);
    expect(s.job).toMatchObject({
      id: `gid://leaseweb/DedicatedServerJob/${r.server.id}/${install.uuid}`,
      leasewebId: install.uuid,
      type: 'INSTALL',
      server: { leasewebId: r.server.id },
      operatingSystem: { name: os.name, architecture: os.architecture },
    });
    expect(s.job.payload.operatingSystemId).toBe(os.id);
    expect(s.job.tasks).toEqual((install.tasks ?? []).map((t) => ({ taskId: t.uuid, status: t.status })));
    expect(s.unknown).toBeNull();
    const filtered = stack()
      .calls({ path: /\/jobs$/ })
      .map((c) => Object.fromEntries(new URLSearchParams(c.search)));
    expect(filtered).toContainEqual(expect.objectContaining({ isRunning: 'true' }));
    expect(filtered).toContainEqual(expect.objectContaining({ type: 'install', status: 'FINISHED' }));
  });

  it('resolves the tasks of a listed job from the job detail (the list leaves them out)', async () => {
    const r = record((x) => (x.jobs[0]!.tasks ?? []).length > 0);
    const job = r.jobs[0]!;
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) { jobs(first: 1) { nodes { leasewebId tasks { taskId description status } } } } }`,
      { id: r.server.id },
    );
    expect(data.dedicatedServer.jobs.nodes[0]).toEqual({
      leasewebId: job.uuid,
      tasks: job.tasks!.map((t) => ({ taskId: t.uuid, description: t.description, status: t.status })),
    });
    expect(stack().calls({ path: `/jobs/${job.uuid}` })).toHaveLength(1);
  });

  it('lists DHCP reservations (dedicatedServers.listDhcpReservations)', async () => {
    const r = record();
    const data = await stack().data(`query($id: ID!) { dedicatedServer(id: $id) { dhcpReservations { ip mac } } }`, { id: r.server.id });
    expect(data.dedicatedServer.dhcpReservations).toEqual(r.leases.map((l) => ({ ip: l.ip, mac: l.mac })));
    expect(stack().calls({ path: `/servers/${r.server.id}/leases` })).toHaveLength(1);
  });
});

describe('catalogues', () => {
  it('lists operating systems, all and by control panel (dedicatedServers.listOperatingSystems)', async () => {
    const panel = controlPanels.find((c) => c.id.startsWith('CPANEL'))!;
    const data = await stack().data(
      `query($cp: String) {
      all: dedicatedServerOperatingSystems(first: 100) { totalCount nodes { id leasewebId name } }
      forPanel: dedicatedServerOperatingSystems(first: 100, controlPanelId: $cp) { totalCount nodes { leasewebId } } }`,
      { cp: panel.id },
    );
    expect(data.all.totalCount).toBe(operatingSystems.length);
    expect(data.all.nodes).toEqual(
      operatingSystems.map((o) => ({ id: `gid://leaseweb/OperatingSystem/${o.id}`, leasewebId: o.id, name: o.name })),
    );
    const expected = operatingSystems.filter((o) => controlPanelsFor(o.id).some((c) => c.id === panel.id)).map((o) => o.id);
    expect(expected.length).toBeLessThan(operatingSystems.length);
    expect(data.forPanel.nodes.map((o: any) => o.leasewebId)).toEqual(expected);
    expect(
      stack()
        .calls({ path: '/operatingSystems' })
        .map((c) => new URLSearchParams(c.search).get('controlPanelId')),
    ).toContain(panel.id);
  });

  it('shows one operating system with its install defaults, given a control panel (dedicatedServers.showOperatingSystem)', async () => {
    const os = operatingSystems.find((o) => o.type === 'linux')!;
    const panel = controlPanelsFor(os.id)[0]!;
    const data = await stack().data(
      `query($id: String!, $cp: String!) { dedicatedServerOperatingSystem(id: $id, controlPanelId: $cp) {
      leasewebId name family version architecture configurable features supportedFileSystems
      defaults { device partitions { filesystem mountpoint size } } controlPanels(first: 100) { nodes { controlPanelId } } } }`,
      { id: os.id, cp: panel.id },
    );
    expect(data.dedicatedServerOperatingSystem).toEqual({
      leasewebId: os.id,
      name: os.name,
      family: os.family,
      version: os.version,
      architecture: os.architecture,
      configurable: os.configurable,
      features: os.features,
      supportedFileSystems: os.supportedFileSystems,
      defaults: {
        device: os.defaults!.device,
        partitions: os.defaults!.partitions.map((p) => ({
          filesystem: p.filesystem,
          mountpoint: p.mountpoint ?? null,
          size: String(p.size),
        })),
      },
      controlPanels: { nodes: controlPanelsFor(os.id).map((c) => ({ controlPanelId: c.id })) },
    });
    expect(new URLSearchParams(stack().calls({ path: `/operatingSystems/${os.id}` })[0]!.search).get('controlPanelId')).toBe(panel.id);
    const unknown = await stack().data('{ dedicatedServerOperatingSystem(id: "NO_SUCH_OS", controlPanelId: "VESTA") { name } }');
    expect(unknown.dedicatedServerOperatingSystem).toBeNull();
  });

  it('fills the detail fields of listed operating systems only when a control panel is given', async () => {
    const panel = controlPanels.find((c) => c.id === 'VESTA')!;
    const data = await stack().data(
      `query($cp: String) {
      plain: dedicatedServerOperatingSystems(first: 2) { nodes { leasewebId family } }
      withPanel: dedicatedServerOperatingSystems(first: 2, controlPanelId: $cp) { nodes { leasewebId family supportedBootDevices } } }`,
      { cp: panel.id },
    );
    for (const node of data.plain.nodes) expect(node.family).toBeNull();
    for (const node of data.withPanel.nodes) {
      const os = operatingSystems.find((o) => o.id === node.leasewebId)!;
      expect(node).toEqual({ leasewebId: os.id, family: os.family, supportedBootDevices: os.supportedBootDevices });
    }
    // One detail call per listed OS, shared by both detail fields.
    expect(stack().calls({ path: /^\/bareMetals\/v2\/operatingSystems\/[^/]+$/ })).toHaveLength(data.withPanel.nodes.length);
  });

  it('lists control panels, all and by operating system, and rescue images', async () => {
    const os = operatingSystems.find((o) => o.family === 'windows')!;
    const data = await stack().data(
      `query($os: String) {
      all: dedicatedServerControlPanels(first: 100) { totalCount nodes { controlPanelId name } }
      forOs: dedicatedServerControlPanels(first: 100, operatingSystemId: $os) { totalCount nodes { controlPanelId } }
      rescue: dedicatedServerRescueImages { totalCount nodes { rescueImageId name } } }`,
      { os: os.id },
    );
    expect(data.all).toEqual({
      totalCount: controlPanels.length,
      nodes: controlPanels.map((c) => ({ controlPanelId: c.id, name: c.name })),
    });
    expect(data.forOs.nodes).toEqual(controlPanelsFor(os.id).map((c) => ({ controlPanelId: c.id })));
    expect(data.forOs.totalCount).toBeLessThan(controlPanels.length);
    expect(data.rescue).toEqual({
      totalCount: rescueImages.length,
      nodes: rescueImages.map((r) => ({ rescueImageId: r.id, name: r.name })),
    });
    expect(stack().calls({ path: `/operatingSystems/${os.id}/controlPanels` })).toHaveLength(1);
    expect(stack().calls({ path: '/rescueImages' })).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('reached every GET of dedicatedServers.* of the reference through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    // 27 as endpoints.md counts them; the 14 of the families are counted in test/families/.
    expect(reached.count((op) => op.method === 'GET')).toBe(13);
    expect(reached.missing((op) => op.method === 'GET')).toEqual([]);
  });
});

describeIf(samplesAvailable)('sample conformance: dedicatedServers GETs answer the documented shape', () => {
  const B = '/bareMetals/v2';
  const cases: Array<[string, () => string]> = [
    ['listServers', () => `${B}/servers`],
    ['getServer', () => `${B}/servers/${record().server.id}`],
    ['listServerIps', () => `${B}/servers/${record().server.id}/ips`],
    ['showServerIp', () => `${B}/servers/${record().server.id}/ips/${ipsOf(record().server.id)[0]!.ip}`],
    [
      'showServerNullRouteHistory',
      () =>
        `${B}/servers/${record((r) => stack().demo.ipManagement.nullRoutes.some((n) => n.equipmentId === r.server.id)).server.id}/nullRouteHistory`,
    ],
    ['listNetworkInterfaces', () => `${B}/servers/${record().server.id}/networkInterfaces`],
    ['showNetworkInterface', () => `${B}/servers/${record().server.id}/networkInterfaces/public`],
    ['inspectDdosNotificationSettings', () => `${B}/servers/${record().server.id}/notificationSettings/ddos`],
    [
      'showBandwidthMetrics',
      () =>
        `${B}/servers/${record().server.id}/metrics/bandwidth?from=2026-01-01T00:00:00Z&to=2026-01-01T02:00:00Z&granularity=HOUR&aggregation=AVG`,
    ],
    [
      'showDatatrafficMetrics',
      () =>
        `${B}/servers/${record().server.id}/metrics/datatraffic?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z&granularity=DAY&aggregation=SUM`,
    ],
    [
      'listBandwidthNotificationSettings',
      () => `${B}/servers/${record((r) => r.bandwidthSettings.length > 0).server.id}/notificationSettings/bandwidth`,
    ],
    [
      'showBandwidthNotificationSetting',
      () => {
        const r = record((x) => x.bandwidthSettings.length > 0);
        return `${B}/servers/${r.server.id}/notificationSettings/bandwidth/${r.bandwidthSettings[0]!.id}`;
      },
    ],
    [
      'listDataTrafficNotificationSettings',
      () => `${B}/servers/${record((r) => r.datatrafficSettings.length > 0).server.id}/notificationSettings/datatraffic`,
    ],
    [
      'showDataTrafficNotificationSetting',
      () => {
        const r = record((x) => x.datatrafficSettings.length > 0);
        return `${B}/servers/${r.server.id}/notificationSettings/datatraffic/${r.datatrafficSettings[0]!.id}`;
      },
    ],
    ['showHardwareInformation', () => `${B}/servers/${record().server.id}/hardwareInfo`],
    ['listControlPanels', () => `${B}/controlPanels`],
    ['listOperatingSystems', () => `${B}/operatingSystems`],
    ['showOperatingSystem', () => `${B}/operatingSystems/UBUNTU_22_04_64BIT?controlPanelId=VESTA`],
    ['listControlPanelsByOperatingSystem', () => `${B}/operatingSystems/UBUNTU_22_04_64BIT/controlPanels`],
    ['listRescueImages', () => `${B}/rescueImages`],
    ['listServerCredentials', () => `${B}/servers/${record().server.id}/credentials`],
    ['listServerCredentialsByType', () => `${B}/servers/${record().server.id}/credentials/OPERATING_SYSTEM`],
    ['showServerCredential', () => `${B}/servers/${record().server.id}/credentials/OPERATING_SYSTEM/root`],
    ['listServerJobs', () => `${B}/servers/${record().server.id}/jobs`],
    ['showServerJob', () => `${B}/servers/${record().server.id}/jobs/${record().jobs[0]!.uuid}`],
    ['listDhcpReservations', () => `${B}/servers/${record((r) => r.leases.length > 0).server.id}/leases`],
    ['showServerPowerStatus', () => `${B}/servers/${record().server.id}/powerInfo`],
  ];
  for (const [op, path] of cases) {
    it(`dedicatedServers.${op}`, async () => {
      const { status, body } = await emulatorGet(stack().emulator, path());
      expect(status).toBe(200);
      // A job's `metadata` is a free-form map; the sample's BATCH_ID is one example key.
      const differences = shapeDifferences(body, sample(`dedicatedServers.${op}`)).filter((d) => !d.startsWith('$.metadata.'));
      expect(differences).toEqual([]);
    });
  }
});
