import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { ipValue, type IpRecord } from '../src/emulator/ip-management/data.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { NULL_ROUTE_OPS, ipHelpers } from './support/ips.js';
import { useStack } from './support/stack.js';
import { cursor } from './support/values.js';

/**
 * IP Management (`ipMgmt.*`): every operation through GraphQL over HTTP, answers checked
 * against the emulator's data set, upstream calls counted (ipMgmt is the graph's batching
 * point: many IPs by address in one `?ips=` call).
 */
const stack = useStack();
/** Which documented operations the GraphQL tests below reached upstream (the sample checks call the emulator directly and do not count). */
const reached = trackOperations(
  stack,
  (op) => op.product === 'ipMgmt' && !NULL_ROUTE_OPS.has(op.id),
  (suite) => !suite.startsWith('sample conformance'),
);

const { allIps, ipWhere, isServer, sorted, USER_ERRORS } = ipHelpers(stack);
const servers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);
/** How the gateway names an ipMgmt record: its address, `_prefix` for a range. */
const key = (r: IpRecord) => (r.prefixLength === (r.version === 6 ? 128 : 32) ? r.ip : `${r.ip}_${r.prefixLength}`);

const IP_LIST = `query($filter: IpFilter, $sort: [IpSort!], $first: Int, $after: String) {
  ips(first: $first, after: $after, filter: $filter, sort: $sort) { totalCount pageInfo { hasNextPage endCursor } nodes { ip version type primary nullRouted reverseLookup equipmentId subnet { subnetId } } }
}`;
const listParams = () => Object.fromEntries(new URLSearchParams(stack().calls({ path: '/ipMgmt/v2/ips' })[0]!.search));

