import type { GraphQLContext } from '../context.js';
import { INTERFACE_SEGMENT } from '../datasources/dedicated-servers.js';
import type { ServerJob } from '../datasources/types/dedicated-servers.js';
import type { Resolvers } from '../generated/graphql.js';
import { gid } from '../ids.js';
import { given, inputId, payload, selectedFields } from './support.js';

/** The server an input names; an id that names none (`..`, another type's gid) is a userError on `input.serverId`. */
const inputServerId = (id: string) => inputId(id, 'DedicatedServer', 'serverId');

/**
 * Runs a write on one server and answers with the server as it is afterwards, beside the
 * payload fields the write returns (a delete's `deletedId`, a create's new object).
 */
function onServer<T extends object = object>(ctx: GraphQLContext, serverId: string, write: (id: string) => Promise<T | void>) {
  return payload(async () => {
    const id = inputServerId(serverId);
    const fields = await write(id);
    return { ...(fields as T), dedicatedServer: await ctx.ds.dedicatedServers.get(id) };
  });
}

/** Runs a write that answers with a job. */
function jobPayload(serverId: string, write: (id: string) => Promise<ServerJob>) {
  return payload(async () => ({ job: await write(inputServerId(serverId)) }));
}

/** Writes on dedicated servers other than the families' (IPs, credentials, settings, power). */
export const mutations: Resolvers = {
  Mutation: {
    updateDedicatedServer: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.update(id, input.reference)),

    addDedicatedServerToPrivateNetwork: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, (id) => ctx.ds.dedicatedServers.addToPrivateNetwork(id, input.privateNetworkId, input.linkSpeed)),
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

    cancelDedicatedServerActiveJob: (_, { input }, ctx) =>
      jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.stopActiveJob(id, 'cancelActiveJob')),
    expireDedicatedServerActiveJob: (_, { input }, ctx) =>
      jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.stopActiveJob(id, 'expireActiveJob')),
    retryDedicatedServerJob: (_, { input }, ctx) => jobPayload(input.serverId, (id) => ctx.ds.dedicatedServers.retryJob(id, input.jobId)),
    installDedicatedServer: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'install', given(body))),
    launchDedicatedServerRescueMode: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'rescueMode', given(body))),
    launchDedicatedServerHardwareScan: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'hardwareScan', given(body))),
    launchDedicatedServerIpmiReset: (_, { input: { serverId, ...body } }, ctx) =>
      jobPayload(serverId, (id) => ctx.ds.dedicatedServers.launchJob(id, 'ipmiReset', given(body))),

    createDedicatedServerDhcpReservation: (_, { input: { serverId, bootfile, hostname } }, ctx, info) =>
      onServer(ctx, serverId, async (id) => {
        await ctx.ds.dedicatedServers.createDhcpReservation(id, given({ bootfile, hostname }) as { bootfile: string });
        // Leaseweb answers 204 without a body: the reservation is read back when asked for.
        if (!selectedFields(info).has('dhcpReservation')) return {};
        const [reservation = null] = await ctx.ds.dedicatedServers.dhcpReservations(id);
        return { dhcpReservation: reservation };
      }),
    deleteDedicatedServerDhcpReservation: (_, { input }, ctx) =>
      onServer(ctx, input.serverId, async (id) => {
        await ctx.ds.dedicatedServers.deleteDhcpReservation(id);
        return { deletedId: gid('DhcpReservation', id) };
      }),
  },
};
