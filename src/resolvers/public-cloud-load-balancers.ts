import type { GraphQLContext } from '../context.js';
import { slicePage } from '../datasources/page.js';
import type { LaunchLoadBalancerBody, ListenerBody, RawLoadBalancerMetrics } from '../datasources/public-cloud-load-balancers.js';
import type { InstanceMetrics } from '../datasources/types/public-cloud.js';
import type { ListenerModel, LoadBalancer } from '../datasources/types/public-cloud-load-balancers.js';
import { InputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid, parseGid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import type { EquipmentKind } from './equipment.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { targetGroupNodes, targetGroupResolvers } from './public-cloud-target-groups.js';
import { given, inputId, localId, onlySelects, payload, selectedFields, typed } from './support.js';

const TYPENAME = 'PublicCloudLoadBalancer';
const LISTENER = 'PublicCloudLoadBalancerListener';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const lbIdArg = (id: string) => localId(id, TYPENAME);
const lbInput = (id: string) => inputId(id, TYPENAME, 'loadBalancerId');
const listenerGid = (l: { loadBalancerId: string; id: string }) => gid(LISTENER, l.loadBalancerId, l.id);

/** A listener's global id names its load balancer too (listeners have no by-id path of their own). */
function listenerInput(id: string): [string, string] {
  const parsed = parseGid(id);
  if (!parsed || parsed.type !== LISTENER || parsed.parts.length !== 2) {
    throw new InputError(`"${id}" is not a listener's global id (gid://leaseweb/${LISTENER}/<load balancer>/<listener>).`, [
      'input',
      'listenerId',
    ]);
  }
  return [parsed.parts[0]!, parsed.parts[1]!];
}

/**
 * Load balancer ids are UUIDs, as instances' are: an untyped `equipmentId` (an ipMgmt IP)
 * that is a UUID is tried as an instance first (manifest order), then as a load balancer:
 * at most one 404 more per distinct id and request. Typed paths cost nothing.
 */
const equipmentKind: EquipmentKind = {
  typename: TYPENAME,
  // Leaseweb documents no productId for load balancer services; the emulator bills them so.
  productIds: ['PUBLIC_CLOUD_LOAD_BALANCER'],
  matches: (id) => UUID.test(id),
  load: async (ctx, id) => {
    const lb = await ctx.ds.loadBalancers.get(id);
    return lb ? typed(TYPENAME, lb) : null;
  },
  forget: (ctx, id) => ctx.ds.loadBalancers.forget(id),
};

const nodes: NodeFetchers = {
  PublicCloudLoadBalancer: (ctx, [id]) => equipmentKind.load(ctx, id!),
  PublicCloudLoadBalancerListener: async (ctx, [lb, id]) => {
    const l = await ctx.ds.loadBalancers.listener(lb!, id!);
    return l ? typed(LISTENER, l) : null;
  },
};

/** Leaseweb answers one series as `metrics: { values, unit }`; the graph's PublicCloudMetrics wants them named. */
function normalised(raw: RawLoadBalancerMetrics, name: string): InstanceMetrics {
  const m = raw.metrics as Record<string, unknown>;
  const metrics = Array.isArray(m.values)
    ? { [name]: raw.metrics as InstanceMetrics['metrics'][string] }
    : (raw.metrics as InstanceMetrics['metrics']);
  const unit = Object.values(metrics)[0]?.unit;
  return { _metadata: { ...raw._metadata, ...(unit ? { unit } : {}) }, metrics };
}

/** The listener with its certificates: from the listener itself when it came from a list. */
async function withCertificates(l: ListenerModel, ctx: GraphQLContext): Promise<ListenerModel> {
  if (l.sslCertificates !== undefined) return l;
  return (await ctx.ds.loadBalancers.listener(l.loadBalancerId, l.id)) ?? l;
}

const resolvers: Resolvers = {
  Query: {
    publicCloudLoadBalancers: (_, { first, after, filter }, ctx) => {
      const { id, ...rest } = filter ?? {};
      return ctx.ds.loadBalancers.list(toWindow({ first, after }), { ...rest, id: id ? lbIdArg(id) : id });
    },
    publicCloudLoadBalancer: (_, { id }, ctx) => ctx.ds.loadBalancers.get(lbIdArg(id)),
  },
  Mutation: {
    launchPublicCloudLoadBalancer: (_, { input }, ctx) =>
      payload(async () => ({ loadBalancer: await ctx.ds.loadBalancers.launch(given(input) as LaunchLoadBalancerBody) })),
    updatePublicCloudLoadBalancer: (_, { input: { loadBalancerId, ...changes } }, ctx) =>
      payload(async () => ({ loadBalancer: await ctx.ds.loadBalancers.update(lbInput(loadBalancerId), given(changes)) })),
    deletePublicCloudLoadBalancer: (_, { input }, ctx, info) =>
      payload(async () => {
        const id = lbInput(input.loadBalancerId);
        await ctx.ds.loadBalancers.delete(id);
        return {
          deletedId: gid(TYPENAME, id),
          loadBalancer: selectedFields(info).has('loadBalancer') ? await ctx.ds.loadBalancers.get(id) : null,
        };
      }),
    createPublicCloudLoadBalancerListener: (_, { input: { loadBalancerId, targetGroupId, ...rest } }, ctx) =>
      payload(async () => ({
        listener: await ctx.ds.loadBalancers.createListener(lbInput(loadBalancerId), {
          ...(given(rest) as ListenerBody),
          defaultRule: { targetGroupId },
        }),
      })),
    updatePublicCloudLoadBalancerListener: (_, { input: { listenerId, targetGroupId, ...rest } }, ctx) =>
      payload(async () => {
        const [lb, id] = listenerInput(listenerId);
        const body: ListenerBody = { ...(given(rest) as ListenerBody), ...(targetGroupId ? { defaultRule: { targetGroupId } } : {}) };
        return { listener: await ctx.ds.loadBalancers.updateListener(lb, id, body) };
      }),
    deletePublicCloudLoadBalancerListener: (_, { input }, ctx) =>
      payload(async () => {
        const [lb, id] = listenerInput(input.listenerId);
        await ctx.ds.loadBalancers.deleteListener(lb, id);
        return { deletedId: gid(LISTENER, lb, id) };
      }),
  },
  PublicCloudLoadBalancer: {
    id: (lb) => gid(TYPENAME, lb.id),
    leasewebId: (lb) => lb.id,
    regionName: (lb) => lb.region,
    region: (lb) => ({ name: lb.region }),
    listeners: async (lb, { first, after }, ctx) => slicePage(await ctx.ds.loadBalancers.listeners(lb.id), toWindow({ first, after })),
    listener: async (lb, { id }, ctx) => {
      const parsed = parseGid(id);
      const listenerId = parsed?.type === LISTENER && parsed.parts[0] === lb.id ? parsed.parts[1]! : id;
      return ctx.ds.loadBalancers.listener(lb.id, listenerId);
    },
    metrics: async (lb, { metric, from, to, granularity }, ctx) =>
      normalised(await ctx.ds.loadBalancers.metric(lb.id, metric, { from, to, granularity }), metric),
  },
  PublicCloudLoadBalancerListener: {
    id: listenerGid,
    leasewebId: (l) => l.id,
    rules: (l) => l.rules.map((r) => ({ ...r, loadBalancerId: l.loadBalancerId })),
    certificates: async (l, _, ctx) =>
      ((await withCertificates(l, ctx)).sslCertificates ?? []).map(({ certificate, chain }) => ({ certificate, chain: chain ?? null })),
    loadBalancer: (l, _, ctx, info) =>
      onlySelects(info, ['id', 'leasewebId'])
        ? (typed(TYPENAME, { id: l.loadBalancerId }) as unknown as LoadBalancer)
        : ctx.ds.loadBalancers.get(l.loadBalancerId),
  },
  PublicCloudLoadBalancerListenerRule: {
    leasewebId: (r) => r.id,
    // targetGroup: src/resolvers/public-cloud-target-groups.ts
  },
  PublicCloudLoadBalancerConnection: connectionResolvers,
  PublicCloudLoadBalancerListenerConnection: connectionResolvers,
};

export const publicCloudLoadBalancers: ProductGraph = {
  resolvers: [resolvers, targetGroupResolvers],
  nodes: { ...nodes, ...targetGroupNodes },
  equipment: [equipmentKind],
};
