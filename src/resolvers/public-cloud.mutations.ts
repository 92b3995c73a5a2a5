import type { GraphQLContext } from '../context.js';
import type { LaunchInstanceBody } from '../datasources/public-cloud.js';
import type { Resolvers } from '../generated/graphql.js';
import { given, inputId, localId, payload } from './support.js';

const instanceIdArg = (id: string) => inputId(id, 'PublicCloudInstance', 'instanceId');

/** Runs a write on one instance and answers with the instance as it is afterwards. */
function onInstance(ctx: GraphQLContext, instanceId: string, write: (id: string) => Promise<unknown>) {
  return payload(async () => {
    const id = instanceIdArg(instanceId);
    await write(id);
    return { instance: await ctx.ds.publicCloud.get(id) };
  });
}

/** Writes on Public Cloud other than the families' (IPs, credentials, power, snapshots, ISO). */
export const mutations: Resolvers = {
  Mutation: {
    launchPublicCloudInstance: (_, { input }, ctx) =>
      payload(async () => ({ instance: await ctx.ds.publicCloud.launch(given(input) as LaunchInstanceBody) })),
    updatePublicCloudInstance: (_, { input: { instanceId, ...changes } }, ctx) =>
      payload(async () => ({ instance: await ctx.ds.publicCloud.update(instanceIdArg(instanceId), given(changes)) })),
    terminatePublicCloudInstance: (_, { input }, ctx) => onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.terminate(id)),
    cancelPublicCloudInstanceTermination: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'cancelTermination')),

    resetPublicCloudInstancePassword: (_, { input }, ctx) =>
      onInstance(ctx, input.instanceId, (id) => ctx.ds.publicCloud.act(id, 'resetPassword')),

    reinstallPublicCloudInstance: (_, { input: { instanceId, imageId, marketAppId } }, ctx) =>
      onInstance(ctx, instanceId, (id) => ctx.ds.publicCloud.reinstall(id, given({ imageId, marketAppId }) as { imageId: string })),

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
