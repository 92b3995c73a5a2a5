import { describe, expect, it } from 'vitest';
import type { LoadBalancerRecord } from '../src/emulator/load-balancers/data.js';
import { routeTable } from '../src/emulator/server.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';

/**
 * Public Cloud load balancers and listeners end to end: reads, the listener edges with
 * their call counts, the eight traffic metrics (one field, a `metric` argument), the writes
 * and their refusals, `Ip.equipment` for a load balancer's IP. IPs, power and data traffic
 * are the families' (test/families/).
 */
const stack = useStack();
const isLbOp = (op: { id: string }) => /LoadBalancer|Listener/.test(op.id);
const reached = trackOperations(
  stack,
  (op) => op.product === 'publicCloud' && !op.family && isLbOp(op),
  (suite) => !suite.includes('samples'),
);

const records = () => [...stack().demo.loadBalancers.balancers.values()];
const find = (pick: (r: LoadBalancerRecord) => boolean = () => true) => {
  const found = records().find(pick);
  if (!found) throw new Error('the demo data set has no such load balancer');
  return found;
};
const gidOf = (id: string) => `gid://leaseweb/PublicCloudLoadBalancer/${id}`;
const ERRORS = 'userErrors { field message code leasewebCode }';
const calls = () =>
  stack()
    .calls()
    .map((c) => `${c.method} ${c.path}${c.search}`);
const mutate = async (name: string, type: string, input: Record<string, unknown>, selection: string) =>
  (await stack().data(`mutation($input: ${type}!) { r: ${name}(input: $input) { ${selection} } }`, { input })).r;

