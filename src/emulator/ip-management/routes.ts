import type { NullRoute } from '../../datasources/types/ip-management.js';
import { badRequest, boolParam, listParam, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import type { IpDataset, IpRequest as EmulatorRequest } from './data.js';
import {
  findIpByPath,
  inRange,
  ipValue,
  nullRouteIp as addNullRoute,
  removeNullRoute as liftNullRoute,
  toIp,
  type IpRecord,
} from './data.js';

const BASE = '/ipMgmt/v2';
const IP_TYPES = ['NORMAL_IP', 'NETWORK', 'BROADCAST', 'GATEWAY', 'ROUTER1', 'ROUTER2', 'IPMI'];

function ipOf(req: EmulatorRequest): IpRecord {
  const record = findIpByPath(req.data.ipManagement, req.params.ip!);
  if (!record) throw notFound('IP');
  return record;
}

function addressParam(req: EmulatorRequest, name: string): bigint | undefined {
  const raw = req.query.get(name);
  if (!raw) return undefined;
  const value = ipValue(raw);
  if (value < 0n) throw badRequest({ [name]: ['This value is not a valid IP address.'] });
  return value;
}

/** `sort=ip,-nullRouted`: fields compared in order, `-` for descending. */
function sorter<T>(req: EmulatorRequest, fields: Record<string, (item: T) => string | number | bigint | boolean | null>) {
  const spec = listParam(req, 'sort') ?? [];
  const keys = spec.map((s) => ({ desc: s.startsWith('-'), name: s.replace(/^[-+]/, '') }));
  for (const k of keys) {
    if (!fields[k.name]) throw badRequest({ sort: [`Cannot sort by "${k.name}"; use one of: ${Object.keys(fields).join(', ')}.`] });
  }
  return (a: T, b: T) => {
    for (const k of keys) {
      const x = fields[k.name]!(a);
      const y = fields[k.name]!(b);
      if (x === y) continue;
      const cmp = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return k.desc ? -cmp : cmp;
    }
    return 0;
  };
}

function dateParam(req: EmulatorRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (!raw) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw badRequest({ [name]: ['This value is not a valid date.'] });
  return t;
}

const nullRouteRules = { automatedUnnullingAt: 'string', comment: 'string', ticketId: 'string' } as const;

function checkUnnullingDate(value: string | undefined): void {
  if (value !== undefined && value !== null && Number.isNaN(Date.parse(value))) {
    throw badRequest({ automatedUnnullingAt: ['This value is not a valid datetime.'] });
  }
}

const findNullRoute = (req: EmulatorRequest) => {
  const route = req.data.ipManagement.nullRoutes.find((n) => n.id === req.params.id);
  if (!route) throw notFound('null route');
  return route;
};

function listIps(req: EmulatorRequest) {
  const subnetId = req.query.get('subnetId');
  const version = req.query.get('version');
  const type = req.query.get('type');
  if (version && version !== '4' && version !== '6') throw badRequest({ version: ['The value should be one of: 4, 6.'] });
  if (type && !IP_TYPES.includes(type)) throw badRequest({ type: [`The value should be one of: ${IP_TYPES.join(', ')}.`] });
  const nullRouted = boolParam(req, 'nullRouted');
  const primary = boolParam(req, 'primary');
  const from = addressParam(req, 'fromIp');
  const to = addressParam(req, 'toIp');
  const only = listParam(req, 'ips')?.map((ip) => ip.split(/[/_]/)[0]!);
  const equipment = listParam(req, 'equipmentIds');
  const contracts = listParam(req, 'assignedContractIds');
  const reverse = req.query.get('reverseLookup');
  const order = sorter<IpRecord>(req, {
    ip: (r) => ipValue(r.ip),
    version: (r) => r.version,
    nullRouted: (r) => r.nullRouted,
    reverseLookup: (r) => r.reverseLookup,
    equipmentId: (r) => r.equipmentId,
    prefixLength: (r) => r.prefixLength,
  });
  let records: IpRecord[];
  if (only) records = only.flatMap((ip) => req.data.ipManagement.ips.get(ip) ?? []);
  else if (equipment) records = equipment.flatMap((id) => req.data.ipManagement.byEquipment.get(id) ?? []);
  else records = [...req.data.ipManagement.ips.values()];
  const list = records
    .filter((r) => !equipment || (r.equipmentId !== null && equipment.includes(r.equipmentId)))
    .filter((r) => !subnetId || r.subnet.id === subnetId)
    .filter((r) => !version || String(r.version) === version)
    .filter((r) => !type || r.type === type)
    .filter((r) => nullRouted === undefined || r.nullRouted === nullRouted)
    .filter((r) => primary === undefined || r.primary === primary)
    .filter((r) => from === undefined || ipValue(r.ip) >= from)
    .filter((r) => to === undefined || ipValue(r.ip) <= to)
    .filter((r) => !contracts || (r.assignedContract !== null && contracts.includes(r.assignedContract.id)))
    .filter((r) => !reverse || r.reverseLookup === reverse)
    .sort((a, b) => order(a, b) || (ipValue(a.ip) < ipValue(b.ip) ? -1 : 1));
  return paginate(req, list, 'ips', { project: toIp, defaultLimit: 50 });
}

function inspectIp(req: EmulatorRequest) {
  return ok(toIp(ipOf(req)));
}

function updateIp(req: EmulatorRequest) {
  const record = ipOf(req);
  const body = validateBody<{ reverseLookup: string }>(req, { reverseLookup: 'string' }, ['reverseLookup']);
  // "Use this operation to set reverse lookup for IPv4 IP addresses"; IPv6 has reverse lookup records.
  if (record.version !== 4) throw badRequest({ ip: ['Reverse lookup of IPv6 ranges is set with PUT /ips/{ip}/reverseLookup.'] });
  record.reverseLookup = body.reverseLookup;
  return ok(toIp(record));
}

function listReverseLookupRecords(req: EmulatorRequest) {
  const record = ipOf(req);
  if (record.version !== 6) throw badRequest({ ip: ['Reverse lookup records are only kept for IPv6 ranges.'] });
  const ip = addressParam(req, 'ip');
  const name = req.query.get('reverseLookup');
  const list = (req.data.ipManagement.reverseLookups.get(record.ip) ?? [])
    .filter((r) => ip === undefined || ipValue(r.ip) === ip)
    .filter((r) => !name || r.reverseLookup === name);
  return paginate(req, list, 'reverseLookups');
}

function updateReverseLookupRecords(req: EmulatorRequest) {
  const record = ipOf(req);
  if (record.version !== 6) throw badRequest({ ip: ['Reverse lookup records are only kept for IPv6 ranges.'] });
  const body = validateBody<{ reverseLookups: Array<{ ip?: unknown; reverseLookup?: unknown }> }>(req, { reverseLookups: 'array' }, [
    'reverseLookups',
  ]);
  // "You can set up to 20 records in a single request."
  if (body.reverseLookups.length > 20) throw badRequest({ reverseLookups: ['You can set up to 20 records in a single request.'] });
  const details: Record<string, string[]> = {};
  body.reverseLookups.forEach((entry, i) => {
    if (typeof entry?.ip !== 'string' || !inRange(entry.ip, record))
      details[`reverseLookups[${i}].ip`] = ['This value is not an IP address of this range.'];
    else if (entry.reverseLookup !== null && typeof entry.reverseLookup !== 'string')
      details[`reverseLookups[${i}].reverseLookup`] = ['This value should be a string or null.'];
  });
  if (Object.keys(details).length) throw badRequest(details);
  // Records are keyed by address value, so `2001:db8::0` and `2001:db8::` are one record.
  const current = new Map((req.data.ipManagement.reverseLookups.get(record.ip) ?? []).map((r) => [ipValue(r.ip), r]));
  const set: Array<{ ip: string; reverseLookup: string }> = [];
  for (const entry of body.reverseLookups as Array<{ ip: string; reverseLookup: string | null }>) {
    // "To remove reverse lookup for an IP address set it to null or ''"; others are untouched.
    if (!entry.reverseLookup) current.delete(ipValue(entry.ip));
    else {
      const kept = { ip: entry.ip, reverseLookup: entry.reverseLookup };
      current.set(ipValue(entry.ip), kept);
      set.push(kept);
    }
  }
  req.data.ipManagement.reverseLookups.set(
    record.ip,
    [...current.values()].sort((a, b) => (ipValue(a.ip) < ipValue(b.ip) ? -1 : 1)),
  );
  // The answer lists the records the request set, as the reference's sample does.
  return ok({ reverseLookups: set });
}

function nullRouteIp(req: EmulatorRequest) {
  const record = ipOf(req);
  const body = validateBody<{ automatedUnnullingAt?: string; comment?: string; ticketId?: string }>(req, nullRouteRules);
  checkUnnullingDate(body.automatedUnnullingAt);
  if (record.nullRouted) throw badRequest({ ip: ['This IP is already null routed.'] });
  return ok(addNullRoute(req.data.ipManagement, record, body), 201);
}

function removeNullRoute(req: EmulatorRequest) {
  const record = ipOf(req);
  if (!liftNullRoute(req.data.ipManagement, record)) throw notFound('active null route');
  return noContent();
}

function listNullRoutes(req: EmulatorRequest) {
  const from = addressParam(req, 'fromIp');
  const to = addressParam(req, 'toIp');
  const fromDate = dateParam(req, 'fromDate');
  const toDate = dateParam(req, 'toDate');
  const q = (name: string) => req.query.get(name) || undefined;
  const [nulledBy, unnulledBy, ticketId, contractId, equipmentId] = ['nulledBy', 'unnulledBy', 'ticketId', 'contractId', 'equipmentId'].map(
    q,
  );
  const order = sorter<NullRoute>(req, {
    ip: (n) => ipValue(n.ip),
    nulledAt: (n) => n.nulledAt,
    unnulledAt: (n) => n.unnulledAt,
    nullLevel: (n) => n.nullLevel,
  });
  const list = req.data.ipManagement.nullRoutes
    .filter((n) => from === undefined || ipValue(n.ip) >= from)
    .filter((n) => to === undefined || ipValue(n.ip) <= to)
    // Active after fromDate: not lifted before it; active before toDate: created before it.
    .filter((n) => fromDate === undefined || !n.unnulledAt || Date.parse(n.unnulledAt) >= fromDate)
    .filter((n) => toDate === undefined || Date.parse(n.nulledAt) <= toDate)
    .filter((n) => !nulledBy || n.nulledBy === nulledBy)
    .filter((n) => !unnulledBy || n.unnulledBy === unnulledBy)
    .filter((n) => !ticketId || n.ticketId === ticketId)
    .filter((n) => !contractId || n.assignedContract?.id === contractId)
    .filter((n) => !equipmentId || n.equipmentId === equipmentId)
    .slice()
    .sort((a, b) => order(a, b) || (a.nulledAt < b.nulledAt ? 1 : -1));
  return paginate(req, list, 'nullroutes', { defaultLimit: 50 });
}

function inspectNullRoute(req: EmulatorRequest) {
  return ok(findNullRoute(req));
}

function updateNullRoute(req: EmulatorRequest) {
  const route = findNullRoute(req);
  const body = validateBody<{ automatedUnnullingAt?: string; comment?: string; ticketId?: string }>(req, nullRouteRules);
  checkUnnullingDate(body.automatedUnnullingAt);
  Object.assign(route, body);
  return ok(route);
}

export const routes: Array<Route<IpDataset>> = [
  { id: 'ipMgmt.listIps', method: 'GET', path: `${BASE}/ips`, handler: listIps },
  { id: 'ipMgmt.inspectIp', method: 'GET', path: `${BASE}/ips/{ip}`, handler: inspectIp },
  { id: 'ipMgmt.updateIp', method: 'PUT', path: `${BASE}/ips/{ip}`, handler: updateIp },
  { id: 'ipMgmt.listReverseLookupRecords', method: 'GET', path: `${BASE}/ips/{ip}/reverseLookup`, handler: listReverseLookupRecords },
  { id: 'ipMgmt.updateReverseLookupRecords', method: 'PUT', path: `${BASE}/ips/{ip}/reverseLookup`, handler: updateReverseLookupRecords },
  { id: 'ipMgmt.nullRouteIp', method: 'POST', path: `${BASE}/ips/{ip}/nullRoute`, handler: nullRouteIp },
  { id: 'ipMgmt.removeNullRoute', method: 'DELETE', path: `${BASE}/ips/{ip}/nullRoute`, handler: removeNullRoute },
  { id: 'ipMgmt.listNullRoutes', method: 'GET', path: `${BASE}/nullRoutes`, handler: listNullRoutes },
  { id: 'ipMgmt.inspectNullRoute', method: 'GET', path: `${BASE}/nullRoutes/{id}`, handler: inspectNullRoute },
  { id: 'ipMgmt.updateNullRoute', method: 'PUT', path: `${BASE}/nullRoutes/{id}`, handler: updateNullRoute },
];
