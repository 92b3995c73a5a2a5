import type { GraphQLContext } from '../../context.js';
import type { EquipmentIpFilter } from '../../datasources/families/ips.js';
import { quirks, type OwnerRef, type OwnerType } from '../../datasources/families/owners.js';
import { slicePage } from '../../datasources/page.js';
import type { ProductIpView } from '../../datasources/types/ip-management.js';
import { InputError } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { bareIp } from '../../ip-address.js';
import { connectionResolvers, toWindow } from '../connection.js';
import { ipFromMgmt, ipFromView, ipPage } from '../ip-edge.js';
import type { ProductGraph } from '../nodes.js';
import { given } from '../support.js';
import { familyPayload, inputOwner, ownerFields, refOf, type OwnerModel } from './owner.js';

interface IpArgs {
  first?: number | null;
  after?: string | null;
  filter?: EquipmentIpFilter | null;
}

/**
 * An owner's IPs. Without a network type they come from ipMgmt, batched for every owner
 * of the query into one `?equipmentIds=` call; ipMgmt has no network type, so with one
 * they come from the owner's own list.
 */
async function ips(ref: OwnerRef, { first, after, filter }: IpArgs, ctx: GraphQLContext) {
  const window = toWindow({ first, after });
  if (filter?.networkType) {
    const page = await ctx.ds.equipmentIps.list(ref, window, filter);
    return ipPage(page, (ip) => ipFromView(ip, ref));
  }
  const only = filter?.ips?.map(bareIp);
  const all = (await ctx.ds.ipManagement.ofEquipment(ref.id))
    .filter((ip) => filter?.version == null || ip.version === filter.version)
    .filter((ip) => filter?.nullRouted == null || ip.nullRouted === filter.nullRouted)
    .filter((ip) => !only || only.includes(bareIp(ip.ip)));
  return ipPage(slicePage(all, window), (ip) => ipFromMgmt(ip, ref));
}

/** Runs a write on one owner's IP and answers with the IP as the owner shows it now. */
function onIp(ctx: GraphQLContext, equipmentId: string, ip: string, write: (ref: OwnerRef) => Promise<ProductIpView>) {
  return familyPayload(async () => {
    const ref = inputOwner(equipmentId, 'ips');
    const view = await write(ref);
    // ipMgmt holds the same record (public IPs): its cached reads are stale now.
    ctx.ds.ipManagement.forget(ip);
    return { ip: ipFromView(view, ref) };
  });
}

/** Refuses a field the owner's API does not take, before any call. */
function refuse(ref: OwnerRef, field: string, allowed: boolean, value: unknown): void {
  if (!allowed && value !== undefined && value !== null) {
    throw new InputError(`${ref.typename} IPs do not take ${field}.`, ['input', field]);
  }
}

const resolvers: Resolvers = {
  ...(ownerFields('ips', (typename: OwnerType, q) => ({
    ips: (owner: OwnerModel, args: IpArgs, ctx: GraphQLContext) => ips(refOf(typename, owner), args, ctx),
    ip: async (owner: OwnerModel, { ip }: { ip: string }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      const view = await ctx.ds.equipmentIps.get(ref, ip);
      return view ? ipFromView(view, ref) : null;
    },
    ...(q.nullRouteHistory && {
      nullRouteHistory: (owner: OwnerModel, { first, after }: { first?: number | null; after?: string | null }, ctx: GraphQLContext) =>
        ctx.ds.equipmentIps.nullRouteHistory(refOf(typename, owner), toWindow({ first, after })),
    }),
  })) as Resolvers),

  Mutation: {
    updateEquipmentIp: (_, { input: { equipmentId, ip, reverseLookup, detectionProfile } }, ctx) =>
      onIp(ctx, equipmentId, ip, (ref) => {
        refuse(ref, 'detectionProfile', quirks(ref, 'ips').detectionProfile, detectionProfile);
        return ctx.ds.equipmentIps.update(ref, ip, given({ reverseLookup, detectionProfile }));
      }),
    nullRouteEquipmentIp: (_, { input: { equipmentId, ip, comment, automatedUnnullingAfterHours } }, ctx) =>
      onIp(ctx, equipmentId, ip, (ref) => {
        const { nullRouteBody } = quirks(ref, 'ips');
        refuse(ref, 'comment', nullRouteBody, comment);
        refuse(ref, 'automatedUnnullingAfterHours', nullRouteBody, automatedUnnullingAfterHours);
        // Public Cloud spells the field `automatedUnnulingAt` and counts it in hours.
        const body = nullRouteBody ? given({ comment, automatedUnnulingAt: automatedUnnullingAfterHours }) : undefined;
        return ctx.ds.equipmentIps.nullRoute(ref, ip, body);
      }),
    removeEquipmentIpNullRoute: (_, { input: { equipmentId, ip } }, ctx) =>
      onIp(ctx, equipmentId, ip, (ref) => ctx.ds.equipmentIps.removeNullRoute(ref, ip)),
  },

  EquipmentNullRouteConnection: connectionResolvers,
};

export const equipmentIps: ProductGraph = { resolvers: [resolvers] };