describe('load balancer reads', () => {
  it('lists the load balancers with their configuration; listeners cost one call per load balancer, shared', async () => {
    const all = records();
    const data = await stack().data(`{ publicCloudLoadBalancers { totalCount nodes { id leasewebId reference state type regionName
      contract { type state } configuration { balance xForwardedFor idleTimeOut stickySession { enabled maxLifeTime } }
      listeners { totalCount nodes { protocol port rules { default targetGroupId } loadBalancer { id } } }
      again: listeners(first: 1) { nodes { port } } } } }`);
    expect(data.publicCloudLoadBalancers.totalCount).toBe(all.length);
    expect(data.publicCloudLoadBalancers.nodes).toEqual(
      all.map((r) => ({
        id: gidOf(r.lb.id),
        leasewebId: r.lb.id,
        reference: r.lb.reference,
        state: r.lb.state,
        type: r.lb.type,
        regionName: r.lb.region,
        contract: { type: r.lb.contract.type, state: r.lb.contract.state },
        configuration: {
          balance: r.lb.configuration.balance.toUpperCase(),
          xForwardedFor: r.lb.configuration.xForwardedFor,
          idleTimeOut: r.lb.configuration.idleTimeOut,
          stickySession: r.lb.configuration.stickySession,
        },
        listeners: {
          totalCount: r.listeners.length,
          nodes: r.listeners.map((l) => ({
            protocol: l.protocol,
            port: l.port,
            rules: l.rules.map((x) => ({ default: x.default, targetGroupId: x.targetGroupId })),
            loadBalancer: { id: gidOf(r.lb.id) },
          })),
        },
        again: { nodes: [{ port: r.listeners[0]!.port }] },
      })),
    );
    // The list, then one listener list per load balancer (both fields share it); no call for loadBalancer { id }.
    expect(calls()).toHaveLength(1 + all.length);
    expect(calls().filter((c) => c.includes('/listeners'))).toHaveLength(all.length);
  });

  it('reads one load balancer by UUID or global id, its listener with certificates (no private key), and node(id:)', async () => {
    const r = find((x) => x.listeners.some((l) => l.protocol === 'HTTPS'));
    const https = r.listeners.find((l) => l.protocol === 'HTTPS')!;
    const listenerGid = `gid://leaseweb/PublicCloudLoadBalancerListener/${r.lb.id}/${https.id}`;
    const data = await stack().data(
      `query($id: ID!, $gid: ID!, $l: String!, $lg: ID!) { a: publicCloudLoadBalancer(id: $id) { leasewebId
        listener(id: $l) { id protocol port certificates { certificate chain } } }
        b: publicCloudLoadBalancer(id: $gid) { leasewebId }
        n: node(id: $lg) { __typename ... on PublicCloudLoadBalancerListener { port loadBalancer { reference } } } }`,
      { id: r.lb.id, gid: gidOf(r.lb.id), l: https.id, lg: listenerGid },
    );
    expect(data.a).toEqual({
      leasewebId: r.lb.id,
      listener: {
        id: listenerGid,
        protocol: 'HTTPS',
        port: 443,
        certificates: [{ certificate: https.sslCertificates![0]!.certificate, chain: https.sslCertificates![0]!.chain ?? null }],
      },
    });
    expect(data.b).toEqual({ leasewebId: r.lb.id });
    expect(data.n).toEqual({ __typename: 'PublicCloudLoadBalancerListener', port: 443, loadBalancer: { reference: r.lb.reference } });
    // One GET of the load balancer and one of the listener, each shared within the request.
    expect(calls().sort()).toEqual(
      [`GET /publicCloud/v1/loadBalancers/${r.lb.id}`, `GET /publicCloud/v1/loadBalancers/${r.lb.id}/listeners/${https.id}`].sort(),
    );
  });

  it('reads the eight traffic metrics through one field, a series or one per class', async () => {
    const r = find((x) => x.lb.state === 'RUNNING');
    const metrics = [
      ['REQUESTS', ['REQUESTS']],
      ['REQUESTS_PER_SECOND', ['REQUESTS_PER_SECOND']],
      ['DATA_TRANSFERRED', ['dataIn', 'dataOut']],
      ['DATA_TRANSFERRED_PER_SECOND', ['dataIn', 'dataOut']],
      ['CONNECTIONS', ['CONNECTIONS']],
      ['CONNECTIONS_PER_SECOND', ['CONNECTIONS_PER_SECOND']],
      ['RESPONSE_CODES', ['2xx', '3xx', '4xx', '5xx']],
      ['RESPONSE_CODES_PER_SECOND', ['2xx', '3xx', '4xx', '5xx']],
    ] as const;
    const fields = metrics
      .map(
        ([m]) =>
          `${m}: metrics(metric: ${m}, from: "2026-01-01T00:00:00Z", to: "2026-01-01T03:00:00Z", granularity: HOUR) { granularity aggregation unit series { name values { value } } }`,
      )
      .join('\n');
    const data = await stack().data(`query($id: ID!) { publicCloudLoadBalancer(id: $id) { ${fields} } }`, { id: r.lb.id });
    for (const [m, series] of metrics) {
      const got = data.publicCloudLoadBalancer[m];
      expect(got.granularity, m).toBe('1h');
      expect(got.aggregation, m).toBe('SUM');
      expect(got.unit, m).toEqual(expect.any(String));
      expect(
        got.series.map((s: any) => s.name),
        m,
      ).toEqual(series.length === 1 ? [camel(m)] : series);
      for (const s of got.series) expect(s.values).toHaveLength(3);
    }
    expect(calls().filter((c) => c.includes('/metrics/'))).toHaveLength(8);
    for (const c of stack().calls({ path: '/metrics/' }))
      expect(Object.fromEntries(new URLSearchParams(c.search))).toEqual({
        from: '2026-01-01T00:00:00Z',
        to: '2026-01-01T03:00:00Z',
        granularity: '1h',
      });
  });

  it('resolves a load balancer IP to the load balancer (Ip.equipment): the UUID is tried as an instance first, one 404', async () => {
    const r = find();
    const ip = stack().demo.ipManagement.byEquipment.get(r.lb.id)![0]!.ip;
    const data = await stack().data(
      `{ ip(ip: "${ip}") { equipment { __typename ... on PublicCloudLoadBalancer { leasewebId reference } } } }`,
    );
    expect(data.ip.equipment).toEqual({ __typename: 'PublicCloudLoadBalancer', leasewebId: r.lb.id, reference: r.lb.reference });
    expect(calls().filter((c) => !c.includes('/ipMgmt/'))).toEqual([
      `GET /publicCloud/v1/instances/${r.lb.id}`,
      `GET /publicCloud/v1/loadBalancers/${r.lb.id}`,
    ]);
  });
});

