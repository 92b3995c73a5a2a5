import { describe, expect, it } from 'vitest';
import {
  INSTANCES,
  LOAD_BALANCERS,
  NETWORK_EQUIPMENT,
  SERVERS,
  USER_ERRORS,
  VPS,
  mutate,
  pickOwner,
  readOwner,
  writes,
  type OwnerKind,
} from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';
import { POWER } from '../support/values.js';

/**
 * The power family: `powerOnEquipment`, `powerOffEquipment`, `powerCycleEquipment`, keyed
 * by the owner's global id. Dedicated servers do it with powerOn/powerOff/powerCycle and
 * report a power status; Public Cloud instances with start/stop/reboot and their `state`.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'power',
  () => true,
);

interface Row {
  kind: OwnerKind<any>;
  /** An owner that is powered on (and, for an instance, under an active contract). */
  poweredOn: (r: any) => boolean;
  /** The upstream action behind on, off and cycle. */
  verbs: { on: string; off: string; cycle: string };
  missingId: string;
}

const rows: Row[] = [
  {
    kind: SERVERS,
    poweredOn: (r) => r.power.ipmi === 'on' && r.power.pdu === 'on',
    verbs: { on: 'powerOn', off: 'powerOff', cycle: 'powerCycle' },
    missingId: '999999999',
  },
  {
    kind: INSTANCES,
    poweredOn: (r) => r.instance.state === 'RUNNING' && r.instance.contract.state === 'ACTIVE',
    verbs: { on: 'start', off: 'stop', cycle: 'reboot' },
    missingId: '00000000-0000-4000-8000-000000000000',
  },
  {
    kind: VPS,
    poweredOn: (r) => r.vps.state === 'RUNNING' && r.vps.contract.state === 'ACTIVE',
    verbs: { on: 'start', off: 'stop', cycle: 'reboot' },
    missingId: VPS.missingId,
  },
  {
    kind: LOAD_BALANCERS,
    poweredOn: (r) => r.lb.state === 'RUNNING' && r.lb.contract.state === 'ACTIVE',
    verbs: { on: 'start', off: 'stop', cycle: 'reboot' },
    missingId: LOAD_BALANCERS.missingId,
  },
  {
    kind: NETWORK_EQUIPMENT,
    poweredOn: (r) => r.power.pdu === 'on',
    verbs: { on: 'powerOn', off: 'powerOff', cycle: 'powerCycle' },
    missingId: '999999999',
  },
];

describe.each(rows)('$kind.typename power', ({ kind, poweredOn, verbs, missingId }) => {
  it('powers off, on and cycles through the owner’s own actions, answering the owner', async () => {
    const owner = pickOwner(stack(), kind, poweredOn);
    const EQUIPMENT = `equipment { __typename id } ${USER_ERRORS}`;
    for (const name of ['powerOffEquipment', 'powerOnEquipment', 'powerCycleEquipment']) {
      expect(await mutate(stack(), name, { equipmentId: owner.gid }, EQUIPMENT), name).toEqual({
        equipment: { __typename: kind.typename, id: owner.gid },
        userErrors: [],
      });
    }
    expect(writes(stack())).toEqual([
      `POST ${owner.base}/${verbs.off}`,
      `POST ${owner.base}/${verbs.on}`,
      `POST ${owner.base}/${verbs.cycle}`,
    ]);
  });

  it('answers NOT_FOUND for an owner that does not exist', async () => {
    const res = await mutate(
      stack(),
      'powerOnEquipment',
      { equipmentId: `gid://leaseweb/${kind.typename}/${missingId}` },
      `equipment { id } ${USER_ERRORS}`,
    );
    expect(res).toEqual({
      equipment: null,
      userErrors: [{ field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' }],
    });
    expect(writes(stack())).toEqual([`POST ${kind.collection}/${missingId}/${verbs.on}`]);
  });
});

describe.each([{ kind: NETWORK_EQUIPMENT }])('$kind.typename power (PDU only)', ({ kind }) => {
  it('shows the power status from the PDU alone, as documented, and follows a power off', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.power.pdu === 'on');
    const STATUS = 'powerStatus { ipmi pdu poweredOn }';
    expect((await readOwner(stack(), owner, STATUS)).powerStatus).toEqual({ ipmi: null, pdu: 'ON', poweredOn: true });
    await mutate(stack(), 'powerOffEquipment', { equipmentId: owner.gid });
    expect((await readOwner(stack(), owner, STATUS)).powerStatus).toEqual({ ipmi: null, pdu: 'OFF', poweredOn: false });
    expect(stack().calls({ path: `${owner.base}/powerInfo` })).toHaveLength(2);
    await mutate(stack(), 'powerOnEquipment', { equipmentId: owner.gid });
  });
});

