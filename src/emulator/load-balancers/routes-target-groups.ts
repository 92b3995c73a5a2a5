import { randomUUID } from 'node:crypto';
import { badRequest, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import { regions } from '../public-cloud/catalogues.js';
import { instanceIpRecords, toInstanceIp } from '../public-cloud/data.js';
import type { Route } from '../types.js';
import type { LoadBalancersDataset, LoadBalancersRequest as Req, TargetGroupRecord } from './data.js';

const BASE = '/publicCloud/v1';
const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP'];

function findGroup(req: Req): TargetGroupRecord {
  const g = req.data.loadBalancers.targetGroups.get(req.params.targetGroupId!);
  if (!g) throw notFound('target group');
  return g;
}

function getTargetGroupList(req: Req) {
  const q = req.query;
  const list = [...req.data.loadBalancers.targetGroups.values()]
    .map((g) => g.group)
    .filter(
      (g) =>
        (!q.get('id') || g.id === q.get('id')) &&
        (!q.get('name') || g.name === q.get('name')) &&
        (!q.get('protocol') || g.protocol === q.get('protocol')) &&
        (!q.get('port') || String(g.port) === q.get('port')) &&
        (!q.get('region') || g.region === q.get('region')),
    );
  return paginate(req, list, 'targetGroups');
}

const getTargetGroupDetails = (req: Req) => ok(findGroup(req).group);

function createTargetGroup(req: Req) {
  const body = validateBody<TargetGroupRecord['group'] & Record<string, unknown>>(
    req,
    { name: 'string', protocol: PROTOCOLS, port: 'number', region: 'string', healthCheck: 'object' },
    ['name', 'protocol', 'port', 'region'],
  );
  if (!regions.some((r) => r.name === body.region)) throw badRequest({ region: ['Unknown region.'] });
  if (body.port < 1 || body.port > 65535) throw badRequest({ port: ['This value should be between 1 and 65535.'] });
  const group: TargetGroupRecord['group'] = {
    id: randomUUID(),
    name: body.name,
    protocol: body.protocol,
    port: body.port,
    region: body.region,
    healthCheck: body.healthCheck ?? null,
  };
  req.data.loadBalancers.targetGroups.set(group.id, { group, targets: [], autoScalingGroupIds: [] });
  return ok(group, 201);
}

function updateTargetGroup(req: Req) {
  const g = findGroup(req);
  const body = validateBody<Partial<TargetGroupRecord['group']>>(req, { name: 'string', port: 'number', healthCheck: 'object' });
  if (body.port !== undefined && (body.port < 1 || body.port > 65535))
    throw badRequest({ port: ['This value should be between 1 and 65535.'] });
  if (body.name !== undefined) g.group.name = body.name;
  if (body.port !== undefined) g.group.port = body.port;
  if (body.healthCheck !== undefined) g.group.healthCheck = body.healthCheck;
  return ok(g.group);
}

/** A target group a listener rule forwards to, or an auto scaling group is registered with, cannot go (Leaseweb answers 400). */
function deleteTargetGroup(req: Req) {
  const g = findGroup(req);
  const used = [...req.data.loadBalancers.balancers.values()].some((r) =>
    r.listeners.some((l) => l.rules.some((x) => x.targetGroupId === g.group.id)),
  );
  if (used) throw badRequest({ targetGroupId: ['The target group is in use by a listener.'] }, 'The target group is in use by a listener.');
  if (g.autoScalingGroupIds.length)
    throw badRequest(
      { targetGroupId: ['The target group is registered with an auto scaling group.'] },
      'The target group is registered with an auto scaling group.',
    );
  req.data.loadBalancers.targetGroups.delete(g.group.id);
  return noContent();
}

function listTargets(req: Req) {
  const g = findGroup(req);
  const targets = g.targets.flatMap((id) => {
    const r = req.data.publicCloud.instances.get(id);
    if (!r) return [];
    const i = r.instance;
    const healthy = i.state === 'RUNNING';
    return [
      {
        id: i.id,
        reference: i.reference,
        image: i.image,
        state: i.state,
        ips: instanceIpRecords(req.data, r).map((ip) => toInstanceIp(ip, false)),
        healthCheck: healthy
          ? { state: 'HEALTHY', description: `${g.group.protocol} check passed` }
          : { state: 'UNHEALTHY', description: `The instance is ${i.state.toLowerCase()}` },
      },
    ];
  });
  return paginate(req, targets, 'targets');
}

/** The body is a bare array of instance UUIDs; 423 while the group changes is not emulated. */
function targetIds(req: Req): string[] {
  const body = req.body;
  if (!Array.isArray(body) || body.length === 0 || body.some((x) => typeof x !== 'string'))
    throw badRequest({ body: ['The request body must be a non-empty array of instance ids.'] });
  return body as string[];
}

function registerTargets(req: Req) {
  const g = findGroup(req);
  const ids = targetIds(req);
  for (const id of ids) {
    const r = req.data.publicCloud.instances.get(id);
    if (!r) throw badRequest({ [id]: ['Unknown instance.'] });
    if (r.instance.region !== g.group.region) throw badRequest({ [id]: ['The instance is in another region.'] });
    if (g.targets.includes(id))
      throw badRequest({ [id]: ['The instance is already a target of this group.'] }, 'Target already registered.');
  }
  g.targets.push(...ids);
  return noContent();
}

function deregisterTargets(req: Req) {
  const g = findGroup(req);
  const ids = targetIds(req);
  for (const id of ids) if (!g.targets.includes(id)) throw badRequest({ [id]: ['The instance is not a target of this group.'] });
  g.targets = g.targets.filter((t) => !ids.includes(t));
  return noContent();
}

const TG = `${BASE}/targetGroups/{targetGroupId}`;
export const targetGroupRoutes: Array<Route<LoadBalancersDataset>> = [
  { id: 'publicCloud.getTargetGroupList', method: 'GET', path: `${BASE}/targetGroups`, handler: getTargetGroupList },
  { id: 'publicCloud.createTargetGroup', method: 'POST', path: `${BASE}/targetGroups`, handler: createTargetGroup },
  { id: 'publicCloud.getTargetGroupDetails', method: 'GET', path: TG, handler: getTargetGroupDetails },
  { id: 'publicCloud.updateTargetGroup', method: 'PUT', path: TG, handler: updateTargetGroup },
  { id: 'publicCloud.deleteTargetGroup', method: 'DELETE', path: TG, handler: deleteTargetGroup },
  { id: 'publicCloud.listTargets', method: 'GET', path: `${TG}/targets`, handler: listTargets },
  { id: 'publicCloud.registerTargets', method: 'POST', path: `${TG}/registerTargets`, handler: registerTargets },
  { id: 'publicCloud.deregisterTargets', method: 'POST', path: `${TG}/deregisterTargets`, handler: deregisterTargets },
];
