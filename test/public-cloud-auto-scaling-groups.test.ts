import { describe, expect, it } from 'vitest';
import { routeTable } from '../src/emulator/server.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';

/**
 * Auto scaling groups end to end: reads and the edges no filter answers (target group →
 * groups and listeners, group → instances and load balancer, instance → group and target
 * groups), each with its upstream call count, and the writes with the refusals Leaseweb
 * documents (type-specific settings, a source instance in the wrong state, registering a
 * target group twice, deleting a target group a group is registered with).
 */
const stack = useStack();
const isAsgOp = (op: { id: string }) => /AutoScaling/.test(op.id);
const reached = trackOperations(
  stack,
  (op) => op.product === 'publicCloud' && isAsgOp(op),
  (suite) => !suite.includes('samples'),
);

const asgs = () => [...stack().demo.autoScalingGroups.groups.values()];
const manual = () => asgs().find((r) => r.group.type === 'MANUAL')!;
const lbs = () => [...stack().demo.loadBalancers.balancers.values()];
const tgs = () => [...stack().demo.loadBalancers.targetGroups.values()];
const instance = (id: string) => stack().demo.publicCloud.instances.get(id)!;
const live = (ids: string[]) => ids.filter((id) => instance(id).instance.state !== 'DESTROYED');
const gid = (type: string, id: string) => `gid://leaseweb/${type}/${id}`;
const ERRORS = 'userErrors { field message code leasewebCode }';
const mutate = async (name: string, type: string, input: Record<string, unknown>, selection: string) =>
  (await stack().data(`mutation($input: ${type}!) { r: ${name}(input: $input) { ${selection} } }`, { input })).r;
const byOp = () => {
  const counts: Record<string, number> = {};
  for (const c of stack().calls()) counts[c.operationId ?? c.path] = (counts[c.operationId ?? c.path] ?? 0) + 1;
  return counts;
};

describe('the demo web tier', () => {
  it('has a MANUAL group of 2 auto scaled instances, registered with the target group the shop load balancer forwards to', () => {
    const g = manual();
    expect(live(g.instanceIds)).toHaveLength(2);
    for (const id of g.instanceIds)
      expect(instance(id).instance).toMatchObject({ productType: 'AUTO_SCALED_INSTANCE', region: g.group.region });
    const tg = stack().demo.loadBalancers.targetGroups.get(g.targetGroupIds[0]!)!;
    expect(tg.targets).toEqual(expect.arrayContaining(g.instanceIds));
    expect(lbs().find((lb) => lb.lb.autoScalingGroup?.id === g.group.id)).toBeDefined();
  });
});

