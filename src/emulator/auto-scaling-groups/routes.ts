import { randomInt } from 'node:crypto';
import type { AutoScalingGroup } from '../../datasources/types/public-cloud-auto-scaling-groups.js';
import { badRequest, noContent, ok, paginate, validateBody } from '../http.js';
import { Rng } from '../prng.js';
import { regions } from '../public-cloud/catalogues.js';
import { isoTime } from '../public-cloud/data.js';
import type { Route } from '../types.js';
import {
  autoScaledInstance,
  deregister,
  findGroup,
  groupDetail,
  members,
  refused,
  register,
  scale,
  terminate,
  type AutoScalingGroupRecord,
  type AutoScalingGroupsDataset,
  type AutoScalingGroupsRequest as Req,
} from './data.js';

const BASE = '/publicCloud/v1/autoScalingGroups';
const TYPES = ['MANUAL', 'SCHEDULED', 'CPU_BASED'] as const;
const STATES = ['ACTIVE', 'CREATING', 'CREATED', 'DESTROYED', 'DESTROYING', 'SCALING', 'UPDATING'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The amounts and times a group has; which are required or allowed depends on its type. */
type Settings = Pick<
  AutoScalingGroup,
  'desiredAmount' | 'minimumAmount' | 'maximumAmount' | 'cpuThreshold' | 'warmupTime' | 'cooldownTime' | 'startsAt' | 'endsAt'
>;
const SETTINGS = {
  desiredAmount: 'number',
  minimumAmount: 'number',
  maximumAmount: 'number',
  cpuThreshold: 'number',
  warmupTime: 'number',
  cooldownTime: 'number',
  startsAt: 'string',
  endsAt: 'string',
} as const;
/** The documented bounds (`desiredAmount >= 1`, `cpuThreshold [1 .. 100]`, `warmupTime [60 .. 900]` …). */
const BOUNDS: Partial<Record<keyof Settings, [number, number]>> = {
  desiredAmount: [1, Infinity],
  minimumAmount: [1, Infinity],
  maximumAmount: [1, Infinity],
  cpuThreshold: [1, 100],
  warmupTime: [60, 900],
  cooldownTime: [300, 900],
};
const CPU_ONLY = ['maximumAmount', 'cpuThreshold', 'warmupTime', 'cooldownTime'] as const;
const SCHEDULED_ONLY = ['startsAt', 'endsAt'] as const;

/** What a type requires at creation (the reference's "Required for …"). */
const REQUIRED: Record<AutoScalingGroup['type'], ReadonlyArray<keyof Settings>> = {
  MANUAL: ['desiredAmount'],
  SCHEDULED: ['desiredAmount', 'startsAt', 'endsAt'],
  CPU_BASED: ['minimumAmount', 'maximumAmount', 'cpuThreshold', 'warmupTime', 'cooldownTime'],
};

/** Checks the settings of a group of `type` after the change; errorDetails per field. */
function checkSettings(type: AutoScalingGroup['type'], given: Partial<Settings>, after: Settings): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const [field, [min, max]] of Object.entries(BOUNDS) as Array<[keyof Settings, [number, number]]>) {
    const v = given[field];
    if (typeof v === 'number' && (!Number.isInteger(v) || v < min || v > max))
      details[field] = [max === Infinity ? `This value should be ${min} or more.` : `This value should be between ${min} and ${max}.`];
  }
  if (type !== 'CPU_BASED') for (const f of CPU_ONLY) if (given[f] !== undefined) details[f] = ['Only for a CPU_BASED auto scaling group.'];
  if (type !== 'SCHEDULED')
    for (const f of SCHEDULED_ONLY) if (given[f] !== undefined) details[f] = ['Only for a SCHEDULED auto scaling group.'];
  for (const f of SCHEDULED_ONLY) {
    const v = given[f];
    if (typeof v === 'string' && Number.isNaN(Date.parse(v))) details[f] = ['This value is not a valid date-time.'];
  }
  if (type === 'SCHEDULED' && (given.startsAt === undefined) !== (given.endsAt === undefined))
    details[given.startsAt === undefined ? 'startsAt' : 'endsAt'] = ['startsAt and endsAt must be changed together.'];
  if (type === 'SCHEDULED' && after.startsAt && after.endsAt && Date.parse(after.endsAt) <= Date.parse(after.startsAt))
    details.endsAt = ['endsAt must be after startsAt.'];
  if (type === 'CPU_BASED' && after.minimumAmount !== null && after.maximumAmount !== null && after.maximumAmount < after.minimumAmount)
    details.maximumAmount = ['maximumAmount must not be less than minimumAmount.'];
  return details;
}