describe('listing IPs (ipMgmt.listIps)', () => {
  it('lists every IP of the account, paged with first/after', async () => {
    const total = allIps().length;
    const first = (await stack().data(IP_LIST, { first: 100 })).ips;
    expect(first.totalCount).toBe(total);
    expect(first.nodes).toHaveLength(Math.min(100, total));
    for (const node of first.nodes) {
      const r = stack().demo.ipManagement.ips.get(node.ip)!;
      expect(node).toEqual({
        ip: r.ip,
        version: r.version,
        type: r.type,
        primary: r.primary,
        nullRouted: r.nullRouted,
        reverseLookup: r.reverseLookup,
        equipmentId: r.equipmentId,
        subnet: { subnetId: r.subnet.id },
      });
    }
    const second = (await stack().data(IP_LIST, { first: 100, after: first.pageInfo.endCursor })).ips;
    expect(new Set([...first.nodes, ...second.nodes].map((n: any) => n.ip)).size).toBe(first.nodes.length + second.nodes.length);
    expect(new URLSearchParams(stack().calls()[1]!.search).get('offset')).toBe('100');
  });

  const cases: Array<[string, () => { filter: Record<string, unknown>; params: Record<string, string>; expected: IpRecord[] }]> = [
    [
      'subnetId',
      () => {
        const subnetId = ipWhere((r) => isServer(r) && r.networkType === 'PUBLIC' && r.version === 4 && !r.primary).subnet.id;
        return { filter: { subnetId }, params: { subnetId }, expected: allIps().filter((r) => r.subnet.id === subnetId) };
      },
    ],
    ['version', () => ({ filter: { version: 6 }, params: { version: '6' }, expected: allIps().filter((r) => r.version === 6) })],
    ['type', () => ({ filter: { type: 'IPMI' }, params: { type: 'IPMI' }, expected: allIps().filter((r) => r.type === 'IPMI') })],
    [
      'nullRouted',
      () => ({ filter: { nullRouted: true }, params: { nullRouted: 'true' }, expected: allIps().filter((r) => r.nullRouted) }),
    ],
    [
      'primary',
      () => ({
        filter: { primary: true, version: 4 },
        params: { primary: 'true', version: '4' },
        expected: allIps().filter((r) => r.primary && r.version === 4),
      }),
    ],
    [
      'fromIp and toIp',
      () => {
        // A /24 of server IPs: every IPv4 address whose first three octets match lies between .0 and .255.
        const net = ipWhere((r) => isServer(r) && r.version === 4 && r.networkType === 'PUBLIC').ip.replace(/\.\d+$/, '');
        return {
          filter: { fromIp: `${net}.0`, toIp: `${net}.255` },
          params: { fromIp: `${net}.0`, toIp: `${net}.255` },
          expected: allIps().filter((r) => r.version === 4 && r.ip.replace(/\.\d+$/, '') === net),
        };
      },
    ],
    [
      'ips',
      () => {
        const some = allIps()
          .filter((r) => r.version === 4)
          .slice(3, 6);
        return { filter: { ips: some.map((r) => r.ip) }, params: { ips: some.map((r) => r.ip).join(',') }, expected: some };
      },
    ],
    [
      'equipmentIds',
      () => {
        const ids = servers()
          .slice(0, 2)
          .map((s) => s.id);
        return {
          filter: { equipmentIds: ids },
          params: { equipmentIds: ids.join(',') },
          expected: allIps().filter((r) => ids.includes(r.equipmentId!)),
        };
      },
    ],
    [
      'assignedContractIds',
      () => {
        const contracts = servers()
          .slice(2, 4)
          .map((s) => s.contract.id);
        return {
          filter: { assignedContractIds: contracts },
          params: { assignedContractIds: contracts.join(',') },
          expected: allIps().filter((r) => contracts.includes(r.assignedContract?.id ?? '')),
        };
      },
    ],
    [
      'reverseLookup',
      () => {
        const name = ipWhere((r) => r.reverseLookup !== null).reverseLookup!;
        return {
          filter: { reverseLookup: name },
          params: { reverseLookup: name },
          expected: allIps().filter((r) => r.reverseLookup === name),
        };
      },
    ],
  ];
  for (const [name, build] of cases) {
    it(`filters by ${name}`, async () => {
      const { filter, params, expected } = build();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(allIps().length);
      const data = await stack().data(IP_LIST, { filter, first: 100 });
      expect(data.ips.totalCount).toBe(expected.length);
      // The list is in address order (the emulator's, as Leaseweb's): the first 100 of that order.
      const first100 = [...expected].sort((a, b) => (ipValue(a.ip) < ipValue(b.ip) ? -1 : 1)).slice(0, 100);
      expect(sorted(data.ips.nodes.map((n: any) => n.ip))).toEqual(sorted(first100.map((r) => r.ip)));
      expect(listParams()).toMatchObject(params);
    });
  }

  it('sorts by one field or several, descending with "-"', async () => {
    const desc = await stack().data(IP_LIST, { filter: { version: 4 }, sort: [{ field: 'IP', direction: 'DESC' }], first: 50 });
    expect(listParams().sort).toBe('-ip');
    const octets = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const values = desc.ips.nodes.map((n: any) => octets(n.ip));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(desc.ips.nodes[0].ip).toBe(
      allIps()
        .filter((r) => r.version === 4)
        .sort((a, b) => octets(b.ip) - octets(a.ip))[0]!.ip,
    );

    stack().emulator.clearLog();
    const nulledFirst = await stack().data(IP_LIST, { sort: [{ field: 'NULL_ROUTED', direction: 'DESC' }, { field: 'IP' }], first: 100 });
    expect(listParams().sort).toBe('-nullRouted,ip');
    const count = allIps().filter((r) => r.nullRouted).length;
    expect(nulledFirst.ips.nodes.slice(0, count).every((n: any) => n.nullRouted)).toBe(true);
    expect(nulledFirst.ips.nodes[count].nullRouted).toBe(false);
  });
});

