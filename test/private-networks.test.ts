import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/**
 * Private networks end to end: the list and one network, create / rename / delete, DHCP
 * reservations, and the edges (network → member servers, server → its networks,
 * reservation → the server NIC by MAC).
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'privateNetworks',
  (suite) => !suite.startsWith('sample conformance'),
);

const networks = () => [...stack().demo.privateNetworks.networks.values()];
const servers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);
const membersOf = (id: string) => servers().filter((s) => s.privateNetworks.some((p) => p.id === id));
const withMembers = () => networks().find((n) => membersOf(n.network.id).length > 0 && n.reservations.length > 0)!;
const NET = 'privateNetwork { id leasewebId name equipmentCount } userErrors { field code }';

describe('private networks', () => {
  it('lists the networks with their equipment counts, and reads one', async () => {
    const data = await stack().data('{ privateNetworks { totalCount nodes { id leasewebId name equipmentCount createdAt } } }');
    expect(data.privateNetworks.totalCount).toBe(networks().length);
    expect(data.privateNetworks.nodes).toEqual(
      networks().map((n) => ({
        id: `gid://leaseweb/PrivateNetwork/${n.network.id}`,
        leasewebId: n.network.id,
        name: n.network.name,
        equipmentCount: membersOf(n.network.id).length,
        createdAt: expect.stringMatching(/Z$/),
      })),
    );
    const one = await stack().data(
      'query($id: ID!) { privateNetwork(id: $id) { name equipmentCount } none: privateNetwork(id: "1") { id } }',
      {
        id: withMembers().network.id,
      },
    );
    expect(one.privateNetwork).toEqual({ name: withMembers().network.name, equipmentCount: null });
    expect(one.none).toBeNull();
  });

  it('creates, renames and deletes a network; deleting one with servers in it is a userError', async () => {
    const created = await stack().data(`mutation { r: createPrivateNetwork(input: { name: "production" }) { ${NET} } }`);
    expect(created.r.privateNetwork).toMatchObject({ name: 'production', equipmentCount: 0 });
    const id = created.r.privateNetwork.id;
    const renamed = await stack().data(
      `mutation($id: ID!) { r: updatePrivateNetwork(input: { privateNetworkId: $id, name: "prod" }) { ${NET} } }`,
      {
        id,
      },
    );
    expect(renamed.r).toMatchObject({ privateNetwork: { id, name: 'prod' }, userErrors: [] });
    const D = 'mutation($id: ID!) { r: deletePrivateNetwork(input: { privateNetworkId: $id }) { deletedId userErrors { field code } } }';
    expect((await stack().data(D, { id })).r).toEqual({ deletedId: id, userErrors: [] });
    const busy = await stack().data(D, { id: withMembers().network.id });
    expect(busy.r.deletedId).toBeNull();
    expect(busy.r.userErrors[0]).toMatchObject({ field: ['input', 'privateNetworkId'], code: 'INVALID' });
    expect(
      stack()
        .calls()
        .filter((c) => c.method !== 'GET')
        .map((c) => c.method),
    ).toEqual(['POST', 'PUT', 'DELETE', 'DELETE']);
  });

  it('creates and deletes a DHCP reservation, visible in the next read', async () => {
    const n = withMembers();
    const gidOf = `gid://leaseweb/PrivateNetwork/${n.network.id}`;
    const C =
      'mutation($input: CreatePrivateNetworkDhcpReservationInput!) { r: createPrivateNetworkDhcpReservation(input: $input) { dhcpReservation { id ip mac sticky } userErrors { field code } } }';
    const created = await stack().data(C, {
      input: { privateNetworkId: gidOf, ip: '10.32.0.200', mac: 'AA:BB:CC:DD:EE:01', sticky: false },
    });
    const rid = `gid://leaseweb/PrivateNetworkDhcpReservation/${n.network.id}/10.32.0.200`;
    expect(created.r).toEqual({ dhcpReservation: { id: rid, ip: '10.32.0.200', mac: 'aa:bb:cc:dd:ee:01', sticky: false }, userErrors: [] });
    const R = 'query($id: ID!) { privateNetwork(id: $id) { dhcpReservations { totalCount nodes { ip } } } }';
    expect((await stack().data(R, { id: n.network.id })).privateNetwork.dhcpReservations.nodes).toContainEqual({ ip: '10.32.0.200' });
    expect((await stack().data('query($id: ID!) { node(id: $id) { id } }', { id: rid })).node).toEqual({ id: rid });
    const bad = await stack().data(C, { input: { privateNetworkId: gidOf, ip: '10.32.0.201', mac: 'nope', sticky: true } });
    expect(bad.r.userErrors[0]).toMatchObject({ field: ['input', 'mac'], code: 'INVALID' });
    const D =
      'mutation($input: DeletePrivateNetworkDhcpReservationInput!) { r: deletePrivateNetworkDhcpReservation(input: $input) { deletedId userErrors { code } } }';
    expect((await stack().data(D, { input: { privateNetworkId: gidOf, ip: '10.32.0.200' } })).r).toEqual({
      deletedId: rid,
      userErrors: [],
    });
    expect((await stack().data(R, { id: n.network.id })).privateNetwork.dhcpReservations.nodes).not.toContainEqual({ ip: '10.32.0.200' });
  });
});

describe('private network edges', () => {
  it('network → member servers: the enabled servers listed once, whatever the number of networks', async () => {
    const data = await stack().data('{ privateNetworks { nodes { leasewebId dedicatedServers { leasewebId } } } }');
    for (const node of data.privateNetworks.nodes) {
      expect(node.dedicatedServers.map((s: any) => s.leasewebId)).toEqual(membersOf(node.leasewebId).map((s) => s.id));
    }
    const enabled = servers().filter((s) => s.isPrivateNetworkEnabled).length;
    expect(stack().calls({ path: '/bareMetals/v2/servers' })).toHaveLength(Math.max(1, Math.ceil(enabled / 100)));
    expect(stack().calls()).toHaveLength(1 + Math.max(1, Math.ceil(enabled / 100)));
  });

  it('server → its private networks; reservation → the server NIC by MAC (one call per reservation)', async () => {
    const n = withMembers();
    const member = membersOf(n.network.id)[0]!;
    const data = await stack().data(
      `query($s: ID!, $n: ID!) { dedicatedServer(id: $s) { privateNetworks { privateNetworkId privateNetwork { leasewebId name } } }
        privateNetwork(id: $n) { dhcpReservations { nodes { ip mac dedicatedServer { leasewebId } privateNetwork { leasewebId } } } } }`,
      { s: member.id, n: n.network.id },
    );
    expect(data.dedicatedServer.privateNetworks).toEqual([
      { privateNetworkId: n.network.id, privateNetwork: { leasewebId: n.network.id, name: n.network.name } },
    ]);
    const byMac = new Map(servers().map((s) => [s.networkInterfaces.internal.mac!.toLowerCase(), s.id]));
    expect(data.privateNetwork.dhcpReservations.nodes).toEqual(
      n.reservations.map((r) => ({
        ip: r.ip,
        mac: r.mac,
        dedicatedServer: { leasewebId: byMac.get(r.mac) },
        privateNetwork: { leasewebId: n.network.id },
      })),
    );
    // The server, the network once (shared by both paths), the reservations, one server search per reservation.
    expect(stack().calls()).toHaveLength(1 + 1 + 1 + n.reservations.length);
  });

  it('Public Cloud instance → its private network: one GET per distinct network, whatever the number of instances', async () => {
    const data = await stack().data(
      '{ publicCloudInstances(first: 50) { nodes { leasewebId privateNetwork { privateNetworkId privateNetwork { leasewebId name } } } } }',
    );
    const inNetwork = data.publicCloudInstances.nodes.filter((i: any) => i.privateNetwork);
    expect(inNetwork.length).toBeGreaterThan(1);
    for (const i of inNetwork) {
      const record = stack().demo.privateNetworks.networks.get(i.privateNetwork.privateNetworkId)!;
      expect(i.privateNetwork.privateNetwork).toEqual({ leasewebId: record.network.id, name: record.network.name });
    }
    const networks = new Set(inNetwork.map((i: any) => i.privateNetwork.privateNetworkId));
    expect(stack().calls({ path: /^\/bareMetals\/v2\/privateNetworks\// })).toHaveLength(networks.size);
  });
});

describe('coverage', () => {
  it('reached every private network operation through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(8);
  });
});

describeIf(samplesAvailable)('sample conformance: private networks', () => {
  it('serves the reads with the documented shapes', async () => {
    const n = withMembers();
    const gets: Record<string, string> = {
      listPrivateNetworks: '/bareMetals/v2/privateNetworks',
      inspectPrivateNetwork: `/bareMetals/v2/privateNetworks/${n.network.id}`,
      listDhcpReservations: `/bareMetals/v2/privateNetworks/${n.network.id}/reservations`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`privateNetworks.${op}`)), op).toEqual([]);
    }
  });
});
