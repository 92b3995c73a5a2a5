import { slicePage } from '../datasources/page.js';
import type { Instance } from '../datasources/types/public-cloud.js';
import type { TargetGroup } from '../datasources/types/public-cloud-load-balancers.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { NodeFetchers } from './nodes.js';
import { given, inputId, localId, onlySelects, payload, selectedFields, selectedNodeFields, typed } from './support.js';

const TYPENAME = 'PublicCloudTargetGroup';
const groupIdArg = (id: string) => localId(id, TYPENAME);
const groupInput = (id: string) => inputId(id, TYPENAME, 'targetGroupId');

export const targetGroupNodes: NodeFetchers = {
  PublicCloudTargetGroup: async (ctx, [id]) => {
    const g = await ctx.ds.loadBalancers.targetGroup(id!);
    return g ? typed(TYPENAME, { ...g }) : null;
  },
};

/** Target groups and targets: reads, writes and the edges to listeners' rules and instances. */
export const targetGroupResolvers: Resolvers = {
  Query: {
    publicCloudTargetGroups: (_, { first, after, region }, ctx, info) => {
      // The reverse edges read whole lists no filter narrows: asked, those start beside the
      // target group page instead of after it (one round fewer).
      const asked = selectedNodeFields(info);
      if (asked.has('autoScalingGroups')) void ctx.ds.autoScalingGroups.all().catch(() => undefined);
      if (asked.has('listeners')) void ctx.ds.loadBalancers.all().catch(() => undefined);
      return ctx.ds.loadBalancers.targetGroups(toWindow({ first, after }), { region });
    },
    publicCloudTargetGroup: (_, { id }, ctx) => ctx.ds.loadBalancers.targetGroup(groupIdArg(id)),
  },
  Mutation: {
    createPublicCloudTargetGroup: (_, { input }, ctx) =>
      payload(async () => ({
        targetGroup: await ctx.ds.loadBalancers.createTargetGroup(
          given(input) as Parameters<typeof ctx.ds.loadBalancers.createTargetGroup>[0],
        ),
      })),
    updatePublicCloudTargetGroup: (_, { input: { targetGroupId, ...changes } }, ctx) =>
      payload(async () => ({
        targetGroup: await ctx.ds.loadBalancers.updateTargetGroup(
          groupInput(targetGroupId),
          given(changes) as Parameters<typeof ctx.ds.loadBalancers.updateTargetGroup>[1],
        ),
      })),
    deletePublicCloudTargetGroup: (_, { input }, ctx) =>
      payload(async () => {
        const id = groupInput(input.targetGroupId);
        await ctx.ds.loadBalancers.deleteTargetGroup(id);
        return { deletedId: gid(TYPENAME, id) };
      }),
    registerPublicCloudTargets: (_, { input }, ctx, info) =>
      payload(async () => {
        const id = groupInput(input.targetGroupId);
        await ctx.ds.loadBalancers.setTargets(
          id,
          true,
          input.instanceIds.map((i) => localId(i, 'PublicCloudInstance')),
        );
        return { targetGroup: selectedFields(info).has('targetGroup') ? await ctx.ds.loadBalancers.targetGroup(id) : null };
      }),
    deregisterPublicCloudTargets: (_, { input }, ctx, info) =>
      payload(async () => {
        const id = groupInput(input.targetGroupId);
        await ctx.ds.loadBalancers.setTargets(
          id,
          false,
          input.instanceIds.map((i) => localId(i, 'PublicCloudInstance')),
        );
        return { targetGroup: selectedFields(info).has('targetGroup') ? await ctx.ds.loadBalancers.targetGroup(id) : null };
      }),
  },
  PublicCloudTargetGroup: {
    id: (g) => gid(TYPENAME, g.id),
    leasewebId: (g) => g.id,
    regionName: (g) => g.region,
    targets: async (g, { first, after }, ctx) => slicePage(await ctx.ds.loadBalancers.targets(g.id), toWindow({ first, after })),
  },
  PublicCloudTarget: {
    instanceId: (t) => t.id,
    healthState: (t) => t.healthCheck?.state ?? null,
    healthDescription: (t) => t.healthCheck?.description ?? null,
    // The target list carries reference and state, and the family edges (IPs through ipMgmt,
    // the service) need only the id: asked only those, no call for the instance itself.
    instance: (t, _, ctx, info) =>
      onlySelects(info, ['id', 'leasewebId', 'reference', 'state', 'ips', 'service'])
        ? (typed('PublicCloudInstance', { id: t.id, reference: t.reference, state: t.state }) as unknown as Instance)
        : ctx.ds.publicCloud.get(t.id),
  },
  PublicCloudLoadBalancerListenerRule: {
    // The rule carries the group's id: asked only its targets, the group itself is not read;
    // asked more, its detail and its targets are read side by side, not one after the other.
    targetGroup: (r, _, ctx, info) => {
      const fields = selectedFields(info);
      if (onlySelects(info, ['id', 'leasewebId', 'targets'])) return typed(TYPENAME, { id: r.targetGroupId }) as unknown as TargetGroup;
      if (fields.has('targets')) void ctx.ds.loadBalancers.targets(r.targetGroupId).catch(() => undefined);
      return ctx.ds.loadBalancers.targetGroup(r.targetGroupId);
    },
  },
  PublicCloudTargetGroupConnection: connectionResolvers,
  PublicCloudTargetConnection: connectionResolvers,
};