describe('one IP (ipMgmt.inspectIp) and batching', () => {
  it('inspects an IP with every ipMgmt field, null when unknown', async () => {
    const r = ipWhere((x) => isServer(x) && x.primary && x.version === 4);
    const data = await stack().data(
      `query($ip: IPAddress!) {
      ip(ip: $ip) { id ip version type prefixLength primary reverseLookup nullRouted nullLevel unnullingAllowed assignedContractId equipmentId subnet { subnetId networkIp prefixLength gateway } }
      unknown: ip(ip: "192.0.2.123") { ip } }`,
      { ip: r.ip },
    );
    expect(data.ip).toEqual({
      id: `gid://leaseweb/Ip/${r.ip}`,
      ip: r.ip,
      version: 4,
      type: r.type,
      prefixLength: r.prefixLength,
      primary: true,
      reverseLookup: r.reverseLookup,
      nullRouted: r.nullRouted,
      nullLevel: r.nullLevel,
      unnullingAllowed: r.unnullingAllowed,
      assignedContractId: r.assignedContract!.id,
      equipmentId: r.equipmentId,
      subnet: { subnetId: r.subnet.id, networkIp: r.subnet.networkIp, prefixLength: r.subnet.prefixLength, gateway: r.subnet.gateway },
    });
    expect(data.unknown).toBeNull();
  });

  it('inspects an IPv6 range by its prefix, as `{ip}_{prefix}`', async () => {
    const range = ipWhere((x) => x.version === 6);
    const data = await stack().data(`query($ip: IPAddress!) { ip(ip: $ip) { id ip version prefixLength equipmentId } }`, {
      ip: `${range.ip}/${range.prefixLength}`,
    });
    // Global id parts are URL-encoded (src/ids.ts), so the range's colons read %3A.
    expect(data.ip).toEqual({
      id: `gid://leaseweb/Ip/${encodeURIComponent(`${range.ip}_${range.prefixLength}`)}`,
      ip: range.ip,
      version: 6,
      prefixLength: range.prefixLength,
      equipmentId: range.equipmentId,
    });
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual([`/ipMgmt/v2/ips/${encodeURIComponent(`${range.ip}_${range.prefixLength}`)}`]);
  });

  it('batches ip(ip:) for five IPs in one query into ONE GET /ipMgmt/v2/ips?ips=…', async () => {
    const five = allIps()
      .filter(isServer)
      .filter((_, i) => i % 7 === 0)
      .slice(0, 5);
    expect(five).toHaveLength(5);
    const query = `query(${five.map((_, i) => `$a${i}: IPAddress!`).join(', ')}) { ${five.map((_, i) => `a${i}: ip(ip: $a${i}) { ip equipmentId nullRouted }`).join(' ')} }`;
    const data = await stack().data(query, Object.fromEntries(five.map((r, i) => [`a${i}`, key(r).replace('_', '/')])));
    five.forEach((r, i) => expect(data[`a${i}`]).toEqual({ ip: r.ip, equipmentId: r.equipmentId, nullRouted: r.nullRouted }));
    const calls = stack().calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe('/ipMgmt/v2/ips');
    expect(sorted(new URLSearchParams(calls[0]!.search).get('ips')!.split(','))).toEqual(sorted(five.map((r) => r.ip)));
  });

  it('resolves Ip.equipment to the DedicatedServer, one GET /servers/{id} however many of its IPs ask', async () => {
    const server = servers().find((s) => (stack().demo.ipManagement.byEquipment.get(s.id) ?? []).length >= 3)!;
    const data = await stack().data(
      `query($ids: [String!]) { ips(filter: { equipmentIds: $ids }) { nodes { ip
      equipment { __typename id leasewebId ... on DedicatedServer { reference location { site } } } } } }`,
      { ids: [server.id] },
    );
    expect(data.ips.nodes.length).toBe(stack().demo.ipManagement.byEquipment.get(server.id)!.length);
    for (const node of data.ips.nodes) {
      expect(node.equipment).toEqual({
        __typename: 'DedicatedServer',
        id: `gid://leaseweb/DedicatedServer/${server.id}`,
        leasewebId: server.id,
        reference: server.contract.reference,
        location: { site: server.location.site },
      });
    }
    expect(
      stack()
        .calls({ path: /^\/bareMetals\/v2\/servers\// })
        .map((c) => c.path),
    ).toEqual([`/bareMetals/v2/servers/${server.id}`]);
  });

  it("reads the owner's view of an IP reached from ipMgmt (network type, DDoS) from the server", async () => {
    const r = ipWhere((x) => isServer(x) && x.networkType === 'INTERNAL');
    const data = await stack().data(`query($ip: IPAddress!) { ip(ip: $ip) { networkType gateway ddos { protectionType } floatingIp } }`, {
      ip: r.ip,
    });
    expect(data.ip).toEqual({
      networkType: 'INTERNAL',
      gateway: r.gateway,
      ddos: { protectionType: r.ddos.protectionType },
      floatingIp: r.floatingIp,
    });
    expect(stack().calls({ path: `/bareMetals/v2/servers/${r.equipmentId}/ips` })).toHaveLength(1);
  });
});

describe('updating an IP (ipMgmt.updateIp)', () => {
  it('sets the PTR name of an IPv4 address', async () => {
    const r = ipWhere((x) => isServer(x) && x.version === 4 && !x.reverseLookup);
    const data = await stack().data(
      `mutation($ip: IPAddress!) { updateIp(input: { ip: $ip, reverseLookup: "set-by-test.example.com" }) { ip { ip reverseLookup } ${USER_ERRORS} } }`,
      { ip: r.ip },
    );
    expect(data.updateIp).toEqual({ ip: { ip: r.ip, reverseLookup: 'set-by-test.example.com' }, userErrors: [] });
    expect(r.reverseLookup).toBe('set-by-test.example.com');
    const read = await stack().data(`query($name: String) { ips(filter: { reverseLookup: $name }) { nodes { ip } } }`, {
      name: 'set-by-test.example.com',
    });
    expect(read.ips.nodes).toEqual([{ ip: r.ip }]);
    expect(
      stack()
        .calls({ method: 'PUT' })
        .map((c) => c.path),
    ).toEqual([`/ipMgmt/v2/ips/${r.ip}`]);
  });

  it('answers userErrors for an IPv6 range (reverse lookup records instead) and an unknown IP', async () => {
    const range = ipWhere((x) => x.version === 6);
    const update = `mutation($ip: IPAddress!) { updateIp(input: { ip: $ip, reverseLookup: "x.example.com" }) { ip { ip } ${USER_ERRORS} } }`;
    const v6 = await stack().data(update, { ip: `${range.ip}/${range.prefixLength}` });
    expect(v6.updateIp).toEqual({
      ip: null,
      userErrors: [{ field: ['input', 'ip'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' }],
    });
    const unknown = await stack().data(update, { ip: '192.0.2.200' });
    expect(unknown.updateIp.userErrors).toEqual([{ field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' }]);
  });
});

describe('reverse lookup records of an IPv6 range (ipMgmt.listReverseLookupRecords, updateReverseLookupRecords)', () => {
  const withRecords = () => {
    const range = ipWhere((x) => x.version === 6 && (stack().demo.ipManagement.reverseLookups.get(x.ip) ?? []).length >= 3);
    return { range, records: stack().demo.ipManagement.reverseLookups.get(range.ip)!, ip: `${range.ip}/${range.prefixLength}` };
  };
  const RECORDS = `query($ip: IPAddress!, $first: Int, $after: String, $filter: ReverseLookupRecordFilter) { ip(ip: $ip) {
    reverseLookupRecords(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { ip reverseLookup } } } }`;

  it('lists the records of a range, paged and filtered', async () => {
    const { records, ip, range } = withRecords();
    const all = await stack().data(RECORDS, { ip });
    expect(all.ip.reverseLookupRecords.totalCount).toBe(records.length);
    expect(all.ip.reverseLookupRecords.nodes).toEqual(records.map((r) => ({ ip: r.ip, reverseLookup: r.reverseLookup })));
    expect(stack().calls({ path: '/reverseLookup' })[0]!.path).toBe(
      `/ipMgmt/v2/ips/${encodeURIComponent(`${range.ip}_${range.prefixLength}`)}/reverseLookup`,
    );

    const page = await stack().data(RECORDS, { ip, first: 2, after: cursor(0) });
    expect(page.ip.reverseLookupRecords.nodes).toEqual(records.slice(1, 3).map((r) => ({ ip: r.ip, reverseLookup: r.reverseLookup })));
    const byIp = await stack().data(RECORDS, { ip, filter: { ip: records[1]!.ip } });
    expect(byIp.ip.reverseLookupRecords.nodes).toEqual([{ ip: records[1]!.ip, reverseLookup: records[1]!.reverseLookup }]);
    const byName = await stack().data(RECORDS, { ip, filter: { reverseLookup: records[2]!.reverseLookup } });
    expect(byName.ip.reverseLookupRecords.nodes).toEqual([{ ip: records[2]!.ip, reverseLookup: records[2]!.reverseLookup }]);
  });

  it('answers no records for an IPv4 address without asking (ipMgmt keeps them for IPv6 ranges only)', async () => {
    const v4 = ipWhere((x) => x.version === 4);
    const data = await stack().data(RECORDS, { ip: v4.ip });
    expect(data.ip.reverseLookupRecords).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(stack().calls({ path: '/reverseLookup' })).toHaveLength(0);
  });

  it('reaches the records from a server IP too (the range is keyed with its prefix)', async () => {
    const { range, records } = withRecords();
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) { ips(filter: { version: 6 }) { nodes { ip reverseLookupRecords { totalCount } } } } }`,
      { id: range.equipmentId },
    );
    expect(data.dedicatedServer.ips.nodes).toEqual([{ ip: range.ip, reverseLookupRecords: { totalCount: records.length } }]);
  });

  it('sets, changes and removes records, leaving the others alone', async () => {
    const { range, records, ip } = withRecords();
    const [keep, change, remove] = records;
    const newIp = range.ip.replace(/::$/, '::abcd');
    const data = await stack().data(
      `mutation($ip: IPAddress!, $records: [ReverseLookupRecordInput!]!) { updateIpReverseLookupRecords(input: { ip: $ip, reverseLookups: $records }) {
      reverseLookupRecords { id ip reverseLookup } ${USER_ERRORS} } }`,
      {
        ip,
        records: [
          { ip: change!.ip, reverseLookup: 'changed.example.com' },
          { ip: remove!.ip, reverseLookup: '' },
          { ip: newIp, reverseLookup: 'new.example.com' },
        ],
      },
    );
    // The global id names the range (as ipMgmt keys it) and the address.
    const recordId = (address: string) =>
      `gid://leaseweb/ReverseLookupRecord/${encodeURIComponent(`${range.ip}_${range.prefixLength}`)}/${encodeURIComponent(address)}`;
    expect(data.updateIpReverseLookupRecords).toEqual({
      reverseLookupRecords: [
        { id: recordId(change!.ip), ip: change!.ip, reverseLookup: 'changed.example.com' },
        { id: recordId(newIp), ip: newIp, reverseLookup: 'new.example.com' },
      ],
      userErrors: [],
    });
    // The same id from the range's list, from the server's IP, and back through node(id:).
    const reached = await stack().data(
      `query($id: ID!, $record: ID!) { dedicatedServer(id: $id) { ips(filter: { version: 6 }) { nodes { reverseLookupRecords(filter: { ip: "${newIp}" }) { nodes { id } } } } }
      node(id: $record) { id ... on ReverseLookupRecord { reverseLookup } } }`,
      { id: range.equipmentId, record: recordId(newIp) },
    );
    expect(reached.dedicatedServer.ips.nodes[0].reverseLookupRecords.nodes).toEqual([{ id: recordId(newIp) }]);
    expect(reached.node).toEqual({ id: recordId(newIp), reverseLookup: 'new.example.com' });
    const after = await stack().data(RECORDS, { ip });
    expect(sorted(after.ip.reverseLookupRecords.nodes.map((r: any) => `${r.ip} ${r.reverseLookup}`))).toEqual(
      sorted([`${keep!.ip} ${keep!.reverseLookup}`, `${change!.ip} changed.example.com`, `${newIp} new.example.com`]),
    );
    expect(stack().calls({ method: 'PUT' })).toHaveLength(1);
  });

  it('answers userErrors for an address outside the range and for an IPv4 address', async () => {
    const { ip, records } = withRecords();
    const before = structuredClone(records);
    const update = `mutation($ip: IPAddress!, $records: [ReverseLookupRecordInput!]!) { updateIpReverseLookupRecords(input: { ip: $ip, reverseLookups: $records }) { reverseLookupRecords { ip } ${USER_ERRORS} } }`;
    const outside = await stack().data(update, {
      ip,
      records: [
        { ip: records[0]!.ip, reverseLookup: 'a.example.com' },
        { ip: '2001:db8::1', reverseLookup: 'b.example.com' },
      ],
    });
    expect(outside.updateIpReverseLookupRecords).toEqual({
      reverseLookupRecords: null,
      userErrors: [
        { field: ['input', 'reverseLookups[1]', 'ip'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
      ],
    });
    expect(records).toEqual(before);
    const v4 = ipWhere((x) => x.version === 4);
    const res = await stack().data(update, { ip: v4.ip, records: [{ ip: v4.ip, reverseLookup: 'c.example.com' }] });
    expect(res.updateIpReverseLookupRecords.userErrors[0]).toMatchObject({ code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' });
  });
});

describe('coverage', () => {
  it('reached every operation of ipMgmt.* of the reference through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    // 10 as endpoints.md counts them; the 5 of null routes are counted in ip-management.null-routes.test.ts.
    expect(reached.count()).toBe(5);
    expect(reached.missing()).toEqual([]);
  });
});

describeIf(samplesAvailable)('sample conformance: ipMgmt answers the documented shape', () => {
  const range = () => ipWhere((x) => x.version === 6 && (stack().demo.ipManagement.reverseLookups.get(x.ip) ?? []).length > 0);
  const gets: Array<[string, () => string]> = [
    ['listIps', () => '/ipMgmt/v2/ips'],
    ['inspectIp', () => `/ipMgmt/v2/ips/${ipWhere(isServer).ip}`],
    ['listReverseLookupRecords', () => `/ipMgmt/v2/ips/${range().ip}_${range().prefixLength}/reverseLookup`],
    ['listNullRoutes', () => '/ipMgmt/v2/nullRoutes'],
    ['inspectNullRoute', () => `/ipMgmt/v2/nullRoutes/${stack().demo.ipManagement.nullRoutes[0]!.id}`],
  ];
  for (const [op, path] of gets) {
    it(`ipMgmt.${op}`, async () => {
      const { status, body } = await emulatorGet(stack().emulator, path());
      expect(status).toBe(200);
      expect(shapeDifferences(body, sample(`ipMgmt.${op}`))).toEqual([]);
    });
  }

  async function send(method: string, path: string, body?: unknown) {
    const res = await fetch(stack().emulator.url + path, {
      method,
      headers: { 'x-lsw-auth': DEMO_API_KEY, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const request = (op: string) => sample(`ipMgmt.${op}.request`) as Record<string, any>;
  const writes: Array<[string, string, () => string, () => unknown, number, boolean]> = [
    ['updateIp', 'PUT', () => `/ipMgmt/v2/ips/${ipWhere((x) => x.version === 4).ip}`, () => request('updateIp'), 200, true],
    // The sample's addresses (2001:db8::) are in no range of the data set: the same records, moved into one.
    [
      'updateReverseLookupRecords',
      'PUT',
      () => `/ipMgmt/v2/ips/${range().ip}_${range().prefixLength}/reverseLookup`,
      () => ({
        reverseLookups: request('updateReverseLookupRecords').reverseLookups.map((r: any, i: number) => ({
          ...r,
          ip: range().ip.replace(/::$/, `::${i}`),
        })),
      }),
      200,
      true,
    ],
    [
      'nullRouteIp',
      'POST',
      () => `/ipMgmt/v2/ips/${ipWhere((x) => x.version === 4 && !x.nullRouted).ip}/nullRoute`,
      () => request('nullRouteIp'),
      201,
      true,
    ],
    ['removeNullRoute', 'DELETE', () => `/ipMgmt/v2/ips/${ipWhere((x) => x.nullRouted).ip}/nullRoute`, () => undefined, 204, false],
    [
      'updateNullRoute',
      'PUT',
      () => `/ipMgmt/v2/nullRoutes/${stack().demo.ipManagement.nullRoutes[0]!.id}`,
      () => request('updateNullRoute'),
      200,
      true,
    ],
  ];
  for (const [op, method, path, body, status, hasSample] of writes) {
    it(`ipMgmt.${op} takes the documented body`, async () => {
      const res = await send(method, path(), body());
      expect(res.status).toBe(status);
      if (hasSample) expect(shapeDifferences(res.body, sample(`ipMgmt.${op}`))).toEqual([]);
      else expect(res.body).toBeUndefined();
    });
  }
});
