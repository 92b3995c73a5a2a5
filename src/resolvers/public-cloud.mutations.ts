import type { GraphQLContext } from '../context.js';
import type { LaunchInstanceBody } from '../datasources/public-cloud.js';
import type { InstanceIp } from '../datasources/types/public-cloud.js';
import type { Resolvers } from '../generated/graphql.js';
import { ipFromView } from './ip-management.js';
import { instanceIdArg, snapshotIdArg, toIpView } from './public-cloud.js';
import { localId, payload } from './support.js';

/** Runs a write on one instance and answers with the instance as it is afterwards. */
function onInstance(ctx: GraphQLContext, instanceId: string, write: (id: string) => Promise<unknown>) {
  return payload(async () => {
    const id = instanceIdArg(instanceId);
    await write(id);
    return { instance: await ctx.ds.publicCloud.get(id) };
  });
}

/** Runs a write on one instance IP and answers with the IP as the instance shows it now. */
function onIp(ctx: GraphQLContext, instanceId: string, ip: string, write: (id: string) => Promise<InstanceIp>) {
  return payload(async () => {
    const id = instanceIdArg(instanceId);
    const view = await write(id);
    // ipMgmt holds the same record (public IPs): its cached reads are stale now.
    ctx.ds.ipManagement.forget(ip);
    return { ip: ipFromView(toIpView(view), { typename: 'PublicCloudInstance', id }) };
  });
}

/** Leaves out the fields the caller did not give (GraphQL null → not sent). */
function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}

export const resolvers: Resolvers = {
  Mutation: {
    launchPublicCloudInstance: (_, { input }, ctx) =>
      payload(async () => ({ instance: await ctx.ds.publicCloud.launch(given(input) as LaunchInstanceBody) })),
    updatePublicCloudInstance: (_, { input: { instanceId, ...changes } }, ctx) =>
      payload(async () => ({ instance: await ctx.ds.publicCloud.update(instanceIdArg(instanceId), given(changes)) })),
    terminatePublicCloudInstance: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.terminate(id)),
    cancelPublicCloudInstanceTermination: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'cancelTermination')),
    startPublicCloudInstance: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'start')),
    stopPublicCloudInstance: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'stop')),
    rebootPublicCloudInstance: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'reboot')),

    updatePublicCloudInstanceIp: (_, { input: { instanceId, ip, reverseLookup } }, ctx) =>
      onIp(ctx, instanceId, ip, (id) => ctx.ds.publicCloud.updateIp(id, ip, reverseLookup)),
    nullRoutePublicCloudInstanceIp: (_, { input: { instanceId, ip, comment, automatedUnnullingAfterHours } }, ctx) =>
      // Leaseweb spells the field `automatedUnnulingAt` and counts it in hours.
      onIp(ctx, instanceId, ip, (id) => ctx.ds.publicCloud.nullRouteIp(id, ip, given({ comment, automatedUnnulingAt: automatedUnnullingAfterHours }))),
    removePublicCloudInstanceIpNullRoute: (_, { input: { instanceId, ip } }, ctx) =>
      onIp(ctx, instanceId, ip, (id) => ctx.ds.publicCloud.removeIpNullRoute(id, ip)),

    storePublicCloudInstanceCredential: (_, { input: { instanceId, type, username, password } }, ctx) =>
      payload(async () => ({ credential: await ctx.ds.publicCloud.storeCredential(instanceIdArg(instanceId), { type, username, password }) })),
    updatePublicCloudInstanceCredential: (_, { input: { instanceId, type, username, password } }, ctx) =>
      payload(async () => ({ credential: await ctx.ds.publicCloud.updateCredential(instanceIdArg(instanceId), type, username, password) })),
    deletePublicCloudInstanceCredential: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.deleteCredential(id, input.type, input.username)),
    deleteAllPublicCloudInstanceCredentials: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.deleteCredentials(id)),
    resetPublicCloudInstancePassword: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'resetPassword')),

    attachPublicCloudInstanceIso: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.attachIso(id, input.isoId)),
    detachPublicCloudInstanceIso: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'detachIso')),
    reinstallPublicCloudInstance: (_, { input: { instanceId, imageId, marketAppId } }, ctx) =>
      onInstance(ctx, instanceId, (id) => ctx.ds.publicCloud.reinstall(id, given({ imageId, marketAppId }) as { imageId: string })),

    createPublicCloudInstanceSnapshot: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.createSnapshot(id, input.name)),
    restorePublicCloudInstanceSnapshot: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.restoreSnapshot(id, snapshotIdArg(input.snapshotId))),
    deletePublicCloudInstanceSnapshot: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.deleteSnapshot(id, snapshotIdArg(input.snapshotId))),

    addPublicCloudInstanceToPrivateNetwork: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.setPrivateNetwork(id, true)),
    removePublicCloudInstanceFromPrivateNetwork: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.setPrivateNetwork(id, false)),

    createPublicCloudCustomImage: (_, { input }, ctx) =>
      payload(async () => ({ image: await ctx.ds.publicCloud.createCustomImage(instanceIdArg(input.instanceId), input.name) })),
    updatePublicCloudCustomImage: (_, { input }, ctx) =>
      payload(async () => ({ image: await ctx.ds.publicCloud.updateCustomImage(localId(input.imageId, 'PublicCloudImage'), input.name) })),
  },
};
