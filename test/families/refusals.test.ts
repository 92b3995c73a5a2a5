import { describe, expect, it } from 'vitest';
import { INSTANCES, SERVERS, USER_ERRORS, mutate, pickOwner } from '../support/owners.js';
import { useStack } from '../support/stack.js';

/**
 * What every family refuses before calling Leaseweb: an `equipmentId` that names no owner
 * of the family (a bare Leaseweb id, another type's global id, a dot segment), and what
 * the named owner's API does not have. Each refusal is a userError on the field at fault,
 * and no upstream call at all.
 */
const stack = useStack();

const server = () => pickOwner(stack(), SERVERS);
const instance = () => pickOwner(stack(), INSTANCES, (r) => r.instance.state === 'RUNNING');

/** Every family mutation, with an input that is valid but for `equipmentId`. */
const MUTATIONS: Array<[string, Record<string, unknown>]> = [
  ['updateEquipmentIp', { ip: '192.0.2.1', reverseLookup: 'x.example.com' }],
  ['nullRouteEquipmentIp', { ip: '192.0.2.1' }],
  ['removeEquipmentIpNullRoute', { ip: '192.0.2.1' }],
  ['createCredential', { type: 'OPERATING_SYSTEM', username: 'u', password: 'p' }],
  ['updateCredential', { type: 'OPERATING_SYSTEM', username: 'u', password: 'p' }],
  ['deleteCredential', { type: 'OPERATING_SYSTEM', username: 'u' }],
  ['deleteAllCredentials', {}],
  ['createNotificationSetting', { kind: 'BANDWIDTH', frequency: 'DAILY', threshold: 1, unit: 'GBPS' }],
  ['updateNotificationSetting', { kind: 'BANDWIDTH', settingId: '1', frequency: 'DAILY', threshold: 1, unit: 'GBPS' }],
  ['deleteNotificationSetting', { kind: 'BANDWIDTH', settingId: '1' }],
  ['updateDdosNotificationSettings', { nulling: 'DISABLED' }],
  ['powerOnEquipment', {}],
  ['powerOffEquipment', {}],
  ['powerCycleEquipment', {}],
  ['createSnapshot', { name: 'x' }],
  ['restoreSnapshot', { snapshotId: '00000000-0000-4000-8000-000000000000' }],
  ['deleteSnapshot', { snapshotId: '00000000-0000-4000-8000-000000000000' }],
  ['attachIso', { isoId: 'x' }],
  ['detachIso', {}],
];

const equipmentIdError = [{ field: ['input', 'equipmentId'], message: expect.any(String), code: 'INVALID', leasewebCode: null }];

describe('an equipmentId that names no owner', () => {
  const badIds: Array<[string, () => string]> = [
    ['a bare Leaseweb id', () => server().id],
    ['a bare instance UUID', () => instance().id],
    ['the global id of a type that owns no family (a Service)', () => `gid://leaseweb/Service/${server().id}`],
    ['the global id of an IP', () => 'gid://leaseweb/Ip/192.0.2.1'],
    ['a dot segment in a global id', () => 'gid://leaseweb/DedicatedServer/..'],
    ['a dot segment alone', () => '..'],
    ['a global id with an extra segment', () => `gid://leaseweb/DedicatedServer/${server().id}/ips`],
  ];
  for (const [what, id] of badIds) {
    it(`is refused on input.equipmentId, by every family mutation, without a call: ${what}`, async () => {
      const equipmentId = id();
      stack().emulator.clearLog();
      for (const [name, input] of MUTATIONS) {
        const res = await mutate(stack(), name, { ...input, equipmentId });
        expect(res.userErrors, name).toEqual(equipmentIdError);
      }
      expect(stack().calls()).toEqual([]);
    });
  }
});

