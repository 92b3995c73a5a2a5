import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { NULL_ROUTE_OPS, ipHelpers } from './support/ips.js';
import { useStack } from './support/stack.js';

/**
 * IP Management's null routes (`ipMgmt.nullRouteIp`, `removeNullRoute`, `listNullRoutes`,
 * `inspectNullRoute`, `updateNullRoute`) through GraphQL over HTTP, answers checked against
 * the emulator's data set.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => NULL_ROUTE_OPS.has(op.id),
  () => true,
);
const { ipWhere, isServer, sorted, USER_ERRORS } = ipHelpers(stack);

describe('null routes (ipMgmt.nullRouteIp, removeNullRoute, listNullRoutes, inspectNullRoute, updateNullRoute)', () => {
  const ROUTE =
    'nullRoute { id leasewebId ipAddress active nulledBy nullLevel comment ticketId automatedUnnullingAt unnulledAt unnulledBy equipmentId assignedContractId ip { ip nullRouted } equipment { __typename leasewebId } }';

  it('null routes an IP, inspects the route, and lifts it', async () => {
    const r = ipWhere((x) => isServer(x) && !x.nullRouted && x.version === 4 && x.networkType === 'PUBLIC');
    const created = await stack().data(
      `mutation($ip: IPAddress!) { nullRouteIp(input: { ip: $ip, comment: "test attack", ticketId: "T-1", automatedUnnullingAt: "2030-01-01T00:00:00Z" }) { ${ROUTE} ${USER_ERRORS} } }`,
      { ip: r.ip },
    );
    const route = created.nullRouteIp.nullRoute;
    expect(created.nullRouteIp.userErrors).toEqual([]);
    expect(route).toEqual({
      id: `gid://leaseweb/NullRoute/${route.leasewebId}`,
      leasewebId: expect.stringMatching(/^\d+$/),
      ipAddress: r.ip,
      active: true,
      nulledBy: expect.any(String),
      nullLevel: r.nullLevel,
      comment: 'test attack',
      ticketId: 'T-1',
      automatedUnnullingAt: '2030-01-01T00:00:00Z',
      unnulledAt: null,
      unnulledBy: null,
      equipmentId: r.equipmentId,
      assignedContractId: r.assignedContract!.id,
      ip: { ip: r.ip, nullRouted: true },
      equipment: { __typename: 'DedicatedServer', leasewebId: r.equipmentId },
    });
    expect(r.nullRouted).toBe(true);

    const again = await stack().data(`mutation($ip: IPAddress!) { nullRouteIp(input: { ip: $ip }) { nullRoute { id } ${USER_ERRORS} } }`, {
      ip: r.ip,
    });
    expect(again.nullRouteIp.userErrors[0]).toMatchObject({ field: ['input', 'ip'], code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' });

    const inspected = await stack().data(
      `query($id: ID!) { nullRoute(id: $id) { leasewebId active comment } byGid: nullRoute(id: "${route.id}") { leasewebId } unknown: nullRoute(id: "1") { leasewebId } }`,
      { id: route.leasewebId },
    );
    expect(inspected).toEqual({
      nullRoute: { leasewebId: route.leasewebId, active: true, comment: 'test attack' },
      byGid: { leasewebId: route.leasewebId },
      unknown: null,
    });

    const removed = await stack().data(
      `mutation($ip: IPAddress!) { removeIpNullRoute(input: { ip: $ip }) { ip { ip nullRouted nullLevel } ${USER_ERRORS} } }`,
      { ip: r.ip },
    );
    expect(removed.removeIpNullRoute).toEqual({ ip: { ip: r.ip, nullRouted: false, nullLevel: null }, userErrors: [] });
    const lifted = await stack().data(`query($id: ID!) { nullRoute(id: $id) { active unnulledAt unnulledBy } }`, { id: route.leasewebId });
    expect(lifted.nullRoute).toEqual({ active: false, unnulledAt: expect.any(String), unnulledBy: expect.any(String) });
    const twice = await stack().data(`mutation($ip: IPAddress!) { removeIpNullRoute(input: { ip: $ip }) { ${USER_ERRORS} } }`, {
      ip: r.ip,
    });
    expect(twice.removeIpNullRoute.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      stack()
        .calls()
        .filter((c) => c.method !== 'GET')
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([
      `POST /ipMgmt/v2/ips/${r.ip}/nullRoute`,
      `POST /ipMgmt/v2/ips/${r.ip}/nullRoute`,
      `DELETE /ipMgmt/v2/ips/${r.ip}/nullRoute`,
      `DELETE /ipMgmt/v2/ips/${r.ip}/nullRoute`,
    ]);
  });

  it("updates a null route's comment, ticket and automatic lifting time", async () => {
    const route = stack().demo.ipManagement.nullRoutes.find(
      (n) => !n.unnulledAt && n.equipmentId && stack().demo.dedicatedServers.servers.has(n.equipmentId),
    )!;
    const data = await stack().data(
      `mutation($id: ID!) { updateNullRoute(input: { id: $id, comment: "updated by test", ticketId: "T-2", automatedUnnullingAt: "2031-02-03T04:05:06Z" }) {
      nullRoute { leasewebId comment ticketId automatedUnnullingAt active } ${USER_ERRORS} } }`,
      { id: `gid://leaseweb/NullRoute/${route.id}` },
    );
    expect(data.updateNullRoute).toEqual({
      nullRoute: {
        leasewebId: route.id,
        comment: 'updated by test',
        ticketId: 'T-2',
        automatedUnnullingAt: '2031-02-03T04:05:06Z',
        active: true,
      },
      userErrors: [],
    });
    expect(route).toMatchObject({ comment: 'updated by test', ticketId: 'T-2', automatedUnnullingAt: '2031-02-03T04:05:06Z' });
    const read = await stack().data(
      `query($ticket: String) { nullRoutes(filter: { ticketId: $ticket }) { nodes { leasewebId comment } } }`,
      { ticket: 'T-2' },
    );
    expect(read.nullRoutes.nodes).toEqual([{ leasewebId: route.id, comment: 'updated by test' }]);
    const unknown = await stack().data(`mutation { updateNullRoute(input: { id: "1", comment: "x" }) { ${USER_ERRORS} } }`);
    expect(unknown.updateNullRoute.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    stack().emulator.clearLog();
    const wrongType = await stack().data(
      `mutation { updateNullRoute(input: { id: "gid://leaseweb/DedicatedServer/1", comment: "x" }) { ${USER_ERRORS} } }`,
    );
    expect(wrongType.updateNullRoute.userErrors).toEqual([
      { field: ['input', 'id'], message: expect.any(String), code: 'INVALID', leasewebCode: null },
    ]);
    expect(stack().calls()).toHaveLength(0);
  });

  const NULL_ROUTES = `query($filter: NullRouteFilter, $sort: [NullRouteSort!]) { nullRoutes(first: 100, filter: $filter, sort: $sort) {
    totalCount nodes { leasewebId ipAddress nulledAt unnulledAt nulledBy unnulledBy ticketId equipmentId assignedContractId } } }`;
  const routes = () => stack().demo.ipManagement.nullRoutes;
  const filters: Array<[string, () => { filter: Record<string, unknown>; expected: string[] }]> = [
    [
      'fromIp/toIp',
      () => {
        const ip = routes()[0]!.ip;
        return {
          filter: { fromIp: ip, toIp: ip },
          expected: routes()
            .filter((n) => n.ip === ip)
            .map((n) => n.id),
        };
      },
    ],
    [
      'fromDate',
      () => {
        const cut = '2025-12-15';
        return {
          filter: { fromDate: cut },
          expected: routes()
            .filter((n) => !n.unnulledAt || Date.parse(n.unnulledAt) >= Date.parse(cut))
            .map((n) => n.id),
        };
      },
    ],
    [
      'toDate',
      () => {
        const cut = '2025-12-01';
        return {
          filter: { toDate: cut },
          expected: routes()
            .filter((n) => Date.parse(n.nulledAt) <= Date.parse(cut))
            .map((n) => n.id),
        };
      },
    ],
    [
      'nulledBy',
      () => {
        const by = routes().find((n) => n.ticketId)!.nulledBy;
        return {
          filter: { nulledBy: by },
          expected: routes()
            .filter((n) => n.nulledBy === by)
            .map((n) => n.id),
        };
      },
    ],
    [
      'unnulledBy',
      () => {
        const by = routes().find((n) => n.unnulledBy)!.unnulledBy!;
        return {
          filter: { unnulledBy: by },
          expected: routes()
            .filter((n) => n.unnulledBy === by)
            .map((n) => n.id),
        };
      },
    ],
    [
      'ticketId',
      () => {
        const t = routes().find((n) => n.ticketId)!.ticketId!;
        return {
          filter: { ticketId: t },
          expected: routes()
            .filter((n) => n.ticketId === t)
            .map((n) => n.id),
        };
      },
    ],
    [
      'contractId',
      () => {
        const c = routes()[1]!.assignedContract!.id;
        return {
          filter: { contractId: c },
          expected: routes()
            .filter((n) => n.assignedContract?.id === c)
            .map((n) => n.id),
        };
      },
    ],
    [
      'equipmentId',
      () => {
        const e = routes()[2]!.equipmentId!;
        return {
          filter: { equipmentId: e },
          expected: routes()
            .filter((n) => n.equipmentId === e)
            .map((n) => n.id),
        };
      },
    ],
  ];
  for (const [name, build] of filters) {
    it(`lists null routes filtered by ${name}`, async () => {
      const { filter, expected } = build();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(routes().length);
      const data = await stack().data(NULL_ROUTES, { filter });
      expect(data.nullRoutes.totalCount).toBe(expected.length);
      expect(sorted(data.nullRoutes.nodes.map((n: any) => n.leasewebId))).toEqual(sorted(expected));
      const params = Object.fromEntries(new URLSearchParams(stack().calls({ path: '/ipMgmt/v2/nullRoutes' })[0]!.search));
      for (const [k, v] of Object.entries(filter)) expect(params[k]).toBe(v);
    });
  }

  it('lists null routes newest first by default, and sorts as asked', async () => {
    const all = routes();
    const byDefault = await stack().data(NULL_ROUTES);
    expect(byDefault.nullRoutes.totalCount).toBe(all.length);
    const times = (data: any) => data.nullRoutes.nodes.map((n: any) => Date.parse(n.nulledAt));
    expect(times(byDefault)).toEqual([...times(byDefault)].sort((a, b) => b - a));
    const ascending = await stack().data(NULL_ROUTES, { sort: [{ field: 'NULLED_AT' }] });
    expect(times(ascending)).toEqual([...times(byDefault)].sort((a, b) => a - b));
    expect(new URLSearchParams(stack().calls({ path: '/nullRoutes' })[1]!.search).get('sort')).toBe('nulledAt');
  });

  it('gives an IP its null-route history, newest first (Ip.nullRouteHistory)', async () => {
    // An IP with a lifted null route gets a second, active one: the history then has both.
    const r = ipWhere((x) => isServer(x) && !x.nullRouted && routes().some((n) => n.ip === x.ip));
    await stack().data(`mutation($ip: IPAddress!) { nullRouteIp(input: { ip: $ip, comment: "second" }) { ${USER_ERRORS} } }`, { ip: r.ip });
    stack().emulator.clearLog();
    const mine = routes()
      .filter((n) => n.ip === r.ip)
      .sort((a, b) => Date.parse(b.nulledAt) - Date.parse(a.nulledAt));
    const data = await stack().data(
      `query($ip: IPAddress!) { ip(ip: $ip) { nullRouted nullRouteHistory { totalCount nodes { leasewebId active comment } } } }`,
      { ip: r.ip },
    );
    expect(mine).toHaveLength(2);
    expect(data.ip.nullRouted).toBe(true);
    expect(data.ip.nullRouteHistory.nodes[0].comment).toBe('second');
    expect(data.ip.nullRouteHistory).toEqual({
      totalCount: mine.length,
      nodes: mine.map((n) => ({ leasewebId: n.id, active: !n.unnulledAt, comment: n.comment })),
    });
    const params = Object.fromEntries(new URLSearchParams(stack().calls({ path: '/nullRoutes' })[0]!.search));
    expect(params).toMatchObject({ fromIp: r.ip, toIp: r.ip, sort: '-nulledAt' });
  });
});

describe('coverage', () => {
  it('reached every null-route operation of ipMgmt.* through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(5);
    expect(reached.missing()).toEqual([]);
  });
});