/** A listener series is named after the metric (`requests`), as the path segment. */
function camel(m: string): string {
  return m.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

describe('load balancer writes', () => {
  const LB = `loadBalancer { leasewebId reference state type configuration { balance stickySession { enabled } } contract { state } } ${ERRORS}`;

  it('launches a load balancer, changes it and terminates it, refusing what Leaseweb refuses', async () => {
    const launched = await mutate(
      'launchPublicCloudLoadBalancer',
      'LaunchPublicCloudLoadBalancerInput',
      { region: 'eu-west-3', type: 'lsw.m3.large', reference: 'lb-new', contractType: 'HOURLY', contractTerm: 0, billingFrequency: 1 },
      LB,
    );
    expect(launched.userErrors).toEqual([]);
    expect(launched.loadBalancer).toMatchObject({ reference: 'lb-new', state: 'RUNNING', type: 'lsw.m3.large' });
    const id = launched.loadBalancer.leasewebId;
    const bad = await mutate(
      'launchPublicCloudLoadBalancer',
      'LaunchPublicCloudLoadBalancerInput',
      { region: 'eu-west-3', type: 'lsw.m3.large', contractType: 'HOURLY', contractTerm: 3, billingFrequency: 1 },
      ERRORS,
    );
    expect(bad.userErrors).toEqual([
      { field: ['input', 'contractTerm'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
    ]);

    const updated = await mutate(
      'updatePublicCloudLoadBalancer',
      'UpdatePublicCloudLoadBalancerInput',
      { loadBalancerId: gidOf(id), balance: 'LEASTCONN', stickySession: { enabled: true, maxLifeTime: 300 }, reference: 'lb-renamed' },
      LB,
    );
    expect(updated).toEqual({
      loadBalancer: {
        leasewebId: id,
        reference: 'lb-renamed',
        state: 'RUNNING',
        type: 'lsw.m3.large',
        configuration: { balance: 'LEASTCONN', stickySession: { enabled: true } },
        contract: { state: 'ACTIVE' },
      },
      userErrors: [],
    });
    const live = stack().demo.loadBalancers.balancers.get(id)!.lb;
    expect(live.configuration).toMatchObject({ balance: 'leastconn', stickySession: { enabled: true, maxLifeTime: 300 } });

    const deleted = await mutate(
      'deletePublicCloudLoadBalancer',
      'PublicCloudLoadBalancerInput',
      { loadBalancerId: id },
      `deletedId loadBalancer { state } ${ERRORS}`,
    );
    expect(deleted).toEqual({ deletedId: gidOf(id), loadBalancer: { state: 'DESTROYING' }, userErrors: [] });
    const again = await mutate(
      'deletePublicCloudLoadBalancer',
      'PublicCloudLoadBalancerInput',
      { loadBalancerId: id },
      `deletedId ${ERRORS}`,
    );
    expect(again.deletedId).toBeNull();
    expect(again.userErrors[0]).toMatchObject({ field: ['input', 'loadBalancerId'], code: 'INVALID' });
  });

  it('adds, changes and removes a listener; a taken port, an unknown target group and HTTPS without certificate are userErrors', async () => {
    const r = find((x) => x.lb.state === 'RUNNING');
    const groupId = r.listeners[0]!.rules[0]!.targetGroupId;
    const L = `listener { id protocol port rules { targetGroupId } } ${ERRORS}`;
    const base = { loadBalancerId: gidOf(r.lb.id), targetGroupId: groupId };
    const taken = await mutate(
      'createPublicCloudLoadBalancerListener',
      'CreatePublicCloudLoadBalancerListenerInput',
      { ...base, protocol: 'HTTP', port: r.listeners[0]!.port },
      L,
    );
    expect(taken.userErrors[0]).toMatchObject({ field: ['input', 'port'], code: 'INVALID' });
    const noCert = await mutate(
      'createPublicCloudLoadBalancerListener',
      'CreatePublicCloudLoadBalancerListenerInput',
      { ...base, protocol: 'HTTPS', port: 8443 },
      L,
    );
    expect(noCert.userErrors[0]).toMatchObject({ field: ['input', 'certificate'], code: 'INVALID' });
    const unknown = await mutate(
      'createPublicCloudLoadBalancerListener',
      'CreatePublicCloudLoadBalancerListenerInput',
      { ...base, targetGroupId: '00000000-0000-4000-8000-000000000000', protocol: 'HTTP', port: 8081 },
      L,
    );
    expect(unknown.userErrors).toHaveLength(1);
    const created = await mutate(
      'createPublicCloudLoadBalancerListener',
      'CreatePublicCloudLoadBalancerListenerInput',
      { ...base, protocol: 'TCP', port: 9000 },
      L,
    );
    expect(created.userErrors).toEqual([]);
    expect(created.listener).toMatchObject({ protocol: 'TCP', port: 9000, rules: [{ targetGroupId: groupId }] });
    expect(r.listeners.map((l) => l.port)).toContain(9000);

    const updated = await mutate(
      'updatePublicCloudLoadBalancerListener',
      'UpdatePublicCloudLoadBalancerListenerInput',
      { listenerId: created.listener.id, port: 9001 },
      L,
    );
    expect(updated).toEqual({ listener: { ...created.listener, port: 9001 }, userErrors: [] });
    const badId = await mutate(
      'updatePublicCloudLoadBalancerListener',
      'UpdatePublicCloudLoadBalancerListenerInput',
      { listenerId: r.lb.id, port: 1 },
      L,
    );
    expect(badId.userErrors[0]).toMatchObject({ field: ['input', 'listenerId'], code: 'INVALID' });

    const gone = await mutate(
      'deletePublicCloudLoadBalancerListener',
      'PublicCloudLoadBalancerListenerInput',
      { listenerId: created.listener.id },
      `deletedId ${ERRORS}`,
    );
    expect(gone).toEqual({ deletedId: created.listener.id, userErrors: [] });
    const twice = await mutate(
      'deletePublicCloudLoadBalancerListener',
      'PublicCloudLoadBalancerListenerInput',
      { listenerId: created.listener.id },
      `deletedId ${ERRORS}`,
    );
    expect(twice.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    // After the writes, the listeners are read again (the request's list was dropped).
    const after = await stack().data(`query($id: ID!) { publicCloudLoadBalancer(id: $id) { listeners { totalCount } } }`, { id: r.lb.id });
    expect(after.publicCloudLoadBalancer.listeners.totalCount).toBe(r.listeners.length);
  });
});

describeIf(samplesAvailable)('load balancer emulator answers match the documented samples', () => {
  const extra = (actual: any, documented: any, path = '$'): string[] => {
    if (!actual || !documented || typeof actual !== 'object' || typeof documented !== 'object') return [];
    if (Array.isArray(documented)) return documented.length && actual.length ? extra(actual[0], documented[0], `${path}[0]`) : [];
    return Object.keys(actual).flatMap((k) =>
      k in documented ? extra(actual[k], documented[k], `${path}.${k}`) : [`${path}.${k}: extra`],
    );
  };

  it('serves every read with the documented shape, and no more', async () => {
    const r = find((x) => x.listeners.some((l) => l.sslCertificates));
    const id = r.lb.id;
    const listener = r.listeners.find((l) => l.sslCertificates)!;
    const ip = stack().demo.ipManagement.byEquipment.get(id)![0]!.ip;
    const q = '?from=2026-01-01T00:00:00Z&to=2026-01-01T03:00:00Z&granularity=1h';
    const gets: Record<string, string> = {
      getLoadBalancerList: '/publicCloud/v1/loadBalancers',
      getLoadBalancerDetails: `/publicCloud/v1/loadBalancers/${id}`,
      getListenerList: `/publicCloud/v1/loadBalancers/${id}/listeners`,
      getListenerDetails: `/publicCloud/v1/loadBalancers/${id}/listeners/${listener.id}`,
      listLoadBalancerIps: `/publicCloud/v1/loadBalancers/${id}/ips`,
      getLoadBalancerIp: `/publicCloud/v1/loadBalancers/${id}/ips/${ip}`,
      getLoadBalancerDataTrafficMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/datatraffic?from=2025-12-01&to=2025-12-03`,
      getLoadBalancerRequestsMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/requests${q}`,
      getLoadBalancerRequestsPerSecondMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/requestsPerSecond${q}`,
      getLoadBalancerDataTransferredMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/dataTransferred${q}`,
      getLoadBalancerDataTransferredPerSecondMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/dataTransferredPerSecond${q}`,
      getLoadBalancerConnectionsMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/connections${q}`,
      getLoadBalancerConnectionsPerSecondMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/connectionsPerSecond${q}`,
      getLoadBalancerResponseCodesMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/responseCodes${q}`,
      getLoadBalancerResponseCodesPerSecondMetrics: `/publicCloud/v1/loadBalancers/${id}/metrics/responseCodesPerSecond${q}`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
      expect(extra(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('serves the 27 load balancer and listener operations (9 of them the families’)', () => {
    const routes = routeTable().filter((op) => op.product === 'publicCloud' && isLbOp(op));
    expect(routes).toHaveLength(27);
    expect(routes.filter((op) => op.family)).toHaveLength(9);
  });

  it('reached every load balancer and listener operation outside the families through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(18);
    expect(reached.missing()).toEqual([]);
  });
});