describe('a family the owner does not have', () => {
  const refusals: Array<[string, () => { name: string; input: Record<string, unknown>; field: string[] }]> = [
    [
      'a snapshot of a dedicated server',
      () => ({ name: 'createSnapshot', input: { equipmentId: server().gid, name: 'x' }, field: ['input', 'equipmentId'] }),
    ],
    [
      'restoring a dedicated server from a snapshot',
      () => ({
        name: 'restoreSnapshot',
        input: { equipmentId: server().gid, snapshotId: '00000000-0000-4000-8000-000000000000' },
        field: ['input', 'equipmentId'],
      }),
    ],
    [
      'an ISO on a dedicated server',
      () => ({ name: 'attachIso', input: { equipmentId: server().gid, isoId: 'x' }, field: ['input', 'equipmentId'] }),
    ],
    [
      'detaching an ISO from a dedicated server',
      () => ({ name: 'detachIso', input: { equipmentId: server().gid }, field: ['input', 'equipmentId'] }),
    ],
    [
      'deleting every credential of a dedicated server at once',
      () => ({ name: 'deleteAllCredentials', input: { equipmentId: server().gid }, field: ['input', 'equipmentId'] }),
    ],
    [
      'a notification setting on an instance',
      () => ({
        name: 'createNotificationSetting',
        input: { equipmentId: instance().gid, kind: 'BANDWIDTH', frequency: 'DAILY', threshold: 1, unit: 'GBPS' },
        field: ['input', 'equipmentId'],
      }),
    ],
    [
      'DDoS notifications on an instance',
      () => ({
        name: 'updateDdosNotificationSettings',
        input: { equipmentId: instance().gid, nulling: 'DISABLED' },
        field: ['input', 'equipmentId'],
      }),
    ],
    [
      'a DDoS detection profile on an instance IP',
      () => {
        const ip = stack().demo.ipManagement.byEquipment.get(instance().id)?.[0]?.ip ?? '192.0.2.1';
        return {
          name: 'updateEquipmentIp',
          input: { equipmentId: instance().gid, ip, detectionProfile: 'ADVANCED_LOW_UDP' },
          field: ['input', 'detectionProfile'],
        };
      },
    ],
    [
      'a comment on a server null route',
      () => ({
        name: 'nullRouteEquipmentIp',
        input: { equipmentId: server().gid, ip: '192.0.2.1', comment: 'why' },
        field: ['input', 'comment'],
      }),
    ],
    [
      'an automatic unnulling on a server null route',
      () => ({
        name: 'nullRouteEquipmentIp',
        input: { equipmentId: server().gid, ip: '192.0.2.1', automatedUnnullingAfterHours: 2 },
        field: ['input', 'automatedUnnullingAfterHours'],
      }),
    ],
    [
      'a PDU credential on an instance',
      () => ({
        name: 'createCredential',
        input: { equipmentId: instance().gid, type: 'PDU', username: 'u', password: 'p' },
        field: ['input', 'type'],
      }),
    ],
    [
      'changing a DATABASE credential of an instance',
      () => ({
        name: 'updateCredential',
        input: { equipmentId: instance().gid, type: 'DATABASE', username: 'u', password: 'p' },
        field: ['input', 'type'],
      }),
    ],
    [
      'deleting a VNC credential of an instance',
      () => ({ name: 'deleteCredential', input: { equipmentId: instance().gid, type: 'VNC', username: 'u' }, field: ['input', 'type'] }),
    ],
  ];
  for (const [what, build] of refusals) {
    it(`refuses ${what}, on the field at fault, without a call`, async () => {
      const { name, input, field } = build();
      stack().emulator.clearLog();
      const res = await mutate(stack(), name, input);
      expect(res.userErrors).toEqual([{ field, message: expect.any(String), code: 'INVALID', leasewebCode: null }]);
      expect(stack().calls()).toEqual([]);
    });
  }

  it('refuses to read an instance credential type other than OPERATING_SYSTEM or CONTROL_PANEL, without a call for it', async () => {
    const owner = instance();
    for (const field of ['credentials(type: PDU) { totalCount }', 'credential(type: REMOTE_MANAGEMENT, username: "root") { password }']) {
      const res = await stack().query(`query($id: ID!) { publicCloudInstance(id: $id) { leasewebId ${field} } }`, { id: owner.id });
      expect(res.data?.publicCloudInstance.leasewebId, field).toBe(owner.id);
      expect(res.errors, field).toHaveLength(1);
      expect(res.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
    }
    expect(stack().calls({ path: '/credentials' })).toEqual([]);
  });

  it('has no instance field for what only servers have, and no server field for what only instances have', async () => {
    const res = await stack()
      .query(`{ publicCloudInstance(id: "x") { powerStatus { ipmi } nullRouteHistory { totalCount } ddosNotificationSettings { nulling } }
      dedicatedServer(id: "1") { snapshots { totalCount } console { url } cpuMetrics(from: "2026-01-01", to: "2026-01-02") { unit } } }`);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(Array(6).fill('GRAPHQL_VALIDATION_FAILED'));
    expect(stack().calls()).toEqual([]);
  });
});

describe('the payload of a refusal', () => {
  it('answers no equipment, IP or credential with the userError', async () => {
    const equipmentId = `gid://leaseweb/Service/${server().id}`;
    expect(await mutate(stack(), 'powerOnEquipment', { equipmentId }, `equipment { id } ${USER_ERRORS}`)).toEqual({
      equipment: null,
      userErrors: equipmentIdError,
    });
    expect(await mutate(stack(), 'nullRouteEquipmentIp', { equipmentId, ip: '192.0.2.1' }, `ip { ip } ${USER_ERRORS}`)).toEqual({
      ip: null,
      userErrors: equipmentIdError,
    });
    expect(
      await mutate(
        stack(),
        'createCredential',
        { equipmentId, type: 'OPERATING_SYSTEM', username: 'u', password: 'p' },
        `credential { username } ${USER_ERRORS}`,
      ),
    ).toEqual({ credential: null, userErrors: equipmentIdError });
    expect(
      await mutate(
        stack(),
        'createNotificationSetting',
        { equipmentId, kind: 'BANDWIDTH', frequency: 'DAILY', threshold: 1, unit: 'GBPS' },
        `notificationSetting { settingId } ${USER_ERRORS}`,
      ),
    ).toEqual({ notificationSetting: null, userErrors: equipmentIdError });
  });
});
