import type { GraphQLContext } from '../context.js';
import { bareIp, ipKey } from '../ip-address.js';
import type { Ip, IpSource, ProductIpView } from '../datasources/types/ip-management.js';
import type { DdosProtection, IpType, Resolvers, SortDirection } from '../generated/graphql.js';
import { InputError } from '../errors.js';
import { orNull } from '../datasources/loaders.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import { equipmentIpView, resolveEquipment } from './equipment.js';
import { ipFromMgmt, ipPage } from './ip-edge.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { andThen, localId, payload, typed, upstreamEnum, type MaybePromise } from './support.js';

// The helpers below answer synchronously when the view is already loaded: most IPs come
// with theirs (from a list), and a resolver that returns a value instead of a promise
// keeps big answers (hundreds of IPs × fields) cheap.

/** ipMgmt's record of the IP, loaded (batched) when the path that reached it had none. */
function mgmtOf(src: IpSource, ctx: GraphQLContext): MaybePromise<Ip | null> {
  if (src.mgmt !== undefined) return src.mgmt;
  return ctx.ds.ipManagement.get(src.address).then((mgmt) => (src.mgmt = mgmt));
}

/** The owning product's view of the IP (network type, DDoS …), loaded when missing. */
function viewOf(src: IpSource, ctx: GraphQLContext): MaybePromise<ProductIpView | null> {
  if (src.view !== undefined) return src.view;
  const load = (ownerId: string | null | undefined) => (ownerId ? equipmentIpView(ctx, ownerId, src.address, src.owner?.typename) : null);
  return andThen(src.owner ? load(src.owner.id) : andThen(mgmtOf(src, ctx), (m) => load(m?.equipmentId)), (view) => (src.view = view));
}

/** A field both views carry: from whichever is loaded, else from ipMgmt. */
function either<T>(
  src: IpSource,
  ctx: GraphQLContext,
  fromMgmt: (ip: Ip) => T,
  fromView: (view: ProductIpView) => T | undefined,
): MaybePromise<T | null> {
  if (src.mgmt) return fromMgmt(src.mgmt);
  if (src.view) {
    const value = fromView(src.view);
    if (value !== undefined) return value;
  }
  return andThen(mgmtOf(src, ctx), (mgmt) => (mgmt ? fromMgmt(mgmt) : null));
}

const fromMgmt =
  <T>(pick: (ip: Ip) => T) =>
  (src: IpSource, _args: unknown, ctx: GraphQLContext): MaybePromise<T | null> =>
    andThen(mgmtOf(src, ctx), (mgmt) => (mgmt ? pick(mgmt) : null));

const fromView =
  <T>(pick: (view: ProductIpView) => T | undefined) =>
  (src: IpSource, _args: unknown, ctx: GraphQLContext): MaybePromise<T | null> =>
    andThen(viewOf(src, ctx), (view) => (view ? (pick(view) ?? null) : null));

/** Leaseweb's `sort`: field names (the enums' internal values), `-` for descending. */
function sortParam(sort: ReadonlyArray<{ field: string; direction?: SortDirection | null }> | null | undefined) {
  return sort?.length ? sort.map((s) => (s.direction === 'DESC' ? '-' : '') + s.field) : undefined;
}

const nodes: NodeFetchers = {
  Ip: async (ctx, [address]) => {
    const ip = await ctx.ds.ipManagement.get(address!);
    return ip ? ipFromMgmt(ip) : null;
  },
  ReverseLookupRecord: async (ctx, [range, address, ...rest]) => {
    if (rest.length || !address || !range?.includes(':')) return null;
    const page = await orNull(ctx.ds.ipManagement.reverseLookupRecords(range, { limit: 1, offset: 0 }, { ip: address }));
    const record = page?.items[0];
    return record ? typed('ReverseLookupRecord', record) : null;
  },
  NullRoute: async (ctx, [id]) => {
    const route = await ctx.ds.ipManagement.nullRouteById(id!);
    return route ? typed('NullRoute', route) : null;
  },
};

