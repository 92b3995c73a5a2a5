import type { GraphQLContext } from '../context.js';
import { slicePage } from '../datasources/page.js';
import type { CreateAutoScalingGroupBody, AutoScalingGroupSettings } from '../datasources/public-cloud-auto-scaling-groups.js';
import type { Instance } from '../datasources/types/public-cloud.js';
import type { AutoScaledInstance, AutoScalingGroupModel } from '../datasources/types/public-cloud-auto-scaling-groups.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { given, inputId, localId, payload, selectedNodeFields, typed } from './support.js';

const TYPENAME = 'PublicCloudAutoScalingGroup';
const groupIdArg = (id: string) => localId(id, TYPENAME);
const groupInput = (id: string) => inputId(id, TYPENAME, 'autoScalingGroupId');

/**
 * The instance fields a group's instance list answers without `GET /instances/{id}`: what
 * the list carries (`autoScaledInstance`), the group itself, and the edges that need only
 * the instance's id or region (families, service, target groups).
 */
const CARRIED = new Set([
  '__typename',
  'id',
  'leasewebId',
  'reference',
  'state',
  'productType',
  'type',
  'instanceType',
  'resources',
  'regionName',
  'region',
  'hasPrivateNetwork',
  'scalingGroup',
  'targetGroups',
  'service',
  'ips',
  'ip',
  'console',
  'credentials',
  'credential',
  'snapshots',
  'snapshot',
  'dataTrafficMetrics',
  'cpuMetrics',
  'instanceTypesForUpdate',
  'reinstallImages',
  'expenses',
]);

/** The group's detail (with its target groups) when it came from a list or an embedding. */
async function detail(g: AutoScalingGroupModel, ctx: GraphQLContext): Promise<AutoScalingGroupModel> {
  if (g.targetGroups !== undefined) return g;
  return (await ctx.ds.autoScalingGroups.get(g.id)) ?? g;
}

/** An instance of the group as the group's list shows it, with the group it belongs to. */
function member(i: AutoScaledInstance, g: AutoScalingGroupModel): Instance {
  const { targetGroups: _t, ...group } = g;
  return { ...i, autoScalingGroup: group } as unknown as Instance;
}

const nodes: NodeFetchers = {
  PublicCloudAutoScalingGroup: async (ctx, [id]) => {
    const g = await ctx.ds.autoScalingGroups.get(id!);
    return g ? typed(TYPENAME, g) : null;
  },
};

const resolvers: Resolvers = {
  Query: {
    publicCloudAutoScalingGroups: (_, { first, after, filter }, ctx) => {
      const { instanceId, ...rest } = filter ?? {};
      return ctx.ds.autoScalingGroups.list(toWindow({ first, after }), {
        ...rest,
        instanceId: instanceId ? localId(instanceId, 'PublicCloudInstance') : instanceId,
      });
    },
    publicCloudAutoScalingGroup: (_, { id }, ctx) => ctx.ds.autoScalingGroups.get(groupIdArg(id)),
  },
  Mutation: {
    createPublicCloudAutoScalingGroup: (_, { input: { instanceId, ...rest } }, ctx) =>
      payload(async () => ({
        autoScalingGroup: await ctx.ds.autoScalingGroups.create({
          ...(given(rest) as Omit<CreateAutoScalingGroupBody, 'instanceId'>),
          instanceId: inputId(instanceId, 'PublicCloudInstance', 'instanceId'),
        }),
      })),
    updatePublicCloudAutoScalingGroup: (_, { input: { autoScalingGroupId, ...changes } }, ctx) =>
      payload(async () => ({
        autoScalingGroup: await ctx.ds.autoScalingGroups.update(groupInput(autoScalingGroupId), given(changes) as AutoScalingGroupSettings),
      })),
    deletePublicCloudAutoScalingGroup: (_, { input }, ctx) =>
      payload(async () => {
        const id = groupInput(input.autoScalingGroupId);
        await ctx.ds.autoScalingGroups.delete(id);
        return { deletedId: gid(TYPENAME, id) };
      }),
    registerPublicCloudAutoScalingGroupTargetGroup: (_, { input }, ctx) => setTargetGroup(ctx, true, input),
    deregisterPublicCloudAutoScalingGroupTargetGroup: (_, { input }, ctx) => setTargetGroup(ctx, false, input),
  },
  PublicCloudAutoScalingGroup: {
    id: (g) => gid(TYPENAME, g.id),
    leasewebId: (g) => g.id,
    regionName: (g) => g.region,
    region: (g) => ({ name: g.region }),
    targetGroups: async (g, _, ctx) => (await detail(g, ctx)).targetGroups ?? [],
    instances: async (g, { first, after }, ctx, info) => {
      const page = slicePage(await ctx.ds.autoScalingGroups.instances(g.id), toWindow({ first, after }));
      const carried = [...selectedNodeFields(info)].every((f) => CARRIED.has(f));
      const items = await Promise.all(
        page.items.map(async (i) => (carried ? member(i, g) : ((await ctx.ds.publicCloud.get(i.id)) ?? member(i, g)))),
      );
      return { ...page, items };
    },
    loadBalancer: async (g, _, ctx) => (await ctx.ds.loadBalancers.all()).find((lb) => lb.autoScalingGroup?.id === g.id) ?? null,
  },
  PublicCloudTargetGroup: {
    autoScalingGroups: async (tg, _, ctx) => {
      const inRegion = (await ctx.ds.autoScalingGroups.all()).filter((g) => g.region === tg.region);
      const details = await Promise.all(inRegion.map((g) => ctx.ds.autoScalingGroups.get(g.id)));
      return details.filter((g): g is NonNullable<typeof g> => !!g?.targetGroups.some((t) => t.id === tg.id));
    },
    listeners: async (tg, _, ctx) => {
      const balancers = (await ctx.ds.loadBalancers.all()).filter((lb) => lb.region === tg.region);
      const listeners = await Promise.all(balancers.map((lb) => ctx.ds.loadBalancers.listeners(lb.id)));
      return listeners.flat().filter((l) => l.rules.some((r) => r.targetGroupId === tg.id));
    },
  },
  PublicCloudInstance: {
    scalingGroup: async (i, _, ctx) =>
      i.autoScalingGroup !== undefined ? i.autoScalingGroup : ((await ctx.ds.publicCloud.get(i.id))?.autoScalingGroup ?? null),
    targetGroups: async (i, _, ctx) => {
      const groups = (await ctx.ds.loadBalancers.allTargetGroups()).filter((g) => g.region === i.region);
      const targets = await Promise.all(groups.map((g) => ctx.ds.loadBalancers.targets(g.id)));
      return groups.filter((_, k) => targets[k]!.some((t) => t.id === i.id));
    },
  },
  PublicCloudLoadBalancer: {
    scalingGroup: (lb) => lb.autoScalingGroup ?? null,
  },
  PublicCloudAutoScalingGroupConnection: connectionResolvers,
};

async function setTargetGroup(ctx: GraphQLContext, register: boolean, input: { autoScalingGroupId: string; targetGroupId: string }) {
  return payload(async () => {
    const id = groupInput(input.autoScalingGroupId);
    const targetGroupId = inputId(input.targetGroupId, 'PublicCloudTargetGroup', 'targetGroupId');
    const group = await ctx.ds.autoScalingGroups.setTargetGroup(id, register, targetGroupId);
    ctx.ds.loadBalancers.forgetTargets(targetGroupId);
    return { autoScalingGroup: group };
  });
}

export const publicCloudAutoScalingGroups: ProductGraph = { resolvers: [resolvers], nodes };