describe('auto scaling group reads', () => {
  it('lists the groups (filtered by an instance’s global id) and reads one by id and with node(id:)', async () => {
    const g = manual();
    const member = g.instanceIds[0]!;
    const data = await stack().data(
      `query($id: ID!, $gid: ID!, $inst: ID!) {
        all: publicCloudAutoScalingGroups(first: 10) { totalCount nodes { leasewebId type state reference desiredAmount minimumAmount } }
        of: publicCloudAutoScalingGroups(filter: { instanceId: $inst }) { nodes { leasewebId } }
        one: publicCloudAutoScalingGroup(id: $id) { id reference regionName createdAt targetGroups { leasewebId } }
        node(id: $gid) { __typename ... on PublicCloudAutoScalingGroup { leasewebId } } }`,
      { id: g.group.id, gid: gid('PublicCloudAutoScalingGroup', g.group.id), inst: gid('PublicCloudInstance', member) },
    );
    expect(data.all.totalCount).toBe(asgs().length);
    expect(data.all.nodes).toContainEqual({
      leasewebId: g.group.id,
      type: 'MANUAL',
      state: 'ACTIVE',
      reference: g.group.reference,
      desiredAmount: 2,
      minimumAmount: null,
    });
    expect(data.of.nodes).toEqual([{ leasewebId: g.group.id }]);
    expect(data.one).toEqual({
      id: gid('PublicCloudAutoScalingGroup', g.group.id),
      reference: g.group.reference,
      regionName: g.group.region,
      createdAt: new Date(g.group.createdAt).toISOString().replace('.000Z', 'Z'),
      targetGroups: g.targetGroupIds.map((leasewebId) => ({ leasewebId })),
    });
    expect(data.node).toEqual({ __typename: 'PublicCloudAutoScalingGroup', leasewebId: g.group.id });
    expect(stack().calls({ path: '/instanceId' })).toHaveLength(0);
    expect(
      stack()
        .calls()
        .find((c) => c.search.includes('instanceId='))?.search,
    ).toContain(`instanceId=${member}`);
  });

  it('an unknown id is null, an id stays inside its path segment, and a dot segment is refused before any call', async () => {
    const res = await stack().query('query($id: ID!) { a: publicCloudAutoScalingGroup(id: $id) { id } }', { id: '../instances' });
    expect(res.errors).toBeUndefined();
    expect(res.data.a).toBeNull();
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual(['/publicCloud/v1/autoScalingGroups/..%2Finstances']);
    stack().emulator.clearLog();
    const bad = await stack().query('{ a: publicCloudAutoScalingGroup(id: "..") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('edges, with their upstream calls', () => {
  it('group → instances: one list call; the instances are not read when only what the list carries is asked', async () => {
    const g = manual();
    const data = await stack().data(
      `query($id: ID!) { publicCloudAutoScalingGroup(id: $id) {
        instances { totalCount nodes { leasewebId reference state productType type regionName scalingGroup { leasewebId } ips(first: 5) { nodes { ip } } } } } }`,
      { id: g.group.id },
    );
    const nodes = data.publicCloudAutoScalingGroup.instances.nodes;
    expect(nodes.map((n: any) => n.leasewebId)).toEqual(live(g.instanceIds));
    for (const n of nodes) {
      const i = instance(n.leasewebId).instance;
      expect(n).toMatchObject({
        reference: i.reference,
        state: i.state,
        productType: 'AUTO_SCALED_INSTANCE',
        type: i.type,
        regionName: i.region,
      });
      expect(n.scalingGroup).toEqual({ leasewebId: g.group.id });
      expect(n.ips.nodes.map((x: any) => x.ip)).toEqual((stack().demo.ipManagement.byEquipment.get(n.leasewebId) ?? []).map((r) => r.ip));
    }
    // Detail, instance list, one ipMgmt call for every instance's IPs; no GET /instances/{id}.
    expect(byOp()).toEqual({
      'publicCloud.getAutoScalingGroupDetails': 1,
      'publicCloud.listAutoScalingGroupInstances': 1,
      'ipMgmt.listIps': 1,
    });
  });

  it('group → instances’ contract and image: one GET /instances/{id} per instance, as the list does not carry them', async () => {
    const g = manual();
    const data = await stack().data(
      `query($id: ID!) { publicCloudAutoScalingGroup(id: $id) { instances { nodes { leasewebId contract { type } image { leasewebId } } } } }`,
      { id: g.group.id },
    );
    const nodes = data.publicCloudAutoScalingGroup.instances.nodes;
    for (const n of nodes) expect(n.image.leasewebId).toBe(instance(n.leasewebId).instance.image.id);
    expect(stack().calls({ path: /^\/publicCloud\/v1\/instances\/[^/]+$/ })).toHaveLength(nodes.length);
  });

  it('group → load balancer: the load balancer list read once, whatever the number of groups', async () => {
    const data = await stack().data(
      '{ publicCloudAutoScalingGroups(first: 10) { nodes { leasewebId regionName loadBalancer { leasewebId reference scalingGroup { leasewebId } } } } }',
    );
    for (const n of data.publicCloudAutoScalingGroups.nodes) {
      const lb = lbs().find((r) => r.lb.autoScalingGroup?.id === n.leasewebId);
      expect(n.loadBalancer).toEqual(
        lb ? { leasewebId: lb.lb.id, reference: lb.lb.reference, scalingGroup: { leasewebId: n.leasewebId } } : null,
      );
    }
    expect(data.publicCloudAutoScalingGroups.nodes.some((n: any) => n.loadBalancer)).toBe(true);
    // The load balancer list read once for every group, whatever their regions.
    expect(byOp()).toEqual({ 'publicCloud.getAutoScalingGroupList': 1, 'publicCloud.getLoadBalancerList': 1 });
  });

  it('target groups → auto scaling groups and listeners: both lists read once, then the details and listeners of those in the groups’ regions', async () => {
    const data = await stack().data(
      `{ publicCloudTargetGroups(first: 50) { nodes { leasewebId regionName
        autoScalingGroups { leasewebId } listeners { leasewebId port loadBalancer { leasewebId } } } } }`,
    );
    for (const n of data.publicCloudTargetGroups.nodes) {
      const expected = asgs().filter((r) => r.targetGroupIds.includes(n.leasewebId));
      expect(n.autoScalingGroups).toEqual(expected.map((r) => ({ leasewebId: r.group.id })));
      const listeners = lbs().flatMap((lb) =>
        lb.listeners
          .filter((l) => l.rules.some((x) => x.targetGroupId === n.leasewebId))
          .map((l) => ({ leasewebId: l.id, port: l.port, loadBalancer: { leasewebId: lb.lb.id } })),
      );
      expect(n.listeners).toEqual(listeners);
    }
    const regions = new Set(tgs().map((g) => g.group.region));
    const groupsInRegions = asgs().filter((r) => regions.has(r.group.region)).length;
    const lbsInRegions = lbs().filter((r) => regions.has(r.lb.region)).length;
    expect(byOp()).toEqual({
      'publicCloud.getTargetGroupList': 1,
      'publicCloud.getAutoScalingGroupList': 1,
      'publicCloud.getAutoScalingGroupDetails': groupsInRegions,
      'publicCloud.getLoadBalancerList': 1,
      'publicCloud.getListenerList': lbsInRegions,
    });
  });

  it('instances → auto scaling group and target groups: the list embeds the group; the target group list once, then the targets of those in the instances’ regions', async () => {
    const data = await stack().data(
      '{ publicCloudInstances(first: 50) { nodes { leasewebId regionName scalingGroup { leasewebId reference } targetGroups { leasewebId } } } }',
    );
    const nodes = data.publicCloudInstances.nodes;
    for (const n of nodes) {
      const g = asgs().find((r) => r.instanceIds.includes(n.leasewebId) && instance(n.leasewebId).instance.autoScalingGroup);
      expect(n.scalingGroup).toEqual(g ? { leasewebId: g.group.id, reference: g.group.reference } : null);
      expect(n.targetGroups).toEqual(
        tgs()
          .filter((t) => t.targets.includes(n.leasewebId))
          .map((t) => ({ leasewebId: t.group.id })),
      );
    }
    expect(nodes.some((n: any) => n.scalingGroup) && nodes.some((n: any) => n.targetGroups.length)).toBe(true);
    const regions = new Set(nodes.map((n: any) => n.regionName));
    const groupsInRegions = tgs().filter((t) => regions.has(t.group.region)).length;
    expect(byOp()).toEqual({
      'publicCloud.getInstanceList': 1,
      'publicCloud.getTargetGroupList': 1,
      'publicCloud.listTargets': groupsInRegions,
    });
  });
});

describe('cost of the unpaged reverse edges', () => {
  it('counts each as 5 items (@listSize), so a fan-out through them is refused before any call', async () => {
    const small = await stack().query(
      '{ publicCloudInstances(first: 10) { nodes { targetGroups { targets(first: 10) { nodes { instanceId } } } } } }',
    );
    expect(small.errors).toBeUndefined();
    // 1 + 10 instances × (nodes 1 + targetGroups: 1 + 5 groups × (targets: 1 + 10 × (nodes 1 + instanceId 1))).
    expect(small.extensions?.cost?.requested).toBe(1 + 10 * (1 + 1 + 5 * (1 + 10 * 2)));
    stack().emulator.clearLog();
    const wide = await stack().query(
      '{ publicCloudInstances(first: 100) { nodes { targetGroups { targets(first: 100) { nodes { instanceId } } } } } }',
    );
    expect(wide.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('auto scaling group writes', () => {
  const source = () =>
    [...stack().demo.publicCloud.instances.values()].find(
      (r) => r.instance.region === 'eu-west-3' && r.instance.state === 'RUNNING' && r.instance.productType === 'INSTANCE',
    )!;
  const G = `autoScalingGroup { leasewebId state type desiredAmount targetGroups { leasewebId } } ${ERRORS}`;

  it('creates a MANUAL group from an instance, scales it, registers it with a target group (twice is refused) and deletes it', async () => {
    const created = await mutate(
      'createPublicCloudAutoScalingGroup',
      'CreatePublicCloudAutoScalingGroupInput',
      { instanceId: gid('PublicCloudInstance', source().instance.id), reference: 'blue', type: 'MANUAL', desiredAmount: 2 },
      G,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.autoScalingGroup).toMatchObject({ state: 'CREATING', type: 'MANUAL', desiredAmount: 2, targetGroups: [] });
    const id = created.autoScalingGroup.leasewebId;
    const record = stack().demo.autoScalingGroups.groups.get(id)!;
    expect(live(record.instanceIds)).toHaveLength(2);
    expect(stack().calls({ method: 'POST' })).toHaveLength(1);

    const scaled = await mutate(
      'updatePublicCloudAutoScalingGroup',
      'UpdatePublicCloudAutoScalingGroupInput',
      { autoScalingGroupId: id, desiredAmount: 3 },
      G,
    );
    expect(scaled).toMatchObject({ autoScalingGroup: { state: 'ACTIVE', desiredAmount: 3 }, userErrors: [] });
    expect(live(record.instanceIds)).toHaveLength(3);

    const tg = tgs().find((t) => t.group.region === 'eu-west-3' && !t.autoScalingGroupIds.length)!;
    const input = { autoScalingGroupId: gid('PublicCloudAutoScalingGroup', id), targetGroupId: tg.group.id };
    const reg = await mutate('registerPublicCloudAutoScalingGroupTargetGroup', 'PublicCloudAutoScalingGroupTargetGroupInput', input, G);
    expect(reg).toMatchObject({ autoScalingGroup: { targetGroups: [{ leasewebId: tg.group.id }] }, userErrors: [] });
    expect(tg.targets).toEqual(expect.arrayContaining(live(record.instanceIds)));
    const twice = await mutate('registerPublicCloudAutoScalingGroupTargetGroup', 'PublicCloudAutoScalingGroupTargetGroupInput', input, G);
    expect(twice.autoScalingGroup).toBeNull();
    expect(twice.userErrors[0]).toMatchObject({ field: ['input', 'targetGroupId'], code: 'INVALID' });

    const inUse = await mutate(
      'deletePublicCloudTargetGroup',
      'PublicCloudTargetGroupInput',
      { targetGroupId: tg.group.id },
      `deletedId ${ERRORS}`,
    );
    expect(inUse.deletedId).toBeNull();
    expect(inUse.userErrors[0]).toMatchObject({ field: ['input', 'targetGroupId'], code: 'INVALID' });
    expect(stack().demo.loadBalancers.targetGroups.has(tg.group.id)).toBe(true);

    const dereg = await mutate('deregisterPublicCloudAutoScalingGroupTargetGroup', 'PublicCloudAutoScalingGroupTargetGroupInput', input, G);
    expect(dereg).toMatchObject({ autoScalingGroup: { targetGroups: [] }, userErrors: [] });
    expect(tg.targets.some((t) => record.instanceIds.includes(t))).toBe(false);

    const members = [...record.instanceIds];
    const del = await mutate(
      'deletePublicCloudAutoScalingGroup',
      'PublicCloudAutoScalingGroupInput',
      { autoScalingGroupId: id },
      `deletedId ${ERRORS}`,
    );
    expect(del).toEqual({ deletedId: gid('PublicCloudAutoScalingGroup', id), userErrors: [] });
    expect(stack().demo.autoScalingGroups.groups.has(id)).toBe(false);
    for (const m of members) expect(instance(m).instance.state).toBe('DESTROYED');
    // Writes are never retried: one call each.
    expect(stack().calls({ method: 'POST' })).toHaveLength(4);
  });

  it('refuses what Leaseweb refuses, as user errors, and changes nothing', async () => {
    const before = asgs().length;
    const missing = await mutate(
      'createPublicCloudAutoScalingGroup',
      'CreatePublicCloudAutoScalingGroupInput',
      { instanceId: source().instance.id, reference: 'cpu', type: 'CPU_BASED', minimumAmount: 1 },
      G,
    );
    expect(missing.autoScalingGroup).toBeNull();
    expect(missing.userErrors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining([
        ['input', 'maximumAmount'],
        ['input', 'cpuThreshold'],
        ['input', 'warmupTime'],
        ['input', 'cooldownTime'],
      ]),
    );
    const destroyed = [...stack().demo.publicCloud.instances.values()].find(
      (r) => r.instance.state !== 'RUNNING' && r.instance.state !== 'STOPPED',
    );
    const src = destroyed ?? source();
    if (!destroyed) src.instance.state = 'DESTROYING';
    const wrongState = await mutate(
      'createPublicCloudAutoScalingGroup',
      'CreatePublicCloudAutoScalingGroupInput',
      { instanceId: src.instance.id, reference: 'x', type: 'MANUAL', desiredAmount: 1 },
      G,
    );
    expect(wrongState.userErrors[0]).toMatchObject({ field: ['input', 'instanceId'], code: 'INVALID' });
    const g = manual();
    const otherType = await mutate(
      'updatePublicCloudAutoScalingGroup',
      'UpdatePublicCloudAutoScalingGroupInput',
      { autoScalingGroupId: g.group.id, cpuThreshold: 50 },
      G,
    );
    expect(otherType.userErrors[0]).toMatchObject({ field: ['input', 'cpuThreshold'], code: 'INVALID' });
    const range = await mutate(
      'updatePublicCloudAutoScalingGroup',
      'UpdatePublicCloudAutoScalingGroupInput',
      { autoScalingGroupId: g.group.id, desiredAmount: 0 },
      G,
    );
    expect(range.userErrors[0]).toMatchObject({ field: ['input', 'desiredAmount'], code: 'INVALID' });
    const farTg = tgs().find((t) => t.group.region !== g.group.region)!;
    const region = await mutate(
      'registerPublicCloudAutoScalingGroupTargetGroup',
      'PublicCloudAutoScalingGroupTargetGroupInput',
      { autoScalingGroupId: g.group.id, targetGroupId: farTg.group.id },
      G,
    );
    expect(region.userErrors[0]).toMatchObject({ field: ['input', 'targetGroupId'], code: 'INVALID' });
    const gone = await mutate(
      'deletePublicCloudAutoScalingGroup',
      'PublicCloudAutoScalingGroupInput',
      { autoScalingGroupId: '6a0a9a52-1111-4111-8111-111111111111' },
      `deletedId ${ERRORS}`,
    );
    expect(gone.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(asgs()).toHaveLength(before);
    expect(g.group.desiredAmount).toBe(2);
    expect(live(g.instanceIds)).toHaveLength(2);
  });
});

describeIf(samplesAvailable)('auto scaling group emulator answers match the documented samples', () => {
  it('serves every read with the documented shape', async () => {
    const g = manual();
    const gets: Record<string, string> = {
      getAutoScalingGroupList: '/publicCloud/v1/autoScalingGroups',
      getAutoScalingGroupDetails: `/publicCloud/v1/autoScalingGroups/${g.group.id}`,
      listAutoScalingGroupInstances: `/publicCloud/v1/autoScalingGroups/${g.group.id}/instances`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('serves and reaches the 8 auto scaling group operations through GraphQL', (ctx) => {
    expect(routeTable().filter((op) => op.product === 'publicCloud' && isAsgOp(op))).toHaveLength(8);
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(8);
    expect(reached.missing()).toEqual([]);
  });
});
