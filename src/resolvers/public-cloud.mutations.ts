import type { GraphQLContext } from '../context.js';
import type { LaunchInstanceBody } from '../datasources/public-cloud.js';
import type { Resolvers } from '../generated/graphql.js';
import { InputError } from '../errors.js';
import { given, inputId, localId, payload } from './support.js';

const instanceIdArg = (id: string) => inputId(id, 'PublicCloudInstance', 'instanceId');

/**
 * Instance type names are Leaseweb's catalogue (`lsw.m3.large`), which differs per region and
 * grows, so they are not an enum: a name must have the form `lsw.<family>.<size>`
 * (lower-case letters and digits), checked without a call.
 */
const INSTANCE_TYPE = /^lsw\.[a-z0-9]+\.[a-z0-9]+$/;

function instanceTypeForm(type: string): string {
  if (!INSTANCE_TYPE.test(type)) {
    throw new InputError(`"${type.slice(0, 64)}" is not an instance type name (\`lsw.<family>.<size>\`, e.g. \`lsw.m3.large\`).`, [
      'input',
      'type',
    ]);
  }
  return type;
}

/** A launch's type is also looked up in its region's catalogue (one list per region and request) before the write. */
async function launchableType(ctx: GraphQLContext, region: string, type: string): Promise<void> {
  instanceTypeForm(type);
  if (!(await ctx.ds.publicCloud.instanceType(region, type))) {
    throw new InputError(`${region} offers no instance type ${type} (see \`publicCloudInstanceTypes(region:)\`).`, ['input', 'type']);
  }
}

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
      payload(async () => {
        await launchableType(ctx, input.region, input.type);
        return { instance: await ctx.ds.publicCloud.launch(given(input) as LaunchInstanceBody) };
      }),
    // The form only: the types an instance can change to are Leaseweb's `instanceTypesUpdate`,
    // which it checks itself (a refusal is a user error on `input.type`).
    updatePublicCloudInstance: (_, { input: { instanceId, ...changes } }, ctx) =>
      payload(async () => {
        if (changes.type != null) instanceTypeForm(changes.type);
        return { instance: await ctx.ds.publicCloud.update(instanceIdArg(instanceId), given(changes)) };
      }),
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
