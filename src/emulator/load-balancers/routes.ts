import { randomUUID } from 'node:crypto';
import type { Listener, LoadBalancer } from '../../datasources/types/public-cloud-load-balancers.js';
import { ipRoutes, publicCloudIps } from '../families/ips.js';
import { metricRoutes } from '../families/metrics.js';
import { opIds } from '../families/owner.js';
import { powerRoutes } from '../families/power.js';
import { badRequest, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import { Rng } from '../prng.js';
import { instanceTypeIn, regions } from '../public-cloud/catalogues.js';
import { isoTime, toInstanceIp } from '../public-cloud/data.js';
import type { Route } from '../types.js';
import { targetGroupRoutes } from './routes-target-groups.js';
import {
  addLoadBalancerIp,
  findLoadBalancer,
  lbDetail,
  lbIpRecords,
  lbSummary,
  listenerSummary,
  refused,
  usable,
  type LoadBalancerRecord,
  type LoadBalancersDataset,
  type LoadBalancersRequest as Req,
} from './data.js';

const BASE = '/publicCloud/v1';
const LB = { path: `${BASE}/loadBalancers/{loadBalancerId}`, find: findLoadBalancer, noun: 'load balancer' };
const BALANCES = ['roundrobin', 'leastconn', 'source'] as const;
const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP'] as const;

function getLoadBalancerList(req: Req) {
  const q = req.query;
  const list = [...req.data.loadBalancers.balancers.values()].filter(
    (r) =>
      (!q.get('id') || r.lb.id === q.get('id')) &&
      (!q.get('reference') || r.lb.reference === q.get('reference')) &&
      (!q.get('state') || r.lb.state === q.get('state')) &&
      (!q.get('region') || r.lb.region === q.get('region')) &&
      (!q.get('type') || r.lb.type === q.get('type')) &&
      (!q.get('contractType') || r.lb.contract.type === q.get('contractType')) &&
      (!q.get('contractState') || r.lb.contract.state === q.get('contractState')) &&
      (!q.get('ip') || lbIpRecords(req.data, r).some((ip) => ip.ip === q.get('ip'))),
  );
  return paginate(
    req,
    list.map((r) => lbSummary(req.data, r)),
    'loadBalancers',
  );
}

const getLoadBalancerDetails = (req: Req) => ok(lbDetail(req.data, findLoadBalancer(req)));

function launchLoadBalancer(req: Req) {
  const body = validateBody<{
    region: string;
    type: string;
    reference?: string;
    contractType: 'HOURLY' | 'MONTHLY';
    contractTerm: number;
    billingFrequency: number;
  }>(
    req,
    {
      region: 'string',
      type: 'string',
      reference: 'string',
      contractType: ['HOURLY', 'MONTHLY'],
      contractTerm: 'number',
      billingFrequency: 'number',
    },
    ['region', 'type', 'contractType', 'contractTerm', 'billingFrequency'],
  );
  const details: Record<string, string[]> = {};
  if (!regions.some((r) => r.name === body.region))
    details.region = [`The value should be one of: ${regions.map((r) => r.name).join(', ')}.`];
  const type = instanceTypeIn(body.region, body.type);
  if (!details.region && !type) details.type = [`The type is not available in ${body.region}.`];
  if (body.contractType === 'HOURLY' && body.contractTerm !== 0)
    details.contractTerm = ['An HOURLY contract has no commitment: contractTerm must be 0.'];
  if (body.contractType === 'MONTHLY' && ![1, 3, 6, 12].includes(body.contractTerm))
    details.contractTerm = ['A MONTHLY contract needs a contractTerm of 1, 3, 6 or 12.'];
  if (![1, 3, 6, 12].includes(body.billingFrequency)) details.billingFrequency = ['The value should be one of: 1, 3, 6, 12.'];
  if (Object.keys(details).length || !type) throw badRequest(details);
  const now = Date.now();
  const id = randomUUID();
  const record: LoadBalancerRecord = {
    lb: {
      privateNetwork: null,
      id,
      type: type.name,
      resources: type.resources,
      autoScalingGroup: null,
      region: body.region,
      reference: body.reference ?? null,
      state: 'RUNNING',
      rootDiskSize: 10,
      startedAt: isoTime(now),
      contract: {
        billingFrequency: body.billingFrequency,
        term: body.contractTerm,
        type: body.contractType,
        endsAt: null,
        renewalsAt: isoTime(now + 30 * 86_400_000),
        createdAt: isoTime(now),
        state: 'ACTIVE',
      },
      configuration: { stickySession: null, balance: 'roundrobin', xForwardedFor: false, idleTimeOut: 60 },
    },
    listeners: [],
    internalIps: [],
  };
  req.data.loadBalancers.balancers.set(id, record);
  const rng = new Rng(now % 2 ** 31 || 1);
  const prefix = `85.${rng.int(16, 250)}.${rng.int(100, 250)}`;
  addLoadBalancerIp(req.data, id, String(rng.int(10_000_000, 99_999_999)), `${prefix}.10`, prefix);
  return ok(lbDetail(req.data, record), 201);
}

function updateLoadBalancer(req: Req) {
  const r = usable(findLoadBalancer(req));
  const body = validateBody<
    Partial<{
      type: string;
      reference: string;
      contractType: 'HOURLY' | 'MONTHLY';
      stickySession: LoadBalancer['configuration']['stickySession'];
      balance: (typeof BALANCES)[number];
      xForwardedFor: boolean;
      idleTimeOut: number;
    }>
  >(req, {
    type: 'string',
    reference: 'string',
    contractType: ['HOURLY', 'MONTHLY'],
    stickySession: 'object',
    balance: BALANCES,
    xForwardedFor: 'boolean',
    idleTimeOut: 'number',
  });
  if (body.type !== undefined) {
    const type = instanceTypeIn(r.lb.region, body.type);
    if (!type) throw badRequest({ type: [`The type is not available in ${r.lb.region}.`] });
    r.lb.type = type.name;
    r.lb.resources = type.resources;
  }
  if (body.contractType === 'HOURLY' && r.lb.contract.type === 'MONTHLY')
    throw badRequest({ contractType: ['A MONTHLY contract cannot become HOURLY.'] });
  if (body.idleTimeOut !== undefined && (body.idleTimeOut < 1 || body.idleTimeOut > 3600))
    throw badRequest({ idleTimeOut: ['This value should be between 1 and 3600.'] });
  if (body.reference !== undefined) r.lb.reference = body.reference;
  if (body.contractType !== undefined) r.lb.contract.type = body.contractType;
  const c = r.lb.configuration;
  if (body.stickySession !== undefined) c.stickySession = body.stickySession;
  if (body.balance !== undefined) c.balance = body.balance;
  if (body.xForwardedFor !== undefined) c.xForwardedFor = body.xForwardedFor;
  if (body.idleTimeOut !== undefined) c.idleTimeOut = body.idleTimeOut;
  return ok(lbDetail(req.data, r));
}

/** Terminates: an hourly load balancer goes at once (DESTROYING), a monthly one at the end of its contract. */
function deleteLoadBalancer(req: Req) {
  const r = usable(findLoadBalancer(req));
  if (r.lb.contract.type === 'MONTHLY') {
    if (r.lb.contract.state === 'DELETE_SCHEDULED') throw refused('The load balancer is already scheduled for termination.');
    r.lb.contract.state = 'DELETE_SCHEDULED';
    r.lb.contract.endsAt = r.lb.contract.renewalsAt;
  } else r.lb.state = 'DESTROYING';
  return noContent();
}

function findListener(req: Req, r: LoadBalancerRecord): Listener {
  const l = r.listeners.find((x) => x.id === req.params.listenerId);
  if (!l) throw notFound('listener');
  return l;
}

interface ListenerBody {
  protocol?: (typeof PROTOCOLS)[number];
  port?: number;
  certificate?: { certificate?: string; privateKey?: string; chain?: string };
  defaultRule?: { targetGroupId?: string };
}

/** Checks a listener body against the load balancer: the port free, the target group known and in its region, HTTPS with a certificate. */
function checkListener(req: Req, r: LoadBalancerRecord, body: ListenerBody, self?: Listener): void {
  const details: Record<string, string[]> = {};
  if (body.port !== undefined && (!Number.isInteger(body.port) || body.port < 1 || body.port > 65535))
    details.port = ['This value should be between 1 and 65535.'];
  else if (body.port !== undefined && r.listeners.some((l) => l !== self && l.port === body.port))
    details.port = ['The load balancer already has a listener on this port.'];
  const groupId = body.defaultRule?.targetGroupId;
  if (body.defaultRule && !groupId) details['defaultRule.targetGroupId'] = ['This value should not be blank.'];
  else if (groupId) {
    const group = req.data.loadBalancers.targetGroups.get(groupId);
    if (!group) details['defaultRule.targetGroupId'] = ['Unknown target group.'];
    else if (group.group.region !== r.lb.region) details['defaultRule.targetGroupId'] = ['The target group is in another region.'];
  }
  const protocol = body.protocol ?? self?.protocol;
  const hasCertificate = body.certificate?.certificate || self?.sslCertificates?.length;
  if (protocol === 'HTTPS' && !hasCertificate) details.certificate = ['An HTTPS listener needs a certificate.'];
  if (body.certificate && (!body.certificate.certificate || !body.certificate.privateKey))
    details.certificate = ['A certificate needs `certificate` and `privateKey`.'];
  if (Object.keys(details).length) throw badRequest(details);
}

const LISTENER_RULES = { protocol: PROTOCOLS, port: 'number', certificate: 'object', defaultRule: 'object' } as const;

function getListenerList(req: Req) {
  const r = findLoadBalancer(req);
  return paginate(req, r.listeners.map(listenerSummary), 'listeners');
}

const getListenerDetails = (req: Req) => {
  const r = findLoadBalancer(req);
  const l = findListener(req, r);
  return ok({ ...l, sslCertificates: l.sslCertificates ?? [] });
};

function createListener(req: Req) {
  const r = usable(findLoadBalancer(req));
  const body = validateBody<ListenerBody & Record<string, unknown>>(req, LISTENER_RULES, ['protocol', 'port', 'defaultRule']);
  checkListener(req, r, body);
  const listener: Listener = {
    id: randomUUID(),
    protocol: body.protocol!,
    port: body.port!,
    rules: [{ id: randomUUID(), default: true, targetGroupId: body.defaultRule!.targetGroupId! }],
    ...(body.certificate
      ? {
          sslCertificates: [
            {
              certificate: body.certificate.certificate!,
              privateKey: body.certificate.privateKey!,
              ...(body.certificate.chain ? { chain: body.certificate.chain } : {}),
            },
          ],
        }
      : {}),
  };
  r.listeners.push(listener);
  return ok(listenerSummary(listener), 201);
}

function updateListener(req: Req) {
  const r = usable(findLoadBalancer(req));
  const l = findListener(req, r);
  const body = validateBody<ListenerBody & Record<string, unknown>>(req, LISTENER_RULES);
  checkListener(req, r, body, l);
  if (body.protocol) l.protocol = body.protocol;
  if (body.port !== undefined) l.port = body.port;
  if (body.defaultRule?.targetGroupId) l.rules.find((x) => x.default)!.targetGroupId = body.defaultRule.targetGroupId;
  if (body.certificate)
    l.sslCertificates = [
      {
        certificate: body.certificate.certificate!,
        privateKey: body.certificate.privateKey!,
        ...(body.certificate.chain ? { chain: body.certificate.chain } : {}),
      },
    ];
  return ok(listenerSummary(l));
}

function deleteLoadBalancerListener(req: Req) {
  const r = usable(findLoadBalancer(req));
  const l = findListener(req, r);
  r.listeners.splice(r.listeners.indexOf(l), 1);
  return noContent();
}

/** The eight traffic metrics besides data traffic: a name, its unit, and its series (one, or one per class). */
const METRICS: Record<string, { op: string; unit: string; series?: string[]; scale: number }> = {
  requests: { op: 'getLoadBalancerRequestsMetrics', unit: 'requests', scale: 500 },
  requestsPerSecond: { op: 'getLoadBalancerRequestsPerSecondMetrics', unit: 'requests/s', scale: 5 },
  dataTransferred: { op: 'getLoadBalancerDataTransferredMetrics', unit: 'B', series: ['dataIn', 'dataOut'], scale: 4_000_000 },
  dataTransferredPerSecond: {
    op: 'getLoadBalancerDataTransferredPerSecondMetrics',
    unit: 'b/s',
    series: ['dataIn', 'dataOut'],
    scale: 9000,
  },
  connections: { op: 'getLoadBalancerConnectionsMetrics', unit: 'connections', scale: 300 },
  connectionsPerSecond: { op: 'getLoadBalancerConnectionsPerSecondMetrics', unit: 'connections/s', scale: 3 },
  responseCodes: { op: 'getLoadBalancerResponseCodesMetrics', unit: 'responses', series: ['2xx', '3xx', '4xx', '5xx'], scale: 400 },
  responseCodesPerSecond: {
    op: 'getLoadBalancerResponseCodesPerSecondMetrics',
    unit: 'responses/s',
    series: ['2xx', '3xx', '4xx', '5xx'],
    scale: 4,
  },
};
const GRANULARITY: Record<string, number> = { '5m': 300, '10m': 600, '30m': 1800, '1h': 3600, '1d': 86_400, '1w': 604_800 };

function metricHandler(name: string) {
  const m = METRICS[name]!;
  const handler = (req: Req) => {
    const r = findLoadBalancer(req);
    const granularity = req.query.get('granularity') || '1h';
    const step = GRANULARITY[granularity];
    if (!step) throw badRequest({ granularity: [`The value should be one of: ${Object.keys(GRANULARITY).join(', ')}.`] });
    const parse = (key: string, fallback: number) => {
      const raw = req.query.get(key);
      const t = raw ? Date.parse(raw) : fallback;
      if (Number.isNaN(t)) throw badRequest({ [key]: ['This value is not a valid date.'] });
      return t;
    };
    const to = parse('to', Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const from = parse('from', to - 86_400_000);
    if (to <= from) throw badRequest({ to: ['This value should be greater than from.'] });
    if ((to - from) / 1000 / step > 1000)
      throw badRequest({ from: ['The interval holds more than 1000 points; use a coarser granularity.'] });
    const running = r.lb.state === 'RUNNING';
    const values = (series: string) => {
      const out: Array<{ value: number; timestamp: string }> = [];
      for (let t = from; t < to; t += step * 1000)
        out.push({ value: running ? new Rng((t / 1000 + series.length * 7919) % 2 ** 31 || 1).int(0, m.scale) : 0, timestamp: isoTime(t) });
      return out;
    };
    const metrics = m.series
      ? Object.fromEntries(m.series.map((s) => [s, { values: values(s), unit: m.unit }]))
      : { values: values(name), unit: m.unit };
    return ok({ _metadata: { from: isoTime(from), to: isoTime(to), granularity, aggregation: 'SUM' }, metrics });
  };
  Object.defineProperty(handler, 'name', { value: m.op });
  return handler;
}

const familyRoutes = [
  ...ipRoutes<LoadBalancersDataset, LoadBalancerRecord>({
    ...LB,
    ops: opIds('publicCloud', {
      list: 'listLoadBalancerIps',
      get: 'getLoadBalancerIp',
      update: 'updateLoadBalancerIp',
      nullRoute: 'nullRouteLoadBalancerIp',
      removeNullRoute: 'removeLoadBalancerIpNullRoute',
    }),
    id: (r) => r.lb.id,
    ips: (req, r) => lbIpRecords(req.data, r),
    view: (ip) => toInstanceIp(ip, true),
    ...publicCloudIps,
    nullRoute: { status: 200, unnullingTime: isoTime, publicIpv4Only: true, defaultComment: null },
    writable: (r) => void usable(r),
  }),
  ...powerRoutes<LoadBalancersDataset, LoadBalancerRecord>({
    ...LB,
    style: 'stateful',
    ops: opIds('publicCloud', { start: 'startLoadBalancer', stop: 'stopLoadBalancer', reboot: 'rebootLoadBalancer' }),
    machine: (r) => r.lb,
    writable: (r) => void usable(r),
  }),
  ...metricRoutes<LoadBalancersDataset, LoadBalancerRecord>({
    ...LB,
    style: 'publicCloud',
    ops: opIds('publicCloud', { datatraffic: 'getLoadBalancerDataTrafficMetrics' }),
    id: (r) => r.lb.id,
    running: (r) => r.lb.state === 'RUNNING',
    time: isoTime,
  }),
];

export const routes: Array<Route<LoadBalancersDataset>> = [
  { id: 'publicCloud.getLoadBalancerList', method: 'GET', path: `${BASE}/loadBalancers`, handler: getLoadBalancerList },
  { id: 'publicCloud.launchLoadBalancer', method: 'POST', path: `${BASE}/loadBalancers`, handler: launchLoadBalancer },
  {
    id: 'publicCloud.getLoadBalancerDetails',
    method: 'GET',
    path: `${BASE}/loadBalancers/{loadBalancerId}`,
    handler: getLoadBalancerDetails,
  },
  { id: 'publicCloud.updateLoadBalancer', method: 'PUT', path: `${BASE}/loadBalancers/{loadBalancerId}`, handler: updateLoadBalancer },
  { id: 'publicCloud.deleteLoadBalancer', method: 'DELETE', path: `${BASE}/loadBalancers/{loadBalancerId}`, handler: deleteLoadBalancer },
  { id: 'publicCloud.getListenerList', method: 'GET', path: `${BASE}/loadBalancers/{loadBalancerId}/listeners`, handler: getListenerList },
  { id: 'publicCloud.createListener', method: 'POST', path: `${BASE}/loadBalancers/{loadBalancerId}/listeners`, handler: createListener },
  {
    id: 'publicCloud.getListenerDetails',
    method: 'GET',
    path: `${BASE}/loadBalancers/{loadBalancerId}/listeners/{listenerId}`,
    handler: getListenerDetails,
  },
  {
    id: 'publicCloud.updateListener',
    method: 'PUT',
    path: `${BASE}/loadBalancers/{loadBalancerId}/listeners/{listenerId}`,
    handler: updateListener,
  },
  {
    id: 'publicCloud.deleteLoadBalancerListener',
    method: 'DELETE',
    path: `${BASE}/loadBalancers/{loadBalancerId}/listeners/{listenerId}`,
    handler: deleteLoadBalancerListener,
  },
  ...Object.entries(METRICS).map(([name, m]) => ({
    id: `publicCloud.${m.op}`,
    method: 'GET' as const,
    path: `${BASE}/loadBalancers/{loadBalancerId}/metrics/${name}`,
    handler: metricHandler(name),
  })),
  ...targetGroupRoutes,
  ...familyRoutes,
];