/** Leaseweb's `date-time` written back the way it writes times (`…+00:00`). */
const time = (v: string | null | undefined) => (v ? isoTime(Date.parse(v)) : null);

function getAutoScalingGroupList(req: Req) {
  const q = req.query;
  for (const [name, allowed] of [
    ['type', TYPES],
    ['state', STATES],
    ['region', regions.map((r) => r.name)],
  ] as const) {
    const v = q.get(name);
    if (v && !allowed.includes(v as never)) throw badRequest({ [name]: [`The value should be one of: ${allowed.join(', ')}.`] });
  }
  const list = [...req.data.autoScalingGroups.groups.values()].filter(
    (r) =>
      (!q.get('id') || r.group.id === q.get('id')) &&
      (!q.get('instanceId') || r.instanceIds.includes(q.get('instanceId')!)) &&
      (!q.get('type') || r.group.type === q.get('type')) &&
      (!q.get('region') || r.group.region === q.get('region')) &&
      (!q.get('reference') || r.group.reference === q.get('reference')) &&
      (!q.get('state') || r.group.state === q.get('state')),
  );
  return paginate(
    req,
    list.map((r) => ({ ...r.group })),
    'autoScalingGroups',
    { defaultLimit: 10 },
  );
}

const getAutoScalingGroupDetails = (req: Req) => ok(groupDetail(req.data, findGroup(req)));

/** A fresh Rng per write: ids of new instances need not repeat across runs. */
const writeRng = () => new Rng(randomInt(1, 2 ** 31 - 1));

function createAutoScalingGroup(req: Req) {
  const body = validateBody<Partial<Settings> & { instanceId: string; reference: string; type: AutoScalingGroup['type'] }>(
    req,
    { ...SETTINGS, instanceId: 'string', reference: 'string', type: TYPES },
    ['instanceId', 'reference', 'type'],
  );
  const details: Record<string, string[]> = {};
  for (const f of REQUIRED[body.type])
    if (body[f] === undefined || body[f] === null) details[f] = [`Required for a ${body.type} auto scaling group.`];
  if (body.reference.length > 255) details.reference = ['This value is too long. It should have 255 characters or less.'];
  const source = UUID.test(body.instanceId) ? req.data.publicCloud.instances.get(body.instanceId) : undefined;
  if (!source) details.instanceId = ['Unknown instance.'];
  else if (source.instance.state !== 'RUNNING' && source.instance.state !== 'STOPPED')
    details.instanceId = ['The instance needs to be either Running or Stopped.'];
  const settings: Settings = {
    desiredAmount: body.desiredAmount ?? null,
    minimumAmount: body.minimumAmount ?? null,
    maximumAmount: body.maximumAmount ?? null,
    cpuThreshold: body.cpuThreshold ?? null,
    warmupTime: body.warmupTime ?? null,
    cooldownTime: body.cooldownTime ?? null,
    startsAt: time(body.startsAt),
    endsAt: time(body.endsAt),
  };
  Object.assign(details, checkSettings(body.type, body, settings));
  if (Object.keys(details).length || !source) throw badRequest(details);
  const now = isoTime(Date.now());
  const rng = writeRng();
  const record: AutoScalingGroupRecord = {
    group: {
      id: rng.uuid(),
      type: body.type,
      state: 'ACTIVE',
      ...settings,
      region: source.instance.region,
      reference: body.reference,
      createdAt: now,
      updatedAt: now,
    },
    sourceInstanceId: source.instance.id,
    instanceIds: [],
    targetGroupIds: [],
  };
  req.data.autoScalingGroups.groups.set(record.group.id, record);
  scale(req.data, record, rng);
  // Answered as the reference's sample (CREATING); the emulator has no clock, so the group
  // is ACTIVE with its instances by the next request.
  return ok({ ...groupDetail(req.data, record), state: 'CREATING' }, 201);
}

/** A group being made, removed or changed takes no other change (Leaseweb answers 400). */
function changeable(r: AutoScalingGroupRecord): AutoScalingGroupRecord {
  if (r.group.state !== 'ACTIVE' && r.group.state !== 'CREATED')
    throw refused(`The auto scaling group is ${r.group.state.toLowerCase()}; try again when it is active.`);
  return r;
}

