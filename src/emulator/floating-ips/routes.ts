import { inRange } from '../ip-management/data.js';
import { badRequest, ok, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import { definitionId, findDefinition, findRange, floatingTime, type FloatingIpsDataset, type FloatingIpsRequest } from './data.js';

const BASE = '/floatingIps/v2/ranges';
const DEFS = `${BASE}/{rangeId}/floatingIpDefinitions`;
const ONE = `${DEFS}/{floatingIpDefinitionId}`;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

const matches = (req: FloatingIpsRequest, item: { type: string; location: string }) =>
  (!req.query.get('type') || item.type === req.query.get('type')) &&
  (!req.query.get('location') || item.location === req.query.get('location'));

function listRanges(req: FloatingIpsRequest) {
  const ranges = [...req.data.floatingIps.ranges.values()].map((r) => r.range).filter((r) => matches(req, r));
  return paginate(req, ranges, 'ranges');
}

function inspectRange(req: FloatingIpsRequest) {
  return ok(findRange(req).range);
}

function listRangeDefinitions(req: FloatingIpsRequest) {
  return paginate(
    req,
    findRange(req).definitions.filter((x) => matches(req, x)),
    'floatingIpDefinitions',
  );
}

function checkAnchors(body: { anchorIp?: string; passiveAnchorIp?: string | null }) {
  if (body.anchorIp !== undefined && !IPV4.test(body.anchorIp)) throw badRequest({ anchorIp: ['This value is not a valid IP address.'] });
  if (body.passiveAnchorIp && !IPV4.test(body.passiveAnchorIp))
    throw badRequest({ passiveAnchorIp: ['This value is not a valid IP address.'] });
}

function createRangeDefinition(req: FloatingIpsRequest) {
  const record = findRange(req);
  const body = validateBody<{ floatingIp: string; anchorIp: string; passiveAnchorIp?: string | null }>(
    req,
    { floatingIp: 'string', anchorIp: 'string', passiveAnchorIp: 'string' },
    ['floatingIp', 'anchorIp'],
  );
  checkAnchors(body);
  const [address = '', prefix = '32'] = body.floatingIp.split('/');
  const [net, bits] = record.range.range.split('/');
  if (!IPV4.test(address) || !inRange(address, { ip: net!, prefixLength: Number(bits), version: 4 }))
    throw badRequest({ floatingIp: ['The floating IP must be in the range.'] });
  const floatingIp = `${address}/${prefix}`;
  if (record.definitions.some((x) => x.id === definitionId(floatingIp)))
    throw badRequest({ floatingIp: ['This floating IP is already defined.'] });
  const at = floatingTime(Date.now());
  const { customerId, salesOrgId, location, type } = record.range;
  const definition = {
    id: definitionId(floatingIp),
    rangeId: record.range.id,
    location,
    type,
    customerId,
    salesOrgId,
    floatingIp,
    anchorIp: body.anchorIp,
    passiveAnchorIp: body.passiveAnchorIp ?? null,
    status: 'ACTIVE',
    createdAt: at,
    updatedAt: at,
  };
  record.definitions.push(definition);
  return ok(definition);
}

function inspectRangeDefinition(req: FloatingIpsRequest) {
  return ok(findDefinition(req).definition);
}

function updateRangeDefinition(req: FloatingIpsRequest) {
  const { definition } = findDefinition(req);
  const body = validateBody<{ anchorIp: string; passiveAnchorIp?: string | null }>(req, { anchorIp: 'string', passiveAnchorIp: 'string' }, [
    'anchorIp',
  ]);
  checkAnchors(body);
  definition.anchorIp = body.anchorIp;
  if (body.passiveAnchorIp !== undefined) definition.passiveAnchorIp = body.passiveAnchorIp;
  definition.updatedAt = floatingTime(Date.now());
  return ok(definition);
}

function removeRangeDefinition(req: FloatingIpsRequest) {
  const { record, definition } = findDefinition(req);
  record.definitions.splice(record.definitions.indexOf(definition), 1);
  return ok({ ...definition, status: 'REMOVING' }, 202);
}

function toggleAnchorIp(req: FloatingIpsRequest) {
  const { definition } = findDefinition(req);
  if (!definition.passiveAnchorIp) throw badRequest({ passiveAnchorIp: ['The definition has no passive anchor IP to toggle to.'] });
  [definition.anchorIp, definition.passiveAnchorIp] = [definition.passiveAnchorIp, definition.anchorIp];
  definition.updatedAt = floatingTime(Date.now());
  return ok(definition);
}

export const routes: Array<Route<FloatingIpsDataset>> = [
  { id: 'floatingIps.listRanges', method: 'GET', path: BASE, handler: listRanges },
  { id: 'floatingIps.inspectRange', method: 'GET', path: `${BASE}/{rangeId}`, handler: inspectRange },
  { id: 'floatingIps.listRangeDefinitions', method: 'GET', path: DEFS, handler: listRangeDefinitions },
  { id: 'floatingIps.createRangeDefinition', method: 'POST', path: DEFS, handler: createRangeDefinition },
  { id: 'floatingIps.inspectRangeDefinition', method: 'GET', path: ONE, handler: inspectRangeDefinition },
  { id: 'floatingIps.updateRangeDefinition', method: 'PUT', path: ONE, handler: updateRangeDefinition },
  { id: 'floatingIps.removeRangeDefinition', method: 'DELETE', path: ONE, handler: removeRangeDefinition },
  { id: 'floatingIps.toggleAnchorIp', method: 'POST', path: `${ONE}/toggleAnchorIp`, handler: toggleAnchorIp },
];
