import { describe, expect, it } from 'vitest';
import { routeTable } from '../src/emulator/server.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';

/**
 * Target groups and targets end to end: the web tier read in one query (load balancer →
 * listeners → rule → target group → targets → instance and health) with its call count,
 * the writes and the refusals Leaseweb documents (a group in use, a target twice).
 */
const stack = useStack();
const isTgOp = (op: { id: string }) => /TargetGroup|Targets$/.test(op.id) && !/AutoScaling/.test(op.id);
const reached = trackOperations(
  stack,
  (op) => op.product === 'publicCloud' && isTgOp(op),
  (suite) => !suite.includes('samples'),
);

const groups = () => [...stack().demo.loadBalancers.targetGroups.values()];
const ERRORS = 'userErrors { field message code leasewebCode }';
const mutate = async (name: string, type: string, input: Record<string, unknown>, selection: string) =>
  (await stack().data(`mutation($input: ${type}!) { r: ${name}(input: $input) { ${selection} } }`, { input })).r;

describe('the web tier in one query', () => {
  it('load balancers → listeners → target groups → targets → instance names, in 1 + LBs + groups + target lists calls', async () => {
    const data = await stack()
      .data(`{ publicCloudLoadBalancers(first: 5) { nodes { leasewebId listeners(first: 5) { nodes { port rules { targetGroup { leasewebId name
      targets(first: 10) { totalCount nodes { instanceId healthState instance { leasewebId reference state } } } } } } } } } }`);
    const lbs = [...stack().demo.loadBalancers.balancers.values()];
    const used = new Set(lbs.flatMap((r) => r.listeners.flatMap((l) => l.rules.map((x) => x.targetGroupId))));
    for (const node of data.publicCloudLoadBalancers.nodes) {
      for (const l of node.listeners.nodes) {
        const group = stack().demo.loadBalancers.targetGroups.get(l.rules[0].targetGroup.leasewebId)!;
        expect(l.rules[0].targetGroup.name).toBe(group.group.name);
        expect(l.rules[0].targetGroup.targets.totalCount).toBe(group.targets.length);
        for (const t of l.rules[0].targetGroup.targets.nodes) {
          const inst = stack().demo.publicCloud.instances.get(t.instanceId)!.instance;
          expect(t.instance).toEqual({ leasewebId: inst.id, reference: inst.reference, state: inst.state });
          expect(t.healthState).toBe(inst.state === 'RUNNING' ? 'HEALTHY' : 'UNHEALTHY');
        }
      }
    }
    // No call per target: the target list carries what was asked of the instance.
    expect(stack().calls()).toHaveLength(1 + lbs.length + 2 * used.size);
    expect(stack().calls({ path: /\/instances\// })).toHaveLength(0);
  });

  it('… and the instances’ IPs, in one ipMgmt call more: an instance is not read for its IPs', async () => {
    const data = await stack().data(`{ publicCloudLoadBalancers(first: 5) { nodes { listeners(first: 5) { nodes { rules { targetGroup {
      targets(first: 10) { nodes { instanceId instance { reference ips(first: 5) { nodes { ip } } } } } } } } } } } }`);
    const lbs = [...stack().demo.loadBalancers.balancers.values()];
    const used = new Set(lbs.flatMap((r) => r.listeners.flatMap((l) => l.rules.map((x) => x.targetGroupId))));
    const targets = data.publicCloudLoadBalancers.nodes.flatMap((n: any) =>
      n.listeners.nodes.flatMap((l: any) => l.rules.flatMap((r: any) => r.targetGroup.targets.nodes)),
    );
    for (const t of targets) {
      const ips = (stack().demo.ipManagement.byEquipment.get(t.instanceId) ?? []).map((r) => r.ip);
      expect(t.instance.ips.nodes.map((n: any) => n.ip)).toEqual(ips.slice(0, 5));
    }
    expect(stack().calls({ path: /\/instances\// })).toHaveLength(0);
    // Only the groups' targets are asked: the rule names the group, which is not read itself.
    expect(stack().calls({ path: /^\/publicCloud\/v1\/targetGroups\/[^/]+$/ })).toHaveLength(0);
    expect(stack().calls()).toHaveLength(1 + lbs.length + used.size + 1);
  });
});

describe('target group writes', () => {
  it('creates a group, registers an instance (twice is refused), deregisters it, and deletes the group; one in use is refused', async () => {
    const inst = [...stack().demo.publicCloud.instances.values()].find((r) => r.instance.region === 'eu-west-3')!.instance;
    const created = await mutate(
      'createPublicCloudTargetGroup',
      'CreatePublicCloudTargetGroupInput',
      {
        name: 'blue',
        protocol: 'HTTP',
        port: 80,
        region: 'eu-west-3',
        healthCheck: { protocol: 'HTTP', method: 'GET', uri: '/', port: 80 },
      },
      `targetGroup { id leasewebId name port healthCheck { uri } } ${ERRORS}`,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.targetGroup).toMatchObject({ name: 'blue', port: 80, healthCheck: { uri: '/' } });
    const id = created.targetGroup.leasewebId;
    const T = `targetGroup { targets { totalCount nodes { instanceId } } } ${ERRORS}`;
    const reg = await mutate('registerPublicCloudTargets', 'PublicCloudTargetsInput', { targetGroupId: id, instanceIds: [inst.id] }, T);
    expect(reg).toEqual({ targetGroup: { targets: { totalCount: 1, nodes: [{ instanceId: inst.id }] } }, userErrors: [] });
    const twice = await mutate('registerPublicCloudTargets', 'PublicCloudTargetsInput', { targetGroupId: id, instanceIds: [inst.id] }, T);
    expect(twice.targetGroup).toBeNull();
    expect(twice.userErrors[0]).toMatchObject({ code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' });
    const upd = await mutate(
      'updatePublicCloudTargetGroup',
      'UpdatePublicCloudTargetGroupInput',
      { targetGroupId: created.targetGroup.id, port: 8080 },
      `targetGroup { port } ${ERRORS}`,
    );
    expect(upd).toEqual({ targetGroup: { port: 8080 }, userErrors: [] });
    const dereg = await mutate('deregisterPublicCloudTargets', 'PublicCloudTargetsInput', { targetGroupId: id, instanceIds: [inst.id] }, T);
    expect(dereg).toEqual({ targetGroup: { targets: { totalCount: 0, nodes: [] } }, userErrors: [] });
    const del = await mutate('deletePublicCloudTargetGroup', 'PublicCloudTargetGroupInput', { targetGroupId: id }, `deletedId ${ERRORS}`);
    expect(del).toEqual({ deletedId: created.targetGroup.id, userErrors: [] });

    const inUse = [...stack().demo.loadBalancers.balancers.values()][0]!.listeners[0]!.rules[0]!.targetGroupId;
    const refused = await mutate(
      'deletePublicCloudTargetGroup',
      'PublicCloudTargetGroupInput',
      { targetGroupId: inUse },
      `deletedId ${ERRORS}`,
    );
    expect(refused.deletedId).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({ field: ['input', 'targetGroupId'], code: 'INVALID' });
    expect(stack().demo.loadBalancers.targetGroups.has(inUse)).toBe(true);
  });

  it('lists and reads target groups, and resolves one with node(id:)', async () => {
    const g = groups()[0]!.group;
    const data = await stack().data(
      `query($id: ID!, $gid: ID!) { publicCloudTargetGroups(first: 100) { totalCount } publicCloudTargetGroup(id: $id) { name regionName protocol }
        node(id: $gid) { __typename ... on PublicCloudTargetGroup { leasewebId } } }`,
      { id: g.id, gid: `gid://leaseweb/PublicCloudTargetGroup/${g.id}` },
    );
    expect(data.publicCloudTargetGroups.totalCount).toBe(groups().length);
    expect(data.publicCloudTargetGroup).toEqual({ name: g.name, regionName: g.region, protocol: g.protocol });
    expect(data.node).toEqual({ __typename: 'PublicCloudTargetGroup', leasewebId: g.id });
  });
});

describeIf(samplesAvailable)('target group emulator answers match the documented samples', () => {
  it('serves every read with the documented shape', async () => {
    const g = groups().find((x) => x.targets.length > 0)!;
    const gets: Record<string, string> = {
      getTargetGroupList: '/publicCloud/v1/targetGroups',
      getTargetGroupDetails: `/publicCloud/v1/targetGroups/${g.group.id}`,
      listTargets: `/publicCloud/v1/targetGroups/${g.group.id}/targets`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('serves and reaches the 8 target group and target operations through GraphQL', (ctx) => {
    expect(routeTable().filter((op) => op.product === 'publicCloud' && isTgOp(op))).toHaveLength(8);
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(8);
    expect(reached.missing()).toEqual([]);
  });
});
