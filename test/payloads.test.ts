import { describe, expect, it } from 'vitest';
import { useStack } from './support/stack.js';

// The shape of every write, read through introspection from the running gateway: one
// payload type per mutation (so one can grow without changing its neighbours), the
// payload fields clients selected before payloads were split, and the id of what a
// delete removed.
const stack = useStack();

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  type: TypeRef;
}

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const printed = (t: TypeRef): string =>
  t.kind === 'NON_NULL' ? `${printed(t.ofType!)}!` : t.kind === 'LIST' ? `[${printed(t.ofType!)}]` : t.name!;

const TYPE = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

async function mutationsAndPayloads() {
  const data = await stack().data(`{ __schema { mutationType { fields { name type { ${TYPE} } } }
    types { name kind fields(includeDeprecated: true) { name isDeprecated type { ${TYPE} } } } } }`);
  const types = new Map<string, Field[]>(
    data.__schema.types.map((t: { name: string; fields: Field[] | null }) => [t.name, t.fields ?? []]),
  );
  const mutations: Field[] = data.__schema.mutationType.fields.filter((f: Field) => f.name !== '_ping');
  return { mutations, payloadOf: (m: string) => types.get(named(mutations.find((f) => f.name === m)!.type).name!)! };
}

/** What each mutation's payload held before it had a type of its own: client selections of these keep working. */
const FIELDS_BEFORE: Record<string, string[]> = {
  dedicatedServer: [
    'addDedicatedServerToPrivateNetwork',
    'closeDedicatedServerNetworkInterfaces',
    'createDedicatedServerDhcpReservation',
    'deleteDedicatedServerDhcpReservation',
    'openDedicatedServerNetworkInterfaces',
    'removeDedicatedServerFromPrivateNetwork',
    'updateDedicatedServer',
  ],
  instance: [
    'addPublicCloudInstanceToPrivateNetwork',
    'cancelPublicCloudInstanceTermination',
    'launchPublicCloudInstance',
    'reinstallPublicCloudInstance',
    'removePublicCloudInstanceFromPrivateNetwork',
    'resetPublicCloudInstancePassword',
    'terminatePublicCloudInstance',
    'updatePublicCloudInstance',
  ],
  equipment: [
    'attachIso',
    'createSnapshot',
    'deleteAllCredentials',
    'deleteCredential',
    'deleteNotificationSetting',
    'deleteSnapshot',
    'detachIso',
    'powerCycleEquipment',
    'powerOffEquipment',
    'powerOnEquipment',
    'restoreSnapshot',
    'updateDdosNotificationSettings',
  ],
  job: [
    'cancelDedicatedServerActiveJob',
    'expireDedicatedServerActiveJob',
    'installDedicatedServer',
    'launchDedicatedServerHardwareScan',
    'launchDedicatedServerIpmiReset',
    'launchDedicatedServerRescueMode',
    'retryDedicatedServerJob',
  ],
  service: ['cancelService', 'uncancelService', 'updateService'],
  credential: ['createCredential', 'updateCredential'],
  recordSet: ['createDnsRecordSet', 'updateDnsRecordSet'],
  notificationSetting: ['createNotificationSetting', 'updateNotificationSetting'],
  image: ['createPublicCloudCustomImage', 'updatePublicCloudCustomImage'],
  deletedRecordSetId: ['deleteDnsRecordSet'],
  domain: [
    'deleteDnsRecordSet',
    'deleteDnsRecordSets',
    'replaceDnsRecordSets',
    'importDnsZone',
    'updateDomainDnssec',
    'updateDomainNameservers',
  ],
  recordSets: ['importDnsZone'],
  ip: ['nullRouteEquipmentIp', 'removeEquipmentIpNullRoute', 'removeIpNullRoute', 'updateEquipmentIp', 'updateIp'],
  nullRoute: ['nullRouteIp', 'updateNullRoute'],
  message: ['updateDomainDnssec', 'validateDnsRecordSet', 'validateDnsZone'],
  nameservers: ['updateDomainNameservers'],
  reverseLookupRecords: ['updateIpReverseLookupRecords'],
  valid: ['validateDnsRecordSet', 'validateDnsZone'],
};

/** Deletes that remove many objects at once: Leaseweb does not say which, so they carry no ids. */
const BULK_DELETES = ['deleteAllCredentials', 'deleteDnsRecordSets'];

describe('mutation payloads', () => {
  it('gives every mutation a payload type of its own, named after it, with userErrors', async () => {
    const { mutations, payloadOf } = await mutationsAndPayloads();
    expect(mutations.length).toBeGreaterThanOrEqual(61);
    const expected = mutations.map((m) => `${m.name} → ${m.name[0]!.toUpperCase()}${m.name.slice(1)}Payload`);
    expect(mutations.map((m) => `${m.name} → ${printed(m.type)}`)).toEqual(expected);
    for (const m of mutations) {
      expect(payloadOf(m.name).find((f) => f.name === 'userErrors')?.type, m.name).toMatchObject({ kind: 'NON_NULL' });
      expect(printed(payloadOf(m.name).find((f) => f.name === 'userErrors')!.type)).toBe('[UserError!]!');
    }
  });

  it('keeps every payload field clients selected before each mutation had its own payload', async () => {
    const { mutations, payloadOf } = await mutationsAndPayloads();
    const names = new Set(mutations.map((m) => m.name));
    const lost = Object.entries(FIELDS_BEFORE).flatMap(([field, of]) =>
      of.filter((m) => !names.has(m) || !payloadOf(m).some((f) => f.name === field)).map((m) => `${m}.${field}`),
    );
    expect(lost).toEqual([]);
  });

  it('answers the deleted object’s global id from every delete that removes one object', async () => {
    const { mutations, payloadOf } = await mutationsAndPayloads();
    const deletes = mutations.map((m) => m.name).filter((n) => n.startsWith('delete') && !BULK_DELETES.includes(n));
    expect(deletes.sort()).toEqual([
      'deleteCredential',
      'deleteDedicatedServerDhcpReservation',
      'deleteDnsRecordSet',
      'deleteNotificationSetting',
      'deletePrivateNetwork',
      'deletePrivateNetworkDhcpReservation',
      'deletePublicCloudAutoScalingGroup',
      'deletePublicCloudLoadBalancer',
      'deletePublicCloudLoadBalancerListener',
      'deletePublicCloudTargetGroup',
      'deleteSnapshot',
    ]);
    for (const name of deletes) {
      const deletedId = payloadOf(name).find((f) => f.name === 'deletedId');
      expect(deletedId && printed(deletedId.type), name).toBe('ID');
    }
  });

  it('answers the created object from create mutations', async () => {
    const { payloadOf } = await mutationsAndPayloads();
    const created = (m: string) =>
      payloadOf(m)
        .filter((f) => f.name !== 'userErrors')
        .map((f) => `${f.name}: ${printed(f.type)}`);
    expect(created('createSnapshot')).toContain('snapshot: Snapshot');
    expect(created('createDedicatedServerDhcpReservation')).toContain('dhcpReservation: DhcpReservation');
    expect(created('createCredential')).toContain('credential: Credential');
    expect(created('createNotificationSetting')).toContain('notificationSetting: NotificationSetting');
    expect(created('createDnsRecordSet')).toContain('recordSet: DnsRecordSet');
    expect(created('createPublicCloudCustomImage')).toContain('image: PublicCloudImage');
    expect(created('launchPublicCloudInstance')).toContain('instance: PublicCloudInstance');
  });
});
