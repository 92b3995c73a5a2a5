import { describe, expect, it } from 'vitest';
import { trackOperations } from './support/operations.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { useStack } from './support/stack.js';

/**
 * Floating IPs end to end: ranges and definitions, the writes (create, update, remove,
 * toggle), and the edges: definition → anchor IP → its server ("which server does this
 * floating IP point at now"), server → the floating IPs anchored on it.
 */
// A batch waits for its sibling calls at most `batchWaitMs` (50 ms by default), a bound for
// unrelated slow calls; here it is far above any answer time, so the call counts are exact.
const stack = useStack({ gateway: { upstream: { batchWaitMs: 5_000 } } });
const reached = trackOperations(
  stack,
  (op) => op.product === 'floatingIps',
  (suite) => !suite.startsWith('sample conformance'),
);

const ranges = () => [...stack().demo.floatingIps.ranges.values()];
const site = () => ranges().find((r) => r.range.type === 'SITE')!;
const serverOf = (address: string) =>
  [...stack().demo.ipManagement.ips.values()].find((i) => i.ip === address.split('/')[0])?.equipmentId ?? null;
const defGid = (rangeId: string, id: string) => `gid://leaseweb/FloatingIpDefinition/${rangeId}/${id}`;
const DEF = 'definition { id floatingIp anchorIpAddress passiveAnchorIpAddress } userErrors { field code }';

