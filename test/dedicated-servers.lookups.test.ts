import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, defaultKeys } from '../src/emulator/dataset.js';
import { serverHelpers } from './support/servers.js';
import { startStack, useStack } from './support/stack.js';

/**
 * Dedicated servers reached by id from other objects (an IP's, a service's, a floating IP
 * anchor's equipment, `node`/`nodes`): one `GET /servers/{id}` each, or the server list
 * when it takes fewer calls, with the detail read only for fields the list does not carry.
 * The server reads themselves are in dedicated-servers.test.ts.
 */
const stack = useStack();

const { records, record, ipsOf, sorted, byIdCalls } = serverHelpers(stack);

describe('servers reached by id from other objects (Ip.equipment, Service.equipment, nodes …)', () => {
  // What the server list carries, as a summary: the fields these lookups are answered with.
  const SUMMARY = `leasewebId reference assetId location { site suite rack unit } rack { type }
    contract { contractId customerId salesOrgId deliveryStatus reference } featureAvailability { automation powerCycle privateNetwork remoteManagement }
    networkInterfaces { public { mac ip gateway ports { name port } } } privateNetworks { privateNetworkId linkSpeed status subnet vlanId }`;
  const ipOf = (serverId: string) => ipsOf(serverId).find((ip) => ip.version === 4)!.ip;
  /** The equipment of some IPs (ipMgmt `?ips=`, one call), as each IP names it: an untyped id. */
  const equipmentOf = (addresses: string[], fields: string) =>
    stack()
      .data(
        `query($ips: [IPAddress!]) { ips(filter: { ips: $ips }) { nodes { ip equipment { __typename ... on DedicatedServer { ${fields} } } } } }`,
        {
          ips: addresses,
        },
      )
      .then((data) => new Map<string, any>(data.ips.nodes.map((n: any) => [n.ip, n.equipment])));
  const listCalls = () => stack().calls({ method: 'GET', path: /^\/bareMetals\/v2\/servers$/ });

  it('several servers cost one read of the server list instead of one GET each, and answer as their detail does', async () => {
    const servers = records().slice(0, 6);
    const viaIps = await equipmentOf(
      servers.map((r) => ipOf(r.server.id)),
      SUMMARY,
    );
    expect(listCalls().map((c) => c.search)).toEqual(['?limit=100&offset=0']);
    expect(byIdCalls()).toHaveLength(0);
    expect(stack().calls()).toHaveLength(2);
    // The same fields of the same servers, each read by `dedicatedServer(id:)` (the detail).
    for (const { server } of servers) {
      const detail = await stack().data(`query($id: ID!) { dedicatedServer(id: $id) { __typename ${SUMMARY} } }`, { id: server.id });
      expect(viaIps.get(ipOf(server.id))).toEqual(detail.dedicatedServer);
    }
  });

  it('one server stays one GET /servers/{id}: no list read', async () => {
    const { server } = record();
    const viaIp = await equipmentOf([ipOf(server.id)], 'leasewebId reference specs { chassis }');
    expect(viaIp.get(ipOf(server.id))).toEqual({
      __typename: 'DedicatedServer',
      leasewebId: server.id,
      reference: server.contract.reference,
      specs: { chassis: server.specs!.chassis },
    });
    expect(byIdCalls().map((c) => c.path)).toEqual([`/bareMetals/v2/servers/${server.id}`]);
    expect(listCalls()).toHaveLength(0);
  });

  it('servers already listed in the request answer their lookups: no second read of them', async () => {
    const data = await stack().data(
      '{ dedicatedServers(first: 20) { nodes { leasewebId ips(first: 5) { nodes { ip equipment { __typename ... on DedicatedServer { leasewebId reference } } } } } } }',
    );
    const nodes = data.dedicatedServers.nodes;
    for (const n of nodes)
      for (const ip of n.ips.nodes)
        expect(ip.equipment).toEqual({
          __typename: 'DedicatedServer',
          leasewebId: n.leasewebId,
          reference: stack().demo.dedicatedServers.servers.get(n.leasewebId)!.server.contract.reference,
        });
    expect(nodes.some((n: any) => n.ips.nodes.length)).toBe(true);
    // The page of servers and one ipMgmt call for their IPs; the IPs' servers are the listed ones.
    expect(byIdCalls()).toHaveLength(0);
    expect(listCalls()).toHaveLength(1);
    expect(stack().calls()).toHaveLength(2);
  });

  it('an untyped id the list read in the request lacks is no server: no GET /servers/{id} 404 before the next kind', async () => {
    const [a, b] = records();
    const vps = [...stack().demo.vps.servers.values()][0]!.vps;
    const vpsIp = stack().demo.ipManagement.byEquipment.get(vps.id)![0]!.ip;
    const data = await stack().data(
      `query($ips: [IPAddress!]) { ips(filter: { ips: $ips }) { nodes { ip equipment { __typename ... on DedicatedServer { leasewebId } ... on Vps { leasewebId } } } } }`,
      { ips: [ipOf(a!.server.id), ipOf(b!.server.id), vpsIp] },
    );
    expect(new Map(data.ips.nodes.map((n: any) => [n.ip, n.equipment]))).toEqual(
      new Map([
        [ipOf(a!.server.id), { __typename: 'DedicatedServer', leasewebId: a!.server.id }],
        [ipOf(b!.server.id), { __typename: 'DedicatedServer', leasewebId: b!.server.id }],
        [vpsIp, { __typename: 'Vps', leasewebId: vps.id }],
      ]),
    );
    // The VPS's numeric id is tried as the kinds before it: not as a server (the list said so),
    // then network equipment and a rack (a 404 each), then found as a VPS.
    expect(
      stack()
        .calls()
        .filter((c) => !c.path.startsWith('/ipMgmt/'))
        .map((c) => `${c.path}${c.search}`),
    ).toEqual([
      '/bareMetals/v2/servers?limit=100&offset=0',
      `/bareMetals/v2/networkEquipments/${vps.id}`,
      `/bareMetals/v2/privateRacks/${vps.id}`,
      `/publicCloud/v1/vps/${vps.id}`,
    ]);
  });

  it('a field only the detail has costs its GET: per server when the query asks for it, lazily for a list-resolved one', async () => {
    const servers = records().slice(0, 6);
    // Asked for up front (`serialNumber`): each server by its GET, as the list would be one call more.
    const detailed = await equipmentOf(
      servers.map((r) => ipOf(r.server.id)),
      'leasewebId serialNumber',
    );
    for (const { server } of servers)
      expect(detailed.get(ipOf(server.id))).toEqual({
        __typename: 'DedicatedServer',
        leasewebId: server.id,
        serialNumber: server.serialNumber,
      });
    expect(sorted(byIdCalls().map((c) => c.path))).toEqual(sorted(servers.map((r) => `/bareMetals/v2/servers/${r.server.id}`)));
    expect(listCalls()).toHaveLength(0);

    // Fields Leaseweb's list may leave out (`ipmiReboot`, an interface's `nullRouted`, as its
    // samples do) are read from the detail too, as they were before there was a list to read.
    stack().emulator.clearLog();
    const maybeLeftOut = await equipmentOf(
      servers.map((r) => ipOf(r.server.id)),
      'leasewebId featureAvailability { ipmiReboot } networkInterfaces { public { nullRouted } }',
    );
    for (const { server } of servers)
      expect(maybeLeftOut.get(ipOf(server.id))).toEqual({
        __typename: 'DedicatedServer',
        leasewebId: server.id,
        featureAvailability: { ipmiReboot: server.featureAvailability.ipmiReboot },
        networkInterfaces: { public: { nullRouted: server.networkInterfaces.public.nullRouted } },
      });
    expect(byIdCalls()).toHaveLength(servers.length);
    expect(listCalls()).toHaveLength(0);

    // The dedicated rack needs the rack's id, which only the detail has, and only for a server
    // in a dedicated rack: the list answers the lookups, then those servers alone cost a GET.
    stack().emulator.clearLog();
    const inDedicated = servers.filter((r) => r.server.rack.type === 'DEDICATED');
    expect(inDedicated.length).toBeGreaterThan(0);
    expect(inDedicated.length).toBeLessThan(servers.length);
    const racks = await equipmentOf(
      servers.map((r) => ipOf(r.server.id)),
      'leasewebId dedicatedRack { leasewebId }',
    );
    for (const { server } of servers) {
      const rack =
        server.rack.type === 'DEDICATED' && stack().demo.dedicatedRacks.racks.has(server.rack.id!) ? { leasewebId: server.rack.id } : null;
      expect(racks.get(ipOf(server.id))).toEqual({ __typename: 'DedicatedServer', leasewebId: server.id, dedicatedRack: rack });
    }
    expect(listCalls()).toHaveLength(1);
    expect(sorted(byIdCalls().map((c) => c.path))).toEqual(sorted(inDedicated.map((r) => `/bareMetals/v2/servers/${r.server.id}`)));
  });

  it('the fields the list leaves out (dhcp, locationId) come from the detail: for servers by id and for listed servers', async () => {
    const withNetwork = records().filter((r) => r.server.privateNetworks.length > 0);
    expect(withNetwork.length).toBeGreaterThan(1);
    const [a, b] = withNetwork;
    const data = await stack().data(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on DedicatedServer { leasewebId privateNetworks { dhcp } networkInterfaces { public { locationId } } } } }`,
      { ids: [a!.server.id, b!.server.id].map((id) => `gid://leaseweb/DedicatedServer/${id}`) },
    );
    expect(data.nodes).toEqual(
      [a!, b!].map(({ server }) => ({
        leasewebId: server.id,
        privateNetworks: server.privateNetworks.map((p) => ({ dhcp: p.dhcp })),
        networkInterfaces: { public: { locationId: server.networkInterfaces.public.locationId } },
      })),
    );
    // Fields the query names as detail: one GET per server, no list.
    expect(byIdCalls()).toHaveLength(2);
    expect(listCalls()).toHaveLength(0);

    // From the `dedicatedServers` list, they come from the detail too (the list leaves them out).
    stack().emulator.clearLog();
    const listed = await stack().data(
      '{ dedicatedServers(first: 100) { nodes { leasewebId privateNetworks { privateNetworkId dhcp } } } }',
    );
    for (const node of listed.dedicatedServers.nodes) {
      const { server } = stack().demo.dedicatedServers.servers.get(node.leasewebId)!;
      expect(node.privateNetworks).toEqual(server.privateNetworks.map((p) => ({ privateNetworkId: p.id, dhcp: p.dhcp })));
    }
    // Only the servers that are in a private network need their detail for it.
    expect(sorted(byIdCalls().map((c) => c.path))).toEqual(sorted(withNetwork.map((r) => `/bareMetals/v2/servers/${r.server.id}`)));
  });

  it('in a large account, the ids past the first page: one GET each while that is cheaper than the rest of the list', async () => {
    // 300 servers: the list spans 3 pages, the first of which tells so.
    const big = await startStack({ emulator: { keys: { [DEMO_API_KEY]: { ...defaultKeys[DEMO_API_KEY]!, servers: 300 } } } });
    try {
      const all = [...big.demo.dedicatedServers.servers.values()].map((r) => r.server);
      expect(all).toHaveLength(300);
      const lookUp = (servers: typeof all) =>
        big.data(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on DedicatedServer { leasewebId reference } } }`, {
          ids: servers.map((s) => `gid://leaseweb/DedicatedServer/${s.id}`),
        });
      const expected = (servers: typeof all) => servers.map((s) => ({ leasewebId: s.id, reference: s.contract.reference }));
      const calls = () => big.calls().map((c) => `${c.path}${c.search}`);

      // One on the first page, two past it: the first page, then two GETs (2 pages left).
      const few = [all[5]!, all[150]!, all[250]!];
      expect((await lookUp(few)).nodes).toEqual(expected(few));
      expect(sorted(calls())).toEqual(
        sorted([
          '/bareMetals/v2/servers?limit=100&offset=0',
          `/bareMetals/v2/servers/${all[150]!.id}`,
          `/bareMetals/v2/servers/${all[250]!.id}`,
        ]),
      );

      // Three past the first page: the 2 pages left beat 3 GETs; an id the list lacks is null.
      big.emulator.clearLog();
      const many = [all[120]!, all[180]!, all[299]!];
      const data = await lookUp(many);
      expect(data.nodes).toEqual(expected(many));
      expect(sorted(calls())).toEqual(
        sorted([
          '/bareMetals/v2/servers?limit=100&offset=0',
          '/bareMetals/v2/servers?limit=100&offset=100',
          '/bareMetals/v2/servers?limit=100&offset=200',
        ]),
      );
    } finally {
      await big.close();
    }
  });

  it('a failed list read falls back to one GET per server: each fails alone', async () => {
    const [a, b] = records();
    // 503 is retried twice: the three attempts of the list call, before any GET is sent.
    stack().emulator.failNext({ match: '/bareMetals/v2/servers', kind: 'status', status: 503, times: 3 });
    const data = await equipmentOf([ipOf(a!.server.id), ipOf(b!.server.id)], 'leasewebId reference');
    expect(data.get(ipOf(a!.server.id))).toEqual({
      __typename: 'DedicatedServer',
      leasewebId: a!.server.id,
      reference: a!.server.contract.reference,
    });
    expect(data.get(ipOf(b!.server.id))).toEqual({
      __typename: 'DedicatedServer',
      leasewebId: b!.server.id,
      reference: b!.server.contract.reference,
    });
    expect(listCalls()).toHaveLength(3);
    expect(byIdCalls()).toHaveLength(2);
  });
});
