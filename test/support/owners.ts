import type { ServerRecord } from '../../src/emulator/dedicated-servers/data.js';
import type { RackRecord } from '../../src/emulator/dedicated-racks/data.js';
import type { NetworkEquipmentRecord } from '../../src/emulator/network-equipment/data.js';
import type { InstanceRecord } from '../../src/emulator/public-cloud/data.js';
import type { VpsRecord } from '../../src/emulator/vps/data.js';
import type { LoadBalancerRecord } from '../../src/emulator/load-balancers/data.js';
import type { Stack } from './stack.js';

/**
 * The owners of the equipment families (IPs, credentials, notification settings, metrics,
 * power, snapshots), as the family tests see them: how to find one in the demo data set,
 * its global id, the query field that reads it and where its API lives upstream.
 */
export interface OwnerKind<R> {
  typename: 'DedicatedServer' | 'PublicCloudInstance' | 'Vps' | 'PublicCloudLoadBalancer' | 'NetworkEquipment' | 'DedicatedRack';
  /** The query root field that reads one owner by id. */
  root: 'dedicatedServer' | 'publicCloudInstance' | 'vps' | 'publicCloudLoadBalancer' | 'networkEquipment' | 'dedicatedRack';
  /** The upstream collection, e.g. `/bareMetals/v2/servers`. */
  collection: string;
  records: (stack: Stack) => R[];
  idOf: (record: R) => string;
  /** A Leaseweb id of this kind that no owner has. */
  missingId: string;
  /** The Public Cloud machine (instance or VPS) of a record: its state, ISO, contract … */
  machine?: (record: R) => any;
}

export const SERVERS: OwnerKind<ServerRecord> = {
  typename: 'DedicatedServer',
  root: 'dedicatedServer',
  collection: '/bareMetals/v2/servers',
  records: (stack) => [...stack.demo.dedicatedServers.servers.values()],
  idOf: (r) => r.server.id,
  missingId: '999999999',
};

export const INSTANCES: OwnerKind<InstanceRecord> = {
  typename: 'PublicCloudInstance',
  root: 'publicCloudInstance',
  collection: '/publicCloud/v1/instances',
  records: (stack) => [...stack.demo.publicCloud.instances.values()],
  idOf: (r) => r.instance.id,
  missingId: '00000000-0000-4000-8000-000000000000',
  machine: (r) => r.instance,
};

export const VPS: OwnerKind<VpsRecord> = {
  typename: 'Vps',
  root: 'vps',
  collection: '/publicCloud/v1/vps',
  records: (stack) => [...stack.demo.vps.servers.values()],
  idOf: (r) => r.vps.id,
  missingId: '1',
  machine: (r) => r.vps,
};

export const LOAD_BALANCERS: OwnerKind<LoadBalancerRecord> = {
  typename: 'PublicCloudLoadBalancer',
  root: 'publicCloudLoadBalancer',
  collection: '/publicCloud/v1/loadBalancers',
  records: (stack) => [...stack.demo.loadBalancers.balancers.values()],
  idOf: (r) => r.lb.id,
  missingId: '00000000-0000-4000-8000-000000000000',
  machine: (r) => r.lb,
};

export const NETWORK_EQUIPMENT: OwnerKind<NetworkEquipmentRecord> = {
  typename: 'NetworkEquipment',
  root: 'networkEquipment',
  collection: '/bareMetals/v2/networkEquipments',
  records: (stack) => [...stack.demo.networkEquipment.equipment.values()],
  idOf: (r) => r.equipment.id,
  missingId: '999999999',
};

export const RACKS: OwnerKind<RackRecord> = {
  typename: 'DedicatedRack',
  root: 'dedicatedRack',
  collection: '/bareMetals/v2/privateRacks',
  records: (stack) => [...stack.demo.dedicatedRacks.racks.values()],
  idOf: (r) => r.rack.id,
  missingId: '999999999',
};

/** One owner picked from the demo data set (the live record: the emulator changes it in place). */
export interface Owner<R> {
  typename: OwnerKind<R>['typename'];
  root: OwnerKind<R>['root'];
  /** The Leaseweb id. */
  id: string;
  /** The global id, what `equipmentId` takes. */
  gid: string;
  /** The upstream path of the owner, e.g. `/bareMetals/v2/servers/12345`. */
  base: string;
  record: R;
}

export function pickOwner<R>(stack: Stack, kind: OwnerKind<R>, pred: (r: R) => boolean = () => true): Owner<R> {
  const record = kind.records(stack).find(pred);
  if (!record) throw new Error(`the demo data set has no ${kind.typename} for this test`);
  const id = kind.idOf(record);
  return {
    typename: kind.typename,
    root: kind.root,
    id,
    gid: `gid://leaseweb/${kind.typename}/${id}`,
    base: `${kind.collection}/${id}`,
    record,
  };
}

/**
 * Reads `selection` on the owner through its query root field and returns the owner
 * object; `defs` declares any further variables the selection uses (e.g. `$ip: IPAddress!`).
 */
export async function readOwner(
  stack: Stack,
  owner: Owner<unknown>,
  selection: string,
  defs = '',
  variables: Record<string, unknown> = {},
): Promise<any> {
  const data = await stack.data(`query($id: ID!${defs ? `, ${defs}` : ''}) { o: ${owner.root}(id: $id) { ${selection} } }`, {
    id: owner.id,
    ...variables,
  });
  return data.o;
}

const INPUT_TYPES: Record<string, string> = {
  updateEquipmentIp: 'UpdateEquipmentIpInput',
  nullRouteEquipmentIp: 'NullRouteEquipmentIpInput',
  removeEquipmentIpNullRoute: 'EquipmentIpInput',
  createCredential: 'CredentialInput',
  updateCredential: 'CredentialInput',
  deleteCredential: 'DeleteCredentialInput',
  deleteAllCredentials: 'EquipmentInput',
  createNotificationSetting: 'CreateNotificationSettingInput',
  updateNotificationSetting: 'UpdateNotificationSettingInput',
  deleteNotificationSetting: 'DeleteNotificationSettingInput',
  updateDdosNotificationSettings: 'UpdateDdosNotificationSettingsInput',
  powerOnEquipment: 'EquipmentInput',
  powerOffEquipment: 'EquipmentInput',
  powerCycleEquipment: 'EquipmentInput',
  createSnapshot: 'CreateSnapshotInput',
  restoreSnapshot: 'SnapshotInput',
  deleteSnapshot: 'SnapshotInput',
  attachIso: 'AttachIsoInput',
  detachIso: 'EquipmentInput',
};

export const USER_ERRORS = 'userErrors { field message code leasewebCode }';

/** Runs one family mutation with `input` and returns its payload. */
export async function mutate(stack: Stack, name: string, input: Record<string, unknown>, selection = USER_ERRORS): Promise<any> {
  const type = INPUT_TYPES[name];
  if (!type) throw new Error(`no input type known for ${name}`);
  const data = await stack.data(`mutation($input: ${type}!) { r: ${name}(input: $input) { ${selection} } }`, { input });
  return data.r;
}

/** The upstream writes (not GETs) since the last reset, as `METHOD path`. */
export const writes = (stack: Stack) =>
  stack
    .calls()
    .filter((c) => c.method !== 'GET')
    .map((c) => `${c.method} ${c.path}`);

/** The ipMgmt records of an owner's public (and, for servers, internal) IPs. */
export const ipRecords = (stack: Stack, id: string) => stack.demo.ipManagement.byEquipment.get(id) ?? [];