describe.each([{ kind: SERVERS }])('$kind.typename power (bareMetals)', ({ kind }) => {
  const live = (id: string) => stack().demo.dedicatedServers.servers.get(id)!;

  it('shows the power status from IPMI and PDU', async () => {
    const off = pickOwner(stack(), kind, (x) => x.power.ipmi === 'off');
    const on = pickOwner(stack(), kind, (x) => x.power.ipmi === 'on');
    const STATUS = 'powerStatus { ipmi pdu poweredOn }';
    expect((await readOwner(stack(), off, STATUS)).powerStatus).toEqual({
      ipmi: 'OFF',
      pdu: POWER[off.record.power.pdu],
      poweredOn: false,
    });
    expect((await readOwner(stack(), on, STATUS)).powerStatus).toEqual({
      ipmi: 'ON',
      pdu: POWER[on.record.power.pdu],
      poweredOn: on.record.power.pdu === 'on',
    });
    expect(
      stack()
        .calls({ path: '/powerInfo' })
        .map((c) => c.path),
    ).toEqual([`${off.base}/powerInfo`, `${on.base}/powerInfo`]);
  });

  it('powers a server off, on and cycles it, as powerStatus shows', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.power.ipmi === 'on' && x.power.pdu === 'on');
    const run = (name: string) =>
      mutate(
        stack(),
        name,
        { equipmentId: owner.gid },
        `equipment { ... on DedicatedServer { powerStatus { ipmi pdu poweredOn } } } ${USER_ERRORS}`,
      );
    expect(await run('powerOffEquipment')).toEqual({
      equipment: { powerStatus: { ipmi: 'OFF', pdu: 'ON', poweredOn: false } },
      userErrors: [],
    });
    expect(live(owner.id).power.ipmi).toBe('off');
    expect((await run('powerCycleEquipment')).equipment.powerStatus).toEqual({ ipmi: 'ON', pdu: 'ON', poweredOn: true });
    await run('powerOffEquipment');
    expect((await run('powerOnEquipment')).equipment.powerStatus.poweredOn).toBe(true);
    expect(live(owner.id).power).toEqual({ ipmi: 'on', pdu: 'on' });
    expect(writes(stack())).toEqual([
      `POST ${owner.base}/powerOff`,
      `POST ${owner.base}/powerCycle`,
      `POST ${owner.base}/powerOff`,
      `POST ${owner.base}/powerOn`,
    ]);
  });
});

describe.each([{ kind: INSTANCES as OwnerKind<any> }, { kind: VPS }, { kind: LOAD_BALANCERS }])(
  '$kind.typename power (Public Cloud: the machine state machine)',
  ({ kind }) => {
    const m = kind.machine!;
    it('stops a running instance, starts a stopped one, reboots only when running', async () => {
      const owner = pickOwner(stack(), kind, (x) => m(x).state === 'RUNNING' && m(x).contract.state === 'ACTIVE');
      const input = { equipmentId: owner.gid };
      const run = (name: string) => mutate(stack(), name, input, `equipment { ... on ${kind.typename} { state } } ${USER_ERRORS}`);
      expect(await run('powerOffEquipment')).toEqual({ equipment: { state: 'STOPPED' }, userErrors: [] });
      expect(m(owner.record).state).toBe('STOPPED');
      const again = await run('powerOffEquipment');
      // The refusal names the input field the caller gave: equipmentId (Leaseweb calls it instanceId).
      expect(again).toMatchObject({
        equipment: null,
        userErrors: [{ field: ['input', 'equipmentId'], code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' }],
      });
      expect(again.userErrors).toHaveLength(1);
      expect(again.userErrors[0].message).toMatch(/must be RUNNING/);
      expect((await run('powerCycleEquipment')).userErrors).toHaveLength(1);
      expect(m(owner.record).state).toBe('STOPPED');
      expect((await run('powerOnEquipment')).equipment.state).toBe('RUNNING');
      expect((await run('powerOnEquipment')).userErrors[0].message).toMatch(/must be STOPPED/);
      expect(await run('powerCycleEquipment')).toEqual({ equipment: { state: 'RUNNING' }, userErrors: [] });
      expect(
        stack()
          .calls({ method: 'POST' })
          .map((c) => c.path.split('/').pop()),
      ).toEqual(['stop', 'stop', 'reboot', 'start', 'start', 'reboot']);
    });
  },
);

describe.each([{ kind: INSTANCES }])('$kind.typename power (Public Cloud instances only)', ({ kind }) => {
  it('refuses to power off an instance that is being destroyed', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.instance.contract.type === 'HOURLY' && x.instance.state === 'RUNNING');
    const terminated = await stack().data(
      `mutation($id: ID!) { terminatePublicCloudInstance(input: { instanceId: $id }) { instance { state } ${USER_ERRORS} } }`,
      { id: owner.id },
    );
    expect(terminated.terminatePublicCloudInstance).toEqual({ instance: { state: 'DESTROYING' }, userErrors: [] });
    const stop = await mutate(stack(), 'powerOffEquipment', { equipmentId: owner.gid });
    expect(stop.userErrors[0].message).toMatch(/destroying/);
    expect(owner.record.instance.state).toBe('DESTROYING');
  });
});

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(17);
    expect(reached.missing()).toEqual([]);
  });
});
