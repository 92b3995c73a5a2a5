import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { ipFromView } from './ip-management.js';
import { INTERFACE_SEGMENT, NOTIFICATION_KIND, serverIdArg } from './dedicated-servers.js';
import { segment } from '../datasources/path.js';
import { InputError } from '../errors.js';
import { payload } from './support.js';

/** The server an input names; an id that names none (`..`, another type's gid) is a userError on `input.serverId`. */
function inputServerId(id: string): string {
  try {
    const local = serverIdArg(id);
    segment(local);
    return local;
  } catch (error) {
    if (error instanceof InputError && !error.field) throw new InputError(error.message, ['input', 'serverId']);
    throw error;
  }
}

/** Runs a write on one server and answers with the server as it is afterwards. */
function onServer(ctx: GraphQLContext, serverId: string, write: (id: string) => Promise<unknown>) {
  return payload(async () => {
    const id = inputServerId(serverId);
    await write(id);
    return { dedicatedServer: await ctx.ds.dedicatedServers.get(id) };
  });
}

/** Runs a write that answers with a job. */
function jobPayload(serverId: string, write: (id: string) => Promise<import('../datasources/types/dedicated-servers.js').ServerJob>) {
  return payload(async () => ({ job: await write(inputServerId(serverId)) }));
}

/** Leaves out the fields the caller did not give (GraphQL null → not sent). */
function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}

export const resolvers: Resolvers = {
  Mutation: {
    updateDedicatedServer: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.update(id, input.reference)),

    updateDedicatedServerIp: (_, { input: { serverId, ip, ...changes } }, ctx) =>
      payload(async () => {
        const id = inputServerId(serverId);
        const view = await ctx.ds.dedicatedServers.updateIp(id, ip, given(changes));
        ctx.ds.ipManagement.forget(ip);
        return { ip: ipFromView(view, { typename: 'DedicatedServer', id }) };
      }),
    nullRouteDedicatedServerIp: (_, { input: { serverId, ip } }, ctx) =>
      payload(async () => {
        const id = inputServerId(serverId);
        const view = await ctx.ds.dedicatedServers.nullRouteIp(id, ip);
        ctx.ds.ipManagement.forget(ip);
        return { ip: ipFromView(view, { typename: 'DedicatedServer', id }) };
      }),
    removeDedicatedServerIpNullRoute: (_, { input: { serverId, ip } }, ctx) =>
      payload(async () => {
        const id = inputServerId(serverId);
        const view = await ctx.ds.dedicatedServers.removeIpNullRoute(id, ip);
        ctx.ds.ipManagement.forget(ip);
        return { ip: ipFromView(view, { typename: 'DedicatedServer', id }) };
      }),

    addDedicatedServerToPrivateNetwork: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) =>
        ctx.ds.dedicatedServers.addToPrivateNetwork(id, input.privateNetworkId, input.linkSpeed),
      ),
    removeDedicatedServerFromPrivateNetwork: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.removeFromPrivateNetwork(id, input.privateNetworkId)),

    openDedicatedServerNetworkInterfaces: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) =>
        ctx.ds.dedicatedServers.setNetworkInterfaces(id, 'open', input.networkType ? INTERFACE_SEGMENT[input.networkType] : undefined),
      ),
    closeDedicatedServerNetworkInterfaces: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) =>
        ctx.ds.dedicatedServers.setNetworkInterfaces(id, 'close', input.networkType ? INTERFACE_SEGMENT[input.networkType] : undefined),
      ),

    createDedicatedServerNotificationSetting: (_, { input: { serverId, kind, frequency, threshold, unit } }, ctx) =>
      payload(async () => ({
        notificationSetting: await ctx.ds.dedicatedServers.createNotificationSetting(inputServerId(serverId), NOTIFICATION_KIND[kind], {
          frequency,
          threshold: String(threshold),
          unit,
        }),
      })),
    updateDedicatedServerNotificationSetting: (_, { input: { serverId, kind, settingId, frequency, threshold, unit } }, ctx) =>
      payload(async () => ({
        notificationSetting: await ctx.ds.dedicatedServers.updateNotificationSetting(
          inputServerId(serverId),
          NOTIFICATION_KIND[kind],
          settingId,
          { frequency, threshold: String(threshold), unit },
        ),
      })),
    deleteDedicatedServerNotificationSetting: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) =>
        ctx.ds.dedicatedServers.deleteNotificationSetting(id, NOTIFICATION_KIND[input.kind], input.settingId),
      ),
    updateDedicatedServerDdosNotificationSettings: (_, { input: { serverId, ...changes } }, ctx) =>
      onServer(ctx, serverId, (id) => ctx.ds.dedicatedServers.updateDdosNotificationSettings(id, given(changes))),

    powerOnDedicatedServer: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.power(id, 'powerOn')),
    powerOffDedicatedServer: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.power(id, 'powerOff')),
    powerCycleDedicatedServer: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.power(id, 'powerCycle')),

    cancelDedicatedServerActiveJob: (_, { input }, ctx) =>
      jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.stopActiveJob(id, 'cancelActiveJob')),
    expireDedicatedServerActiveJob: (_, { input }, ctx) =>
      jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.stopActiveJob(id, 'expireActiveJob')),
    retryDedicatedServerJob: (_, { input }, ctx) =>
      jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.retryJob(id, input.jobId)),
    installDedicatedServer: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'install', given(body))),
    launchDedicatedServerRescueMode: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'rescueMode', given(body))),
    launchDedicatedServerHardwareScan: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'hardwareScan', given(body))),
    launchDedicatedServerIpmiReset: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'ipmiReset', given(body))),

    createDedicatedServerCredential: (_, { input: { serverId, type, username, password } }, ctx) =>
      payload(async () => ({
        credential: await ctx.ds.dedicatedServers.createCredential(inputServerId(serverId), { type, username, password }),
      })),
    updateDedicatedServerCredential: (_, { input: { serverId, type, username, password } }, ctx) =>
      payload(async () => ({
        credential: await ctx.ds.dedicatedServers.updateCredential(inputServerId(serverId), type, username, password),
      })),
    deleteDedicatedServerCredential: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.deleteCredential(id, input.type, input.username)),

    createDedicatedServerDhcpReservation: (_, { input: { serverId, bootfile, hostname } }, ctx) =>
      onServer(ctx, serverId, (id) => ctx.ds.dedicatedServers.createDhcpReservation(id, given({ bootfile, hostname }) as { bootfile: string })),
    deleteDedicatedServerDhcpReservation: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.deleteDhcpReservation(id)),
  },
};