function updateAutoScalingGroup(req: Req) {
  const r = changeable(findGroup(req));
  const body = validateBody<Partial<Settings> & { reference?: string }>(req, { ...SETTINGS, reference: 'string' });
  const after: Settings = { ...r.group };
  for (const f of Object.keys(SETTINGS) as Array<keyof Settings>) {
    const v = body[f];
    if (v !== undefined && v !== null) (after as Record<string, unknown>)[f] = f === 'startsAt' || f === 'endsAt' ? time(v as string) : v;
  }
  const details = checkSettings(r.group.type, body, after);
  if (body.reference !== undefined && body.reference.length > 255)
    details.reference = ['This value is too long. It should have 255 characters or less.'];
  if (Object.keys(details).length) throw badRequest(details);
  Object.assign(r.group, after, body.reference !== undefined ? { reference: body.reference } : {}, { updatedAt: isoTime(Date.now()) });
  scale(req.data, r, writeRng());
  return ok(groupDetail(req.data, r));
}

/** Deletes the group: its instances are terminated and leave their target groups. */
function deleteAutoScalingGroup(req: Req) {
  const r = changeable(findGroup(req));
  for (const m of members(req.data, r)) terminate(req.data, r, m);
  for (const id of [...r.targetGroupIds]) {
    const g = req.data.loadBalancers.targetGroups.get(id);
    if (g) deregister(req.data, r, g);
  }
  for (const lb of req.data.loadBalancers.balancers.values()) if (lb.lb.autoScalingGroup?.id === r.group.id) lb.lb.autoScalingGroup = null;
  req.data.autoScalingGroups.groups.delete(r.group.id);
  return noContent();
}

function listAutoScalingGroupInstances(req: Req) {
  const r = findGroup(req);
  return paginate(
    req,
    members(req.data, r).map((m) => autoScaledInstance(req.data, m)),
    'instances',
    { defaultLimit: 10 },
  );
}

/** The body's target group, which must exist and be in the group's region. */
function targetGroupOf(req: Req, r: AutoScalingGroupRecord) {
  const body = validateBody<{ targetGroupId: string }>(req, { targetGroupId: 'string' }, ['targetGroupId']);
  const g = req.data.loadBalancers.targetGroups.get(body.targetGroupId);
  if (!g) throw badRequest({ targetGroupId: ['Unknown target group.'] });
  if (g.group.region !== r.group.region) throw badRequest({ targetGroupId: ['The target group is in another region.'] });
  return g;
}

function registerAutoScalingGroupTargetGroup(req: Req) {
  const r = changeable(findGroup(req));
  const g = targetGroupOf(req, r);
  if (r.targetGroupIds.includes(g.group.id))
    throw badRequest({ targetGroupId: ['The auto scaling group is already registered with this target group.'] });
  register(req.data, r, g);
  return ok(groupDetail(req.data, r));
}

function deregisterAutoScalingGroupTargetGroup(req: Req) {
  const r = changeable(findGroup(req));
  const g = targetGroupOf(req, r);
  if (!r.targetGroupIds.includes(g.group.id))
    throw badRequest({ targetGroupId: ['The auto scaling group is not registered with this target group.'] });
  deregister(req.data, r, g);
  return ok(groupDetail(req.data, r));
}

const ASG = `${BASE}/{autoScalingGroupId}`;
export const routes: Array<Route<AutoScalingGroupsDataset>> = [
  { id: 'publicCloud.getAutoScalingGroupList', method: 'GET', path: BASE, handler: getAutoScalingGroupList },
  { id: 'publicCloud.createAutoScalingGroup', method: 'POST', path: BASE, handler: createAutoScalingGroup },
  { id: 'publicCloud.getAutoScalingGroupDetails', method: 'GET', path: ASG, handler: getAutoScalingGroupDetails },
  { id: 'publicCloud.updateAutoScalingGroup', method: 'PUT', path: ASG, handler: updateAutoScalingGroup },
  { id: 'publicCloud.deleteAutoScalingGroup', method: 'DELETE', path: ASG, handler: deleteAutoScalingGroup },
  { id: 'publicCloud.listAutoScalingGroupInstances', method: 'GET', path: `${ASG}/instances`, handler: listAutoScalingGroupInstances },
  {
    id: 'publicCloud.registerAutoScalingGroupTargetGroup',
    method: 'POST',
    path: `${ASG}/registerTargetGroup`,
    handler: registerAutoScalingGroupTargetGroup,
  },
  {
    id: 'publicCloud.deregisterAutoScalingGroupTargetGroup',
    method: 'POST',
    path: `${ASG}/deregisterTargetGroup`,
    handler: deregisterAutoScalingGroupTargetGroup,
  },
];
