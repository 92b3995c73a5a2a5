import { describe, expect, it } from 'vitest';
import { startStack, useStack } from './support/stack.js';

// The graph as a whole: global ids of every type, how many upstream calls cross-product
// walks cost, and the per-request limit on parallel upstream calls.
const stack = useStack();

const servers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);

describe('node(id:) for every type', () => {
  it('resolves a global id of each Node type back to the same object', async () => {
    const sdl = await stack().data('{ __type(name: "Node") { possibleTypes { name } } }');
    const types: string[] = sdl.__type.possibleTypes.map((t: { name: string }) => t.name).sort();
    // One object of each type, found through the graph itself (ids are never built by hand).
    const found = await stack().data(`{
      dedicatedServers(first: 1) { nodes { id jobs(first: 1) { nodes { id operatingSystem { id } } } ips(first: 1) { nodes { id nullRouteHistory(first: 1) { nodes { id } } } } } }
      nullRoutes(first: 1) { nodes { id } }
      publicCloudInstances(first: 1) { nodes { id image { id } snapshots(first: 1) { nodes { id } } } }
      domains(first: 1) { nodes { id recordSets(first: 1) { nodes { id } } } }
      services(first: 1) { nodes { id } }
      invoices(first: 1) { nodes { id } }
      vpsList(first: 1) { nodes { id } }
      publicCloudLoadBalancers(first: 1) { nodes { id listeners(first: 1) { nodes { id } } } }
      publicCloudTargetGroups(first: 1) { nodes { id } }
      publicCloudAutoScalingGroups(first: 1) { nodes { id } }
      openVpnProfiles(first: 1) { nodes { id } }
    }`);
    // The objects the families and writes hang off servers: the first of each among ten.
    const owned = await stack().data(`{ dedicatedServers(first: 10) { nodes {
      dhcpReservations { id }
      credentials(first: 1) { nodes { id } }
      notificationSettings(kind: BANDWIDTH, first: 1) { nodes { id } }
      ddosNotificationSettings { id }
      ips(filter: { version: 6 }) { nodes { reverseLookupRecords(first: 1) { nodes { id } } } }
    } }
      dedicatedServerControlPanels(first: 1) { nodes { id } }
      dedicatedServerRescueImages(first: 1) { nodes { id } }
      publicCloudRegions(first: 1) { nodes { id } }
      publicCloudIsos(first: 1) { nodes { id } }
      publicCloudMarketApps(first: 1) { nodes { id } }
    }`);
    const first = (pick: (s: any) => Array<{ id: string }> | null | undefined) =>
      owned.dedicatedServers.nodes.flatMap((s: any) => pick(s) ?? [])[0]?.id;
    const server = found.dedicatedServers.nodes[0];
    const instance = found.publicCloudInstances.nodes.find(Boolean);
    const domain = found.domains.nodes[0];
    const ids: Record<string, string | undefined> = {
      DedicatedServer: server.id,
      DedicatedServerJob: server.jobs.nodes[0]?.id,
      OperatingSystem: server.jobs.nodes[0]?.operatingSystem?.id,
      Ip: server.ips.nodes[0]?.id,
      NullRoute: found.nullRoutes.nodes[0]?.id,
      PublicCloudInstance: instance?.id,
      PublicCloudImage: instance?.image?.id,
      Snapshot: found.publicCloudInstances.nodes.flatMap((i: any) => i.snapshots?.nodes ?? [])[0]?.id,
      Domain: domain.id,
      DnsRecordSet: domain.recordSets.nodes[0]?.id,
      Service: found.services.nodes[0]?.id,
      Invoice: found.invoices.nodes[0]?.id,
      Credential: first((s) => s.credentials?.nodes),
      NotificationSetting: first((s) => s.notificationSettings?.nodes),
      DdosNotificationSettings: first((s) => [s.ddosNotificationSettings].filter(Boolean)),
      DhcpReservation: first((s) => s.dhcpReservations),
      ReverseLookupRecord: first((s) => s.ips?.nodes.flatMap((ip: any) => ip.reverseLookupRecords?.nodes ?? [])),
      ControlPanel: owned.dedicatedServerControlPanels.nodes[0]?.id,
      RescueImage: owned.dedicatedServerRescueImages.nodes[0]?.id,
      PublicCloudRegion: owned.publicCloudRegions.nodes[0]?.id,
      PublicCloudIso: owned.publicCloudIsos.nodes[0]?.id,
      PublicCloudMarketApp: owned.publicCloudMarketApps.nodes[0]?.id,
      Vps: found.vpsList.nodes[0]?.id,
      PublicCloudLoadBalancer: found.publicCloudLoadBalancers.nodes[0]?.id,
      PublicCloudLoadBalancerListener: found.publicCloudLoadBalancers.nodes[0]?.listeners.nodes[0]?.id,
      PublicCloudTargetGroup: found.publicCloudTargetGroups.nodes[0]?.id,
      PublicCloudAutoScalingGroup: found.publicCloudAutoScalingGroups.nodes[0]?.id,
    };
    // Bare metal and network (issue 10).
    const bareMetal = await stack().data(
      '{ networkEquipments(first: 1) { nodes { id } } dedicatedRacks(first: 1) { nodes { id } } privateNetworks(first: 1) { nodes { id dhcpReservations(first: 1) { nodes { id } } } } floatingIpRanges(first: 1) { nodes { id definitions(first: 1) { nodes { id } } } } aggregationPacks(first: 1) { nodes { id } } }',
    );
    Object.assign(ids, {
      NetworkEquipment: bareMetal.networkEquipments.nodes[0]?.id,
      DedicatedRack: bareMetal.dedicatedRacks.nodes[0]?.id,
      PrivateNetwork: bareMetal.privateNetworks.nodes[0]?.id,
      PrivateNetworkDhcpReservation: bareMetal.privateNetworks.nodes[0]?.dhcpReservations.nodes[0]?.id,
      FloatingIpRange: bareMetal.floatingIpRanges.nodes[0]?.id,
      FloatingIpDefinition: bareMetal.floatingIpRanges.nodes[0]?.definitions.nodes[0]?.id,
      AggregationPack: bareMetal.aggregationPacks.nodes[0]?.id,
      OpenVpnProfile: found.openVpnProfiles.nodes[0]?.id,
    });
    const missing = types.filter((t) => !ids[t]);
    // A type added to the schema must be added here too, so its node(id:) is tested.
    expect(missing).toEqual([]);
    const data = await stack().data('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: types.map((t) => ids[t]) });
    expect(data.nodes.map((n: any) => n?.__typename)).toEqual(types);
    expect(data.nodes.map((n: any) => n?.id)).toEqual(types.map((t) => ids[t]));
  });

  it('answers null for a well-formed id of a missing object', async () => {
    const data = await stack().data(
      '{ a: node(id: "gid://leaseweb/DedicatedServer/1") { id } b: node(id: "gid://leaseweb/Nothing/1") { id } c: node(id: "gid://leaseweb/Domain/no-such-domain.example") { id } }',
    );
    expect(data).toEqual({ a: null, b: null, c: null });
  });
});

describe('cross-product walks and their upstream calls', () => {
  it('an IP reached from its server names its equipment without another call when only ids are asked', async () => {
    const data = await stack().data(
      '{ dedicatedServers(first: 10) { nodes { leasewebId ips { nodes { ip equipment { __typename id ... on DedicatedServer { leasewebId } } } } } } }',
    );
    for (const server of data.dedicatedServers.nodes) {
      for (const ip of server.ips.nodes)
        expect(ip.equipment).toMatchObject({ __typename: 'DedicatedServer', leasewebId: server.leasewebId });
    }
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual(['/bareMetals/v2/servers', '/ipMgmt/v2/ips']);
  });

  it('an IP reached from ipMgmt loads its equipment, once per distinct server', async () => {
    const server = servers()[2]!;
    const addresses = stack()
      .demo.ipManagement.byEquipment.get(server.id)!
      .filter((r) => r.version === 4)
      .map((r) => r.ip);
    expect(addresses.length).toBeGreaterThan(1);
    const data = await stack().data(
      'query($ips: [IPAddress!]) { ips(filter: { ips: $ips }) { nodes { ip equipment { ... on DedicatedServer { reference } } } } }',
      { ips: addresses },
    );
    expect(data.ips.nodes.map((n: any) => n.equipment.reference)).toEqual(addresses.map(() => server.contract.reference));
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual(['/ipMgmt/v2/ips', `/bareMetals/v2/servers/${server.id}`]);
  });
});

describe('one IP alone or batched', () => {
  it('answers a bare IPv6 range address the same alone as among others', async () => {
    const range = [...stack().demo.ipManagement.ips.values()].find((r) => r.version === 6 && r.prefixLength < 128)!;
    const v4 = [...stack().demo.ipManagement.ips.values()].find((r) => r.version === 4)!;
    const alone = await stack().data('query($a: IPAddress!) { a: ip(ip: $a) { ip prefixLength equipmentId } }', { a: range.ip });
    const batched = await stack().data(
      'query($a: IPAddress!, $b: IPAddress!) { a: ip(ip: $a) { ip prefixLength equipmentId } b: ip(ip: $b) { ip } }',
      { a: range.ip, b: v4.ip },
    );
    expect(alone.a).toEqual({ ip: range.ip, prefixLength: range.prefixLength, equipmentId: range.equipmentId });
    expect(batched.a).toEqual(alone.a);
  });
});

describe('parallel upstream calls', () => {
  // Forty distinct servers by id, asked a field only each one's detail has: no batch
  // endpoint exists, so forty GETs (for the list's fields, the server list would do).
  const QUERY = 'query($ids: [ID!]!) { nodes(ids: $ids) { ... on DedicatedServer { reference serialNumber } } }';
  const FORTY = () => ({
    ids: servers()
      .slice(0, 40)
      .map((s) => `gid://leaseweb/DedicatedServer/${s.id}`),
  });

  it('starts independent calls together', async () => {
    stack().emulator.latencyMs = 5; // so calls overlap when they may
    const data = await stack().data(QUERY, FORTY());
    expect(data.nodes.filter((n: any) => n?.reference)).toHaveLength(40);
    expect(stack().calls()).toHaveLength(40);
    expect(stack().emulator.maxInFlight).toBeGreaterThan(4);
  });

  it('keeps a request under its concurrency cap', async () => {
    const capped = await startStack({ gateway: { upstream: { concurrency: 4 } } });
    try {
      capped.emulator.latencyMs = 5; // so calls overlap when they may
      const data = await capped.data(QUERY, FORTY());
      expect(data.nodes.filter((n: any) => n?.reference)).toHaveLength(40);
      expect(capped.calls()).toHaveLength(40);
      expect(capped.emulator.maxInFlight).toBe(4);
    } finally {
      await capped.close();
    }
  });
});