describe('floating IPs', () => {
  it('lists ranges (filtered by type) and their definitions', async () => {
    const data = await stack()
      .data(`{ all: floatingIpRanges { totalCount nodes { leasewebId range type location definitions { totalCount nodes { leasewebId floatingIp status } } } }
      metro: floatingIpRanges(type: METRO) { nodes { leasewebId } } }`);
    expect(data.all.nodes).toEqual(
      ranges().map((r) => ({
        leasewebId: r.range.id,
        range: r.range.range,
        type: r.range.type,
        location: r.range.location,
        definitions: {
          totalCount: r.definitions.length,
          nodes: r.definitions.map((x) => ({ leasewebId: x.id, floatingIp: x.floatingIp, status: x.status })),
        },
      })),
    );
    expect(data.metro.nodes).toEqual(
      ranges()
        .filter((r) => r.range.type === 'METRO')
        .map((r) => ({ leasewebId: r.range.id })),
    );
    expect(stack().calls({ path: /^\/floatingIps\/v2\/ranges$/ })).toHaveLength(2);
  });

  it('creates, updates, toggles and removes a definition; each answer is the definition as it now is', async () => {
    const r = site();
    const [a, b] = r.definitions.map((x) => x.anchorIp);
    const C = `mutation($input: CreateFloatingIpDefinitionInput!) { r: createFloatingIpDefinition(input: $input) { ${DEF} } }`;
    const created = await stack().data(C, { input: { rangeId: r.range.id, floatingIp: '88.17.0.5/32', anchorIp: a, passiveAnchorIp: b } });
    const id = defGid(r.range.id, '88.17.0.5_32');
    expect(created.r).toEqual({
      definition: { id, floatingIp: '88.17.0.5/32', anchorIpAddress: a, passiveAnchorIpAddress: b },
      userErrors: [],
    });
    const outside = await stack().data(C, { input: { rangeId: r.range.id, floatingIp: '10.0.0.1/32', anchorIp: a } });
    expect(outside.r.userErrors[0]).toMatchObject({ field: ['input', 'floatingIp'], code: 'INVALID' });

    const U = `mutation($input: UpdateFloatingIpDefinitionInput!) { r: updateFloatingIpDefinition(input: $input) { ${DEF} } }`;
    expect((await stack().data(U, { input: { definitionId: id, anchorIp: b, passiveAnchorIp: a } })).r.definition).toMatchObject({
      anchorIpAddress: b,
      passiveAnchorIpAddress: a,
    });
    const T = `mutation($input: FloatingIpDefinitionInput!) { r: toggleFloatingIpAnchor(input: $input) { ${DEF} } }`;
    expect((await stack().data(T, { input: { definitionId: id } })).r.definition).toMatchObject({
      anchorIpAddress: a,
      passiveAnchorIpAddress: b,
    });
    const D =
      'mutation($input: FloatingIpDefinitionInput!) { r: removeFloatingIpDefinition(input: $input) { deletedId userErrors { code } } }';
    expect((await stack().data(D, { input: { definitionId: id } })).r).toEqual({ deletedId: id, userErrors: [] });
    expect((await stack().data(D, { input: { definitionId: id } })).r.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await stack().data(D, { input: { definitionId: 'gid://leaseweb/FloatingIpRange/88.17.0.0_17' } });
    expect(bad.r.userErrors[0]).toMatchObject({ code: 'INVALID' });
    expect(
      stack()
        .calls()
        .filter((c) => c.method !== 'GET')
        .map((c) => `${c.method} ${c.operationId}`),
    ).toEqual([
      'POST floatingIps.createRangeDefinition',
      'POST floatingIps.createRangeDefinition',
      'PUT floatingIps.updateRangeDefinition',
      'POST floatingIps.toggleAnchorIp',
      'DELETE floatingIps.removeRangeDefinition',
      'DELETE floatingIps.removeRangeDefinition',
    ]);
  });
});

describe('floating IP edges', () => {
  it('definition → anchor IP → server: the anchors batched into one ipMgmt ?ips= call, the servers from their list', async () => {
    const r = site();
    const data = await stack().data(
      `query($id: ID!) { floatingIpRange(id: $id) { definitions { nodes { floatingIp
        anchorIp { ip equipment { __typename ... on DedicatedServer { leasewebId } } }
        passiveAnchorIp { ip equipment { __typename ... on DedicatedServer { leasewebId } } } } } } }`,
      { id: r.range.id },
    );
    expect(data.floatingIpRange.definitions.nodes).toEqual(
      r.definitions.map((x) => ({
        floatingIp: x.floatingIp,
        anchorIp: { ip: x.anchorIp, equipment: { __typename: 'DedicatedServer', leasewebId: serverOf(x.anchorIp) } },
        passiveAnchorIp: { ip: x.passiveAnchorIp, equipment: { __typename: 'DedicatedServer', leasewebId: serverOf(x.passiveAnchorIp!) } },
      })),
    );
    const servers = new Set(r.definitions.flatMap((x) => [serverOf(x.anchorIp), serverOf(x.passiveAnchorIp!)]));
    expect(stack().calls({ path: '/ipMgmt/v2/ips' })).toHaveLength(1);
    // The range, its definitions, one ipMgmt call, and the servers (several, no batch
    // endpoint): the server list's one page (64 servers) rather than one GET per server.
    expect(servers.size).toBeGreaterThan(1);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers$/ })).toHaveLength(1);
    expect(stack().calls()).toHaveLength(2 + 1 + 1);
  });

  it('every range → definitions → anchor IP → server: the anchors of all ranges in one ipMgmt call', async () => {
    const data = await stack().data(`{ floatingIpRanges { nodes { leasewebId definitions { nodes { floatingIp
      anchorIp { ip equipment { ... on DedicatedServer { leasewebId } } } } } } } }`);
    expect(data.floatingIpRanges.nodes).toEqual(
      ranges().map((r) => ({
        leasewebId: r.range.id,
        definitions: {
          nodes: r.definitions.map((x) => ({
            floatingIp: x.floatingIp,
            anchorIp: { ip: x.anchorIp, equipment: { leasewebId: serverOf(x.anchorIp) } },
          })),
        },
      })),
    );
    expect(ranges().filter((r) => r.definitions.length > 0).length).toBeGreaterThan(1);
    // The definition lists answer at different times; their anchors still go in one call.
    expect(stack().calls({ path: '/ipMgmt/v2/ips' })).toHaveLength(1);
    // Their servers too, in one read of the server list (one page) for all of them.
    const servers = new Set(ranges().flatMap((r) => r.definitions.map((x) => serverOf(x.anchorIp))));
    expect(servers.size).toBeGreaterThan(1);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers$/ })).toHaveLength(1);
    expect(stack().calls()).toHaveLength(1 + ranges().length + 1 + 1);
  });

  it('toggling the anchor shows in the next read: the floating IP now points at the other server', async () => {
    const r = site();
    const x = r.definitions[0]!;
    const id = defGid(r.range.id, x.id);
    const Q =
      'query($id: ID!) { node(id: $id) { ... on FloatingIpDefinition { anchorIp { equipment { ... on DedicatedServer { leasewebId } } } } } }';
    const before = (await stack().data(Q, { id })).node.anchorIp.equipment.leasewebId;
    expect(before).toBe(serverOf(x.anchorIp));
    const passive = serverOf(x.passiveAnchorIp!);
    const T =
      'mutation($input: FloatingIpDefinitionInput!) { r: toggleFloatingIpAnchor(input: $input) { definition { anchorIp { equipment { ... on DedicatedServer { leasewebId } } } } } }';
    expect((await stack().data(T, { input: { definitionId: id } })).r.definition.anchorIp.equipment.leasewebId).toBe(passive);
    expect((await stack().data(Q, { id })).node.anchorIp.equipment.leasewebId).toBe(passive);
    await stack().data(T, { input: { definitionId: id } });
  });

  it('server → the floating IPs anchored on it: every range and its definitions listed once per request', async () => {
    const x = site().definitions[0]!;
    const serverId = serverOf(x.anchorIp)!;
    const other = serverOf(x.passiveAnchorIp!)!;
    const data = await stack().data(
      'query($a: ID!, $b: ID!) { a: dedicatedServer(id: $a) { floatingIpDefinitions { floatingIp } } b: dedicatedServer(id: $b) { floatingIpDefinitions { floatingIp } } }',
      { a: serverId, b: other },
    );
    const anchoredOn = (id: string) =>
      ranges()
        .flatMap((r) => r.definitions)
        .filter((d) => serverOf(d.anchorIp) === id || serverOf(d.passiveAnchorIp!) === id)
        .map((d) => ({ floatingIp: d.floatingIp }));
    expect(data.a.floatingIpDefinitions).toEqual(anchoredOn(serverId));
    expect(data.b.floatingIpDefinitions).toEqual(anchoredOn(other));
    expect(stack().calls({ path: /^\/floatingIps\/v2\/ranges$/ })).toHaveLength(1);
    expect(stack().calls({ path: /floatingIpDefinitions$/ })).toHaveLength(ranges().length);
    expect(stack().calls({ path: '/ipMgmt/v2/ips' })).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('reached every floating IP operation through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.missing()).toEqual([]);
    expect(reached.count()).toBe(8);
  });
});

describeIf(samplesAvailable)('sample conformance: floating IPs', () => {
  it('serves the reads with the documented shapes', async () => {
    const r = site();
    const gets: Record<string, string> = {
      listRanges: '/floatingIps/v2/ranges',
      inspectRange: `/floatingIps/v2/ranges/${r.range.id}`,
      listRangeDefinitions: `/floatingIps/v2/ranges/${r.range.id}/floatingIpDefinitions`,
      inspectRangeDefinition: `/floatingIps/v2/ranges/${r.range.id}/floatingIpDefinitions/${r.definitions[0]!.id}`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`floatingIps.${op}`)), op).toEqual([]);
    }
  });
});
