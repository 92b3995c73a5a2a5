import { describe, expect, it } from 'vitest';
import { RACKS, SERVERS, USER_ERRORS, mutate, pickOwner, readOwner, writes, type OwnerKind } from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';

/**
 * The notification-settings family: bandwidth and data traffic alerts and DDoS
 * notifications. Dedicated servers are its only owner (Public Cloud instances have none),
 * so the rows hold one owner; the writes are keyed by the owner's global id.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'notificationSettings',
  () => true,
);

describe.each<{ kind: OwnerKind<any> }>([{ kind: SERVERS }, { kind: RACKS }])('$kind.typename notification settings', ({ kind }) => {
  it('lists and shows bandwidth and data traffic notification settings', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.bandwidthSettings.length > 0 && x.datatrafficSettings.length > 0);
    const r = owner.record;
    const [bw, dt] = [r.bandwidthSettings[0]!, r.datatrafficSettings[0]!];
    const s = await readOwner(
      stack(),
      owner,
      `
      bandwidth: notificationSettings(kind: BANDWIDTH) { totalCount nodes { settingId frequency threshold unit actions { type } } }
      datatraffic: notificationSettings(kind: DATATRAFFIC) { totalCount nodes { settingId } }
      oneBw: notificationSetting(kind: BANDWIDTH, id: $bw) { settingId unit lastCheckedAt }
      oneDt: notificationSetting(kind: DATATRAFFIC, id: $dt) { settingId threshold unit }
      missing: notificationSetting(kind: DATATRAFFIC, id: $bw) { settingId }`,
      '$bw: String!, $dt: String!',
      { bw: bw.id, dt: dt.id },
    );
    expect(s.bandwidth).toEqual({
      totalCount: r.bandwidthSettings.length,
      nodes: r.bandwidthSettings.map((n: any) => ({
        settingId: n.id,
        frequency: n.frequency,
        threshold: Number(n.threshold),
        unit: n.unit,
        actions: n.actions.map((a: { type: string }) => ({ type: a.type })),
      })),
    });
    expect(s.datatraffic).toEqual({
      totalCount: r.datatrafficSettings.length,
      nodes: r.datatrafficSettings.map((n: { id: string }) => ({ settingId: n.id })),
    });
    expect(s.oneBw).toEqual({ settingId: bw.id, unit: bw.unit, lastCheckedAt: bw.lastCheckedAt });
    expect(s.oneDt).toEqual({ settingId: dt.id, threshold: Number(dt.threshold), unit: dt.unit });
    expect(s.missing).toBeNull();
    expect(stack().calls({ path: `${owner.base}/notificationSettings/bandwidth/${bw.id}` })).toHaveLength(1);
  });

  const kinds = [
    { kind: 'BANDWIDTH', unit: 'Mbps', input: 'MBPS', otherUnit: 'Gbps', otherInput: 'GBPS', list: 'bandwidthSettings' },
    { kind: 'DATATRAFFIC', unit: 'GB', input: 'GB', otherUnit: 'TB', otherInput: 'TB', list: 'datatrafficSettings' },
  ] as const;
  for (const { kind: settingKind, unit, input, otherUnit, otherInput, list } of kinds) {
    it(`creates, shows, updates and deletes a ${settingKind.toLowerCase()} alert`, async () => {
      const owner = pickOwner(stack(), kind);
      const before = owner.record[list].length;
      const SETTING = `notificationSetting { id settingId kind frequency threshold unit equipment { id } } ${USER_ERRORS}`;
      const created = await mutate(
        stack(),
        'createNotificationSetting',
        { equipmentId: owner.gid, kind: settingKind, frequency: 'DAILY', threshold: 2.5, unit: input },
        SETTING,
      );
      const setting = created.notificationSetting;
      expect(created.userErrors).toEqual([]);
      const settingId = (sid: string) =>
        `gid://leaseweb/NotificationSetting/${kind.typename}/${owner.id}/${settingKind.toLowerCase()}/${sid}`;
      const on = { kind: settingKind, equipment: { id: owner.gid } };
      expect(setting).toEqual({
        id: settingId(setting.settingId),
        settingId: expect.any(String),
        frequency: 'DAILY',
        threshold: 2.5,
        unit,
        ...on,
      });
      // The id refetches the alert.
      const NODE = 'query($id: ID!) { node(id: $id) { id ... on NotificationSetting { settingId threshold } } }';
      expect((await stack().data(NODE, { id: setting.id })).node).toEqual({ id: setting.id, settingId: setting.settingId, threshold: 2.5 });
      expect(owner.record[list].map((s: { id: string }) => s.id)).toContain(setting.settingId);

      const READ = `notificationSettings(kind: ${settingKind}) { totalCount nodes { settingId } } notificationSetting(kind: ${settingKind}, id: $sid) { frequency threshold unit }`;
      const listed = await readOwner(stack(), owner, READ, '$sid: String!', { sid: setting.settingId });
      expect(listed.notificationSettings.totalCount).toBe(before + 1);
      expect(listed.notificationSetting).toEqual({ frequency: 'DAILY', threshold: 2.5, unit });

      const updated = await mutate(
        stack(),
        'updateNotificationSetting',
        { equipmentId: owner.gid, kind: settingKind, settingId: setting.settingId, frequency: 'MONTHLY', threshold: 7, unit: otherInput },
        SETTING,
      );
      expect(updated).toEqual({
        notificationSetting: { id: setting.id, settingId: setting.settingId, frequency: 'MONTHLY', threshold: 7, unit: otherUnit, ...on },
        userErrors: [],
      });
      expect((await readOwner(stack(), owner, READ, '$sid: String!', { sid: setting.settingId })).notificationSetting).toEqual({
        frequency: 'MONTHLY',
        threshold: 7,
        unit: otherUnit,
      });

      const deleted = await mutate(
        stack(),
        'deleteNotificationSetting',
        { equipmentId: owner.gid, kind: settingKind, settingId: setting.settingId },
        `deletedId equipment { ... on ${kind.typename} { notificationSettings(kind: ${settingKind}) { totalCount } } } ${USER_ERRORS}`,
      );
      expect(deleted).toEqual({ deletedId: setting.id, equipment: { notificationSettings: { totalCount: before } }, userErrors: [] });
      const gone = await readOwner(stack(), owner, READ, '$sid: String!', { sid: setting.settingId });
      expect(gone.notificationSetting).toBeNull();
      expect((await stack().data(NODE, { id: setting.id })).node).toBeNull();

      const base = `${owner.base}/notificationSettings/${settingKind.toLowerCase()}`;
      expect(writes(stack())).toEqual([`POST ${base}`, `PUT ${base}/${setting.settingId}`, `DELETE ${base}/${setting.settingId}`]);
    });
  }

  it('answers userErrors for an invalid threshold (a 400 from Leaseweb), a unit of the other kind (without a call), and for an unknown alert', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.bandwidthSettings.length > 0);
    const settingsBefore = structuredClone(owner.record.bandwidthSettings);
    const create = (threshold: number, unit: string) =>
      mutate(
        stack(),
        'createNotificationSetting',
        { equipmentId: owner.gid, kind: 'BANDWIDTH', frequency: 'WEEKLY', threshold, unit },
        `notificationSetting { settingId } ${USER_ERRORS}`,
      );
    expect(await create(0, 'GBPS')).toEqual({
      notificationSetting: null,
      userErrors: [{ field: ['input', 'threshold'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' }],
    });
    stack().emulator.clearLog();
    expect((await create(1, 'TB')).userErrors).toEqual([
      { field: ['input', 'unit'], message: 'A bandwidth alert takes MBPS or GBPS as its unit.', code: 'INVALID', leasewebCode: null },
    ]);
    expect(writes(stack())).toEqual([]);
    const update = await mutate(stack(), 'updateNotificationSetting', {
      equipmentId: owner.gid,
      kind: 'BANDWIDTH',
      settingId: owner.record.bandwidthSettings[0]!.id,
      frequency: 'DAILY',
      threshold: -3,
      unit: 'GBPS',
    });
    expect(update.userErrors[0]).toMatchObject({ field: ['input', 'threshold'] });
    const unknown = await mutate(stack(), 'deleteNotificationSetting', { equipmentId: owner.gid, kind: 'DATATRAFFIC', settingId: '1' });
    expect(unknown.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(owner.record.bandwidthSettings).toEqual(settingsBefore);
  });

  it('inspects DDoS notification settings', async () => {
    const disabled = pickOwner(stack(), kind, (x) => x.ddos.scrubbing === 'DISABLED');
    const enabled = pickOwner(stack(), kind, (x) => x.ddos.scrubbing === 'ENABLED');
    for (const owner of [disabled, enabled]) {
      const o = await readOwner(stack(), owner, 'ddosNotificationSettings { nulling scrubbing }');
      expect(o.ddosNotificationSettings).toEqual(owner.record.ddos);
    }
    expect(
      stack()
        .calls({ path: '/notificationSettings' })
        .map((c) => c.path),
    ).toEqual([`${disabled.base}/notificationSettings/ddos`, `${enabled.base}/notificationSettings/ddos`]);
  });

  it('turns DDoS notifications on and off, leaving out what is not given', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.ddos.nulling === 'ENABLED' && x.ddos.scrubbing === 'ENABLED');
    const res = await mutate(
      stack(),
      'updateDdosNotificationSettings',
      { equipmentId: owner.gid, nulling: 'DISABLED' },
      `ddosNotificationSettings { id nulling scrubbing equipment { id } } equipment { ... on ${kind.typename} { ddosNotificationSettings { id nulling scrubbing } } } ${USER_ERRORS}`,
    );
    const id = `gid://leaseweb/DdosNotificationSettings/${kind.typename}/${owner.id}`;
    expect(res).toEqual({
      ddosNotificationSettings: { id, nulling: 'DISABLED', scrubbing: 'ENABLED', equipment: { id: owner.gid } },
      equipment: { ddosNotificationSettings: { id, nulling: 'DISABLED', scrubbing: 'ENABLED' } },
      userErrors: [],
    });
    expect(owner.record.ddos).toEqual({ nulling: 'DISABLED', scrubbing: 'ENABLED' });
    stack().emulator.clearLog();
    await mutate(stack(), 'updateDdosNotificationSettings', { equipmentId: owner.gid, scrubbing: 'DISABLED', nulling: 'ENABLED' });
    expect(owner.record.ddos).toEqual({ nulling: 'ENABLED', scrubbing: 'DISABLED' });
    // Not asked for, the settings are not read back.
    expect(
      stack()
        .calls({ path: '/notificationSettings' })
        .map((c) => c.method),
    ).toEqual(['PUT']);
  });

  it('answers NOT_FOUND for an owner that does not exist', async () => {
    const res = await mutate(stack(), 'createNotificationSetting', {
      equipmentId: `gid://leaseweb/${kind.typename}/999999999`,
      kind: 'BANDWIDTH',
      frequency: 'DAILY',
      threshold: 1,
      unit: 'GBPS',
    });
    expect(res.userErrors).toEqual([{ field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' }]);
    expect(writes(stack())).toHaveLength(1);
  });
});

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(24);
    expect(reached.missing()).toEqual([]);
  });
});