const resolvers: Resolvers = {
  Query: {
    ips: async (_, { first, after, filter, sort }, ctx) => {
      const page = await ctx.ds.ipManagement.list(toWindow({ first, after }), filter ?? {}, sortParam(sort));
      ctx.ds.ipManagement.prime(page.items);
      return ipPage(page, (ip) => ipFromMgmt(ip));
    },
    ip: async (_, { ip }, ctx) => {
      const found = await ctx.ds.ipManagement.get(ip);
      return found ? ipFromMgmt(found) : null;
    },
    nullRoutes: (_, { first, after, filter, sort }, ctx) =>
      ctx.ds.ipManagement.nullRoutes(toWindow({ first, after }), filter ?? {}, sortParam(sort)),
    nullRoute: (_, { id }, ctx) => ctx.ds.ipManagement.nullRouteById(localId(id, 'NullRoute')),
  },

  Mutation: {
    updateIp: (_, { input }, ctx) =>
      payload(async () => ({ ip: ipFromMgmt(await ctx.ds.ipManagement.update(input.ip, input.reverseLookup)) })),
    updateIpReverseLookupRecords: (_, { input }, ctx) =>
      payload(async () => ({
        reverseLookupRecords: await ctx.ds.ipManagement.updateReverseLookupRecords(input.ip, input.reverseLookups),
      })),
    nullRouteIp: (_, { input: { ip, ...changes } }, ctx) =>
      payload(async () => ({ nullRoute: await ctx.ds.ipManagement.nullRoute(ip, changes) })),
    removeIpNullRoute: (_, { input }, ctx) =>
      payload(async () => {
        await ctx.ds.ipManagement.removeNullRoute(input.ip);
        return { ip: typed('Ip', { address: ipKey(input.ip) }) };
      }),
    updateNullRoute: (_, { input: { id, ...changes } }, ctx) =>
      payload(async () => {
        let routeId: string;
        try {
          routeId = localId(id, 'NullRoute');
        } catch (error) {
          throw error instanceof InputError ? new InputError(error.message, ['input', 'id']) : error;
        }
        return { nullRoute: await ctx.ds.ipManagement.updateNullRoute(routeId, changes) };
      }),
  },

  Ip: {
    id: (src) => gid('Ip', src.address),
    ip: (src) => bareIp(src.address),
    version: (src, _, ctx) =>
      either(
        src,
        ctx,
        (m) => m.version,
        (v) => v.version,
      ),
    type: fromMgmt((m) => upstreamEnum<IpType>(m.type)),
    prefixLength: fromMgmt((m) => m.prefixLength),
    primary: (src, _, ctx) =>
      either(
        src,
        ctx,
        (m) => m.primary,
        (v) => v.mainIp,
      ),
    reverseLookup: (src, _, ctx) =>
      either(
        src,
        ctx,
        (m) => m.reverseLookup,
        (v) => v.reverseLookup,
      ),
    nullRouted: (src, _, ctx) =>
      either(
        src,
        ctx,
        (m) => m.nullRouted,
        (v) => v.nullRouted,
      ),
    nullLevel: fromMgmt((m) => m.nullLevel),
    unnullingAllowed: fromMgmt((m) => m.unnullingAllowed),
    subnet: fromMgmt((m) => m.subnet),
    assignedContractId: fromMgmt((m) => m.assignedContract?.id ?? null),
    equipmentId: (src, _, ctx) => src.owner?.id ?? andThen(mgmtOf(src, ctx), (m) => m?.equipmentId ?? null),
    equipment: (src, _, ctx, info) =>
      src.owner
        ? resolveEquipment(ctx, src.owner.id, src.owner.typename, info)
        : andThen(mgmtOf(src, ctx), (m) => (m?.equipmentId ? resolveEquipment(ctx, m.equipmentId, undefined, info) : null)),
    networkType: fromView((v) => v.networkType as 'PUBLIC' | 'INTERNAL' | 'REMOTE_MANAGEMENT' | null | undefined),
    gateway: (src, _, ctx) =>
      andThen(viewOf(src, ctx), (view) => view?.gateway ?? andThen(mgmtOf(src, ctx), (m) => m?.subnet.gateway ?? null)),
    ddos: fromView((v) => v.ddos as DdosProtection | null | undefined),
    floatingIp: fromView((v) => v.floatingIp),
    nullRouteHistory: (src, { first, after }, ctx) => {
      const ip = bareIp(src.address);
      return ctx.ds.ipManagement.nullRoutes(toWindow({ first, after }), { fromIp: ip, toIp: ip }, ['-nulledAt']);
    },
    reverseLookupRecords: async (src, { first, after, filter }, ctx) => {
      const window = toWindow({ first, after });
      // Only IPv6 ranges keep records (ipMgmt answers 400 for an IPv4 address): none to ask for.
      if (!src.address.includes(':')) return { items: [], totalCount: 0, offset: window.offset };
      return ctx.ds.ipManagement.reverseLookupRecords(src.address, window, filter ?? {});
    },
  },

  ReverseLookupRecord: {
    id: (r) => gid('ReverseLookupRecord', r.range, r.ip),
  },

  IpSubnet: {
    subnetId: (s) => s.id,
  },

  NullRoute: {
    id: (n) => gid('NullRoute', n.id),
    leasewebId: (n) => n.id,
    ipAddress: (n) => n.ip,
    ip: async (n, _, ctx) => {
      const ip = await ctx.ds.ipManagement.get(n.ip);
      return ip ? ipFromMgmt(ip) : null;
    },
    active: (n) => !n.unnulledAt,
    assignedContractId: (n) => n.assignedContract?.id ?? null,
    equipment: (n, _, ctx, info) => (n.equipmentId ? resolveEquipment(ctx, n.equipmentId, undefined, info) : null),
  },

  IpConnection: connectionResolvers,
  NullRouteConnection: connectionResolvers,
  ReverseLookupRecordConnection: connectionResolvers,
};

export const ipManagement: ProductGraph = { resolvers: [resolvers], nodes };
