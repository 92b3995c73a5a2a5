import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { NETWORK_EQUIPMENT, pickOwner } from './support/owners.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/**
 * Network equipment end to end: the list (summary) and the detail, the reference update,
 * its kind of `Equipment` (Ip.equipment, Service.equipment, node(id:)), and the product's
 * own operations (the IP, credential and power families are in test/families/).
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'networkEquipments' && !op.family,
  (suite) => !suite.startsWith('sample conformance'),
);

const records = () => [...stack().demo.networkEquipment.equipment.values()];

describe('network equipment', () => {
  it('lists the summary in one call and loads the detail only for the fields that need it', async () => {
    const list = await stack().data(
      '{ networkEquipments(first: 10) { totalCount nodes { id leasewebId type reference location { site rack } } } }',
    );
    expect(list.networkEquipments.totalCount).toBe(records().length);
    expect(list.networkEquipments.nodes).toEqual(
      records().map((r) => ({
        id: `gid://leaseweb/NetworkEquipment/${r.equipment.id}`,
        leasewebId: r.equipment.id,
        type: r.equipment.type,
        reference: r.equipment.contract.reference,
        location: { site: r.equipment.location.site, rack: r.equipment.location.rack },
      })),
    );
    expect(stack().calls()).toHaveLength(1);

    stack().emulator.clearLog();
    const detail = await stack().data(
      '{ networkEquipments(first: 2) { nodes { name serialNumber specs { brand model } contract { contractId sla pricePerFrequency { amount currency } } powerPorts { name port } } } }',
    );
    const [a] = records();
    expect(detail.networkEquipments.nodes[0]).toEqual({
      name: a!.equipment.name,
      serialNumber: a!.equipment.serialNumber,
      specs: a!.equipment.specs,
      contract: {
        contractId: a!.equipment.contract.id,
        sla: 'Platinum',
        pricePerFrequency: { amount: String(Number(a!.equipment.contract.pricePerFrequency)), currency: 'EUR' },
      },
      powerPorts: a!.equipment.powerPorts,
    });
    // The list, then one detail per equipment however many fields need it.
    expect(stack().calls()).toHaveLength(1 + 2);
  });

  it('filters by site and by dedicated rack, as Leaseweb does', async () => {
    const inRack = records().find((r) => r.inDedicatedRack)!;
    const data = await stack().data(
      `query($rack: String!) { bySite: networkEquipments(filter: { site: "AMS-01" }) { nodes { leasewebId } }
        byRack: networkEquipments(filter: { privateRackId: $rack }) { nodes { leasewebId } } }`,
      { rack: inRack.equipment.rack.id },
    );
    expect(data.bySite.nodes.map((n: any) => n.leasewebId)).toEqual(
      records()
        .filter((r) => r.equipment.location.site === 'AMS-01')
        .map((r) => r.equipment.id),
    );
    expect(data.byRack.nodes).toEqual([{ leasewebId: inRack.equipment.id }]);
    expect(
      stack()
        .calls({ path: '/bareMetals/v2/networkEquipments' })
        .map((c) => c.search),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('site=AMS-01'),
        expect.stringContaining(`privateRackId=${inRack.equipment.rack.id}`),
      ]),
    );
  });

  it('reads one by Leaseweb id or global id, null when it does not exist', async () => {
    const owner = pickOwner(stack(), NETWORK_EQUIPMENT);
    const data = await stack().data(
      `query($id: ID!, $gid: ID!) { a: networkEquipment(id: $id) { id name } b: networkEquipment(id: $gid) { leasewebId } none: networkEquipment(id: "999999999") { id }
        node(id: $gid) { __typename ... on NetworkEquipment { leasewebId } } }`,
      { id: owner.id, gid: owner.gid },
    );
    expect(data.a).toEqual({ id: owner.gid, name: owner.record.equipment.name });
    expect(data.b).toEqual({ leasewebId: owner.id });
    expect(data.none).toBeNull();
    expect(data.node).toEqual({ __typename: 'NetworkEquipment', leasewebId: owner.id });
    // The equipment once (a, b and node share the loader), the missing one once.
    expect(stack().calls()).toHaveLength(2);
  });

  it('updates the reference and answers the equipment read again; a bad id is a userError before any call', async () => {
    const owner = pickOwner(stack(), NETWORK_EQUIPMENT);
    const M =
      'mutation($input: UpdateNetworkEquipmentInput!) { r: updateNetworkEquipment(input: $input) { networkEquipment { reference } userErrors { field code } } }';
    const data = await stack().data(M, { input: { networkEquipmentId: owner.gid, reference: 'core-switch' } });
    expect(data.r).toEqual({ networkEquipment: { reference: 'core-switch' }, userErrors: [] });
    expect(owner.record.equipment.contract.reference).toBe('core-switch');
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`PUT ${owner.base}`, `GET ${owner.base}`]);

    stack().emulator.clearLog();
    const bad = await stack().data(M, { input: { networkEquipmentId: 'gid://leaseweb/DedicatedServer/1', reference: 'x' } });
    expect(bad.r.networkEquipment).toBeNull();
    expect(bad.r.userErrors[0]).toMatchObject({ field: ['input', 'networkEquipmentId'], code: 'INVALID' });
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('network equipment edges', () => {
  it('Ip.equipment and Service.equipment resolve to the network equipment', async () => {
    const owner = pickOwner(stack(), NETWORK_EQUIPMENT);
    const ip = stack()
      .demo.ipManagement.byEquipment.get(owner.id)!
      .find((i) => i.primary)!;
    const data = await stack().data(
      `query($ip: IPAddress!, $eq: String!) { ip(ip: $ip) { equipment { __typename ... on NetworkEquipment { leasewebId type } } }
        services(filter: { equipmentId: $eq }) { nodes { productId equipment { __typename id } } } }`,
      { ip: ip.ip, eq: owner.id },
    );
    expect(data.ip.equipment).toEqual({ __typename: 'NetworkEquipment', leasewebId: owner.id, type: owner.record.equipment.type });
    expect(data.services.nodes).toEqual([{ productId: 'NETWORK_EQUIPMENT', equipment: { __typename: 'NetworkEquipment', id: owner.gid } }]);
  });

  it('NetworkEquipment.service: one services call per equipment', async () => {
    const owner = pickOwner(stack(), NETWORK_EQUIPMENT);
    const data = await stack().data('query($id: ID!) { networkEquipment(id: $id) { service { productId equipmentId } } }', {
      id: owner.id,
    });
    expect(data.networkEquipment.service).toEqual({ productId: 'NETWORK_EQUIPMENT', equipmentId: owner.id });
    expect(stack().calls({ path: '/services/v1/services' })).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('reached every network equipment operation of its own through GraphQL (the families count theirs)', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(3);
  });
});

describeIf(samplesAvailable)('sample conformance: network equipment', () => {
  it('serves the list, the detail, an IP list and the power status with the documented shapes', async () => {
    const owner = pickOwner(stack(), NETWORK_EQUIPMENT);
    const gets: Record<string, string> = {
      listNetworkEquipment: '/bareMetals/v2/networkEquipments',
      getNetworkEquipment: owner.base,
      listNetworkEquipmentIps: `${owner.base}/ips`,
      showNetworkEquipmentPowerStatus: `${owner.base}/powerInfo`,
      listNetworkEquipmentCredentials: `${owner.base}/credentials`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`networkEquipments.${op}`)), op).toEqual([]);
    }
  });
});
