import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { RACKS, pickOwner } from './support/owners.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/**
 * Dedicated racks end to end: the list and the detail, the reference update, the rack's
 * kind of `Equipment`, and its edges (rack → servers and network equipment in it, server and
 * network equipment → rack). The IP, credential, metrics and notification families are in
 * test/families/.
 */
// A batch waits for its sibling calls at most `batchWaitMs` (50 ms by default), a bound for
// unrelated slow calls; here it is far above any answer time, so that a busy test machine
// cannot cut a wait short and the counts below are exact.
const stack = useStack({ gateway: { upstream: { batchWaitMs: 5_000 } } });
const reached = trackOperations(
  stack,
  (op) => op.product === 'dedicatedRacks' && !op.family,
  (suite) => !suite.startsWith('sample conformance'),
);

const racks = () => [...stack().demo.dedicatedRacks.racks.values()];
const serversIn = (rackId: string) =>
  [...stack().demo.dedicatedServers.servers.values()].filter((r) => r.server.rack.type === 'DEDICATED' && r.server.rack.id === rackId);
const equipmentIn = (rackId: string) =>
  [...stack().demo.networkEquipment.equipment.values()].filter((r) => r.inDedicatedRack && r.equipment.rack.id === rackId);

describe('dedicated racks', () => {
  it('lists the racks in one call; units and power ports load the detail once per rack', async () => {
    const list = await stack().data(
      '{ dedicatedRacks { totalCount nodes { id leasewebId reference location { site rack } publicPorts { name port } } } }',
    );
    expect(list.dedicatedRacks.totalCount).toBe(racks().length);
    expect(racks().length).toBeGreaterThanOrEqual(2);
    expect(list.dedicatedRacks.nodes).toEqual(
      racks().map((r) => ({
        id: `gid://leaseweb/DedicatedRack/${r.rack.id}`,
        leasewebId: r.rack.id,
        reference: r.rack.contract.reference,
        location: { site: r.rack.location.site, rack: r.rack.location.rack },
        publicPorts: r.rack.networkInterfaces.public.ports,
      })),
    );
    expect(stack().calls()).toHaveLength(1);
    stack().emulator.clearLog();
    const detail = await stack().data(
      '{ dedicatedRacks { nodes { units { unit status connectedUnits } powerPorts { name } contract { sla } } } }',
    );
    expect(detail.dedicatedRacks.nodes[0]).toEqual({
      units: racks()[0]!.rack.units,
      powerPorts: [],
      contract: { sla: racks()[0]!.rack.contract.sla },
    });
    expect(stack().calls()).toHaveLength(1 + racks().length);
  });

  it('reads one by id, null for an unknown id, and node(id:) gives it back', async () => {
    const owner = pickOwner(stack(), RACKS);
    const data = await stack().data(
      `query($id: ID!, $gid: ID!) { a: dedicatedRack(id: $id) { id featureAvailability { powerCycle privateNetwork } } none: dedicatedRack(id: "1") { id }
        node(id: $gid) { __typename ... on DedicatedRack { leasewebId } } }`,
      { id: owner.id, gid: owner.gid },
    );
    expect(data.a).toEqual({ id: owner.gid, featureAvailability: owner.record.rack.featureAvailability });
    expect(data.none).toBeNull();
    expect(data.node).toEqual({ __typename: 'DedicatedRack', leasewebId: owner.id });
    expect(stack().calls()).toHaveLength(2);
  });

  it('updates the reference, visible in the next read; a bad id is a userError before any call', async () => {
    const owner = pickOwner(stack(), RACKS);
    const M =
      'mutation($input: UpdateDedicatedRackInput!) { r: updateDedicatedRack(input: $input) { dedicatedRack { reference } userErrors { field code } } }';
    const data = await stack().data(M, { input: { dedicatedRackId: owner.gid, reference: 'cage-a' } });
    expect(data.r).toEqual({ dedicatedRack: { reference: 'cage-a' }, userErrors: [] });
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`PUT ${owner.base}`, `GET ${owner.base}`]);
    stack().emulator.clearLog();
    const bad = await stack().data(M, { input: { dedicatedRackId: 'gid://leaseweb/NetworkEquipment/1', reference: 'x' } });
    expect(bad.r.userErrors[0]).toMatchObject({ field: ['input', 'dedicatedRackId'], code: 'INVALID' });
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('dedicated rack edges', () => {
  it('rack → the servers and network equipment in it (?privateRackId=), then all their IPs in one ipMgmt ?equipmentIds= call', async () => {
    const data = await stack().data(`{ dedicatedRacks(first: 5) { nodes { leasewebId
      dedicatedServers(first: 20) { totalCount nodes { leasewebId ips(first: 10) { nodes { ip } } } }
      networkEquipments(first: 5) { totalCount nodes { leasewebId ips(first: 10) { nodes { ip } } } } } } }`);
    for (const node of data.dedicatedRacks.nodes) {
      expect(node.dedicatedServers.nodes.map((s: any) => s.leasewebId)).toEqual(serversIn(node.leasewebId).map((r) => r.server.id));
      expect(node.networkEquipments.nodes.map((e: any) => e.leasewebId)).toEqual(equipmentIn(node.leasewebId).map((r) => r.equipment.id));
    }
    expect(data.dedicatedRacks.nodes.some((n: any) => n.dedicatedServers.totalCount > 0 && n.networkEquipments.totalCount > 0)).toBe(true);
    const n = racks().length;
    expect(
      stack()
        .calls({ path: '/bareMetals/v2/servers' })
        .map((c) => new URLSearchParams(c.search).get('privateRackId')),
    ).toEqual(expect.arrayContaining(racks().map((r) => r.rack.id)));
    // The rack list, one server list and one equipment list per rack, then the IPs of all of
    // them in one `?equipmentIds=` call, though the 2n lists answer at different times.
    const ipCalls = stack().calls({ path: '/ipMgmt/v2/ips' });
    expect(ipCalls.map((c) => c.operationId)).toEqual(['ipMgmt.listIps']);
    const owners = new URLSearchParams(ipCalls[0]!.search).get('equipmentIds')!.split(',');
    expect(owners.sort()).toEqual(
      racks()
        .flatMap((r) => [...serversIn(r.rack.id).map((s) => s.server.id), ...equipmentIn(r.rack.id).map((e) => e.equipment.id)])
        .sort(),
    );
    expect(stack().calls()).toHaveLength(1 + 2 * n + 1);
  });

  it('server and network equipment → their dedicated rack, one GET per rack; servers in shared racks cost none', async () => {
    const rack = racks()[0]!;
    const server = serversIn(rack.rack.id)[0]!;
    const shared = [...stack().demo.dedicatedServers.servers.values()].find((r) => r.server.rack.type !== 'DEDICATED')!;
    const equipment = equipmentIn(rack.rack.id)[0]!;
    const data = await stack().data(
      `query($s: ID!, $shared: ID!, $e: ID!) { s: dedicatedServer(id: $s) { dedicatedRack { leasewebId } }
        shared: dedicatedServer(id: $shared) { dedicatedRack { leasewebId } }
        e: networkEquipment(id: $e) { dedicatedRack { leasewebId reference } } }`,
      { s: server.server.id, shared: shared.server.id, e: equipment.equipment.id },
    );
    expect(data.s.dedicatedRack).toEqual({ leasewebId: rack.rack.id });
    expect(data.shared.dedicatedRack).toBeNull();
    expect(data.e.dedicatedRack).toEqual({ leasewebId: rack.rack.id, reference: rack.rack.contract.reference });
    expect(stack().calls({ path: `/bareMetals/v2/privateRacks/${rack.rack.id}` })).toHaveLength(1);
    expect(stack().calls()).toHaveLength(3 + 1);
  });

  it('Ip.equipment and Service.equipment resolve to the rack; a null route on a rack IP shows in the next read', async () => {
    const owner = pickOwner(stack(), RACKS);
    const ip = stack()
      .demo.ipManagement.byEquipment.get(owner.id)!
      .find((i) => i.networkType === 'PUBLIC' && !i.nullRouted)!;
    const Q = `query($ip: IPAddress!, $eq: String!) { ip(ip: $ip) { nullRouted equipment { __typename ... on DedicatedRack { leasewebId } } }
      services(filter: { equipmentId: $eq }) { nodes { productId equipment { __typename id } } } }`;
    const data = await stack().data(Q, { ip: ip.ip, eq: owner.id });
    expect(data.ip).toEqual({ nullRouted: false, equipment: { __typename: 'DedicatedRack', leasewebId: owner.id } });
    expect(data.services.nodes).toEqual([{ productId: 'PRIVATE_RACK', equipment: { __typename: 'DedicatedRack', id: owner.gid } }]);
    const M =
      'mutation($input: NullRouteEquipmentIpInput!) { r: nullRouteEquipmentIp(input: $input) { ip { nullRouted } userErrors { code } } }';
    const nulled = await stack().data(M, { input: { equipmentId: owner.gid, ip: ip.ip } });
    expect(nulled.r).toEqual({ ip: { nullRouted: true }, userErrors: [] });
    expect((await stack().data(Q, { ip: ip.ip, eq: owner.id })).ip.nullRouted).toBe(true);
    await stack().data('mutation($input: EquipmentIpInput!) { removeEquipmentIpNullRoute(input: $input) { userErrors { code } } }', {
      input: { equipmentId: owner.gid, ip: ip.ip },
    });
  });
});

describe('coverage', () => {
  it('reached every dedicated rack operation of its own through GraphQL (the families count theirs)', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(3);
  });
});

describeIf(samplesAvailable)('sample conformance: dedicated racks', () => {
  it('serves the list, the detail and the family reads with the documented shapes', async () => {
    const owner = pickOwner(stack(), RACKS);
    const setting = owner.record.bandwidthSettings[0]!;
    const gets: Record<string, string> = {
      listDedicatedRacks: '/bareMetals/v2/privateRacks',
      inspectDedicatedRack: owner.base,
      listRackIps: `${owner.base}/ips`,
      listRackCredentials: `${owner.base}/credentials`,
      inspectRackDdosNotificationSettings: `${owner.base}/notificationSettings/ddos`,
      inspectRackBandwidthNotificationSetting: `${owner.base}/notificationSettings/bandwidth/${setting.id}`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`dedicatedRacks.${op}`)), op).toEqual([]);
    }
  });
});
