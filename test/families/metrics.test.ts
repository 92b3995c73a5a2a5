import { describe, expect, it } from 'vitest';
import { INSTANCES, LOAD_BALANCERS, RACKS, SERVERS, VPS, pickOwner, readOwner, type OwnerKind } from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';

/**
 * The metrics family: dedicated servers report bandwidth and data traffic (`Metrics`,
 * from bareMetals), Public Cloud instances data traffic and CPU (`PublicCloudMetrics`).
 * Data traffic is common to both, under each owner's own API.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'metrics',
  () => true,
);

const sorted = (values: string[]) => [...values].sort();

interface Row {
  kind: OwnerKind<any>;
  pick: (r: any) => boolean;
  /** The owner's daily data traffic field over 2026-01-01 … 2026-01-04. */
  dailyTraffic: string;
  /** The same field over a period that ends before it starts. */
  backwards: string;
  field: string;
}

const rows: Row[] = [
  {
    kind: SERVERS,
    pick: () => true,
    dailyTraffic:
      'datatrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z", granularity: DAY) { aggregation granularity series { name unit values { timestamp value } } }',
    backwards: 'datatrafficMetrics(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z", granularity: DAY) { aggregation }',
    field: 'datatrafficMetrics',
  },
  {
    kind: RACKS,
    pick: () => true,
    dailyTraffic:
      'datatrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z", granularity: DAY) { aggregation granularity series { name unit values { timestamp value } } }',
    backwards: 'datatrafficMetrics(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z", granularity: DAY) { aggregation }',
    field: 'datatrafficMetrics',
  },
  {
    kind: INSTANCES,
    pick: (r) => r.instance.state === 'RUNNING',
    dailyTraffic:
      'dataTrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z") { aggregation granularity series { name unit values { timestamp value } } }',
    backwards: 'dataTrafficMetrics(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { aggregation }',
    field: 'dataTrafficMetrics',
  },
  {
    kind: VPS,
    pick: (r) => r.vps.state === 'RUNNING',
    dailyTraffic:
      'dataTrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z") { aggregation granularity series { name unit values { timestamp value } } }',
    backwards: 'dataTrafficMetrics(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { aggregation }',
    field: 'dataTrafficMetrics',
  },
  {
    kind: LOAD_BALANCERS,
    pick: (r) => r.lb.state === 'RUNNING',
    dailyTraffic:
      'dataTrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z") { aggregation granularity series { name unit values { timestamp value } } }',
    backwards: 'dataTrafficMetrics(from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { aggregation }',
    field: 'dataTrafficMetrics',
  },
];

describe.each(rows)('$kind.typename metrics', ({ kind, pick, dailyTraffic, backwards, field }) => {
  it('reads data traffic summed per day, from the owner’s own metrics', async () => {
    const owner = pickOwner(stack(), kind, pick);
    const m = (await readOwner(stack(), owner, dailyTraffic))[field];
    expect(m.aggregation).toBe('SUM');
    expect(m.granularity).toBe('DAY');
    expect(m.series.length).toBe(2);
    for (const s of m.series) {
      expect(s.values).toHaveLength(3);
      expect(s.values.every((v: any) => typeof v.value === 'number' && v.value >= 0)).toBe(true);
    }
    const [call] = stack().calls({ path: `${owner.base}/metrics/datatraffic` });
    expect(Object.fromEntries(new URLSearchParams(call!.search))).toMatchObject({ granularity: 'DAY', aggregation: 'SUM' });
  });

  it('turns a refused metrics request into a field error, the rest of the owner answered', async () => {
    const owner = pickOwner(stack(), kind, pick);
    const res = await stack().query(`query($id: ID!) { o: ${owner.root}(id: $id) { leasewebId ${backwards} } }`, { id: owner.id });
    expect(res.data?.o.leasewebId).toBe(owner.id);
    expect(res.data?.o[field]).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.path).toEqual(['o', field]);
  });
});

describe.each<{ kind: OwnerKind<any> }>([{ kind: SERVERS }, { kind: RACKS }])('$kind.typename metrics (bareMetals)', ({ kind }) => {
  it('shows bandwidth metrics with 95TH for PERCENTILE_95', async () => {
    const owner = pickOwner(stack(), kind);
    const o = await readOwner(
      stack(),
      owner,
      `
      bandwidthMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-01T03:00:00Z", granularity: HOUR, aggregation: PERCENTILE_95) {
        from to granularity aggregation series { name unit values { timestamp value } } }`,
    );
    const m = o.bandwidthMetrics;
    expect(m).toMatchObject({ granularity: 'HOUR', aggregation: '95TH' });
    expect(Date.parse(m.from)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(sorted(m.series.map((s: any) => s.name))).toEqual(['DOWN_PUBLIC', 'UP_PUBLIC']);
    for (const s of m.series) {
      expect(s.unit).toBe('bps');
      expect(s.values.map((v: any) => v.timestamp)).toEqual(['2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z']);
    }
    const params = new URLSearchParams(stack().calls({ path: `${owner.base}/metrics/bandwidth` })[0]!.search);
    expect(Object.fromEntries(params)).toEqual({
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-01T03:00:00Z',
      granularity: 'HOUR',
      aggregation: '95TH',
    });
  });

  it('shows data traffic in bytes, and one value without granularity', async () => {
    const owner = pickOwner(stack(), kind);
    const o = await readOwner(
      stack(),
      owner,
      `
      daily: datatrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z", granularity: DAY) { aggregation granularity series { name unit values { timestamp } } }
      total: datatrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-04T00:00:00Z") { series { name values { timestamp value } } }`,
    );
    expect(o.daily.aggregation).toBe('SUM');
    for (const s of o.daily.series) {
      expect(s.unit).toBe('B');
      expect(s.values).toHaveLength(3);
    }
    // "If granularity is omitted from the request, only one metric is returned."
    expect(o.total.series.length).toBeGreaterThan(0);
    for (const s of o.total.series) expect(s.values).toHaveLength(1);
  });
});

describe.each([{ kind: INSTANCES }])('$kind.typename metrics (Public Cloud)', ({ kind }) => {
  it('reads CPU and data traffic metrics with their summaries', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.instance.state === 'RUNNING');
    const o = await readOwner(
      stack(),
      owner,
      `
      cpuMetrics(from: "2025-12-01T00:00:00Z", to: "2025-12-01T01:00:00Z", granularity: TEN_MINUTES) { granularity unit series { name unit values { timestamp value } } summary { name average peak { value } } }
      dataTrafficMetrics(from: "2025-12-01", to: "2025-12-04") { granularity aggregation unit series { name values { value } } summary { name total average } }`,
    );
    const { cpuMetrics: cpu, dataTrafficMetrics: traffic } = o;
    expect(cpu.granularity).toBe('10m');
    expect(cpu.unit).toBe('%');
    const values = cpu.series[0].values.map((v: any) => v.value);
    expect(values).toHaveLength(6);
    expect(cpu.summary[0].average).toBeCloseTo(values.reduce((a: number, b: number) => a + b, 0) / 6, 1);
    expect(cpu.summary[0].peak.value).toBe(Math.max(...values));
    expect(traffic).toMatchObject({ granularity: 'DAY', aggregation: 'SUM', unit: 'B' });
    expect(traffic.series.map((s: any) => s.name)).toEqual(['downPublic', 'upPublic']);
    for (const s of traffic.series) {
      expect(s.values).toHaveLength(3);
      const summary = traffic.summary.find((x: any) => x.name === s.name);
      expect(summary.total).toBe(s.values.reduce((a: number, v: any) => a + v.value, 0));
    }
    expect(new URLSearchParams(stack().calls({ path: `${owner.base}/metrics/cpu` })[0]!.search).get('granularity')).toBe('10m');
    const backwardsCpu = await stack().query(
      `{ publicCloudInstance(id: "${owner.id}") { cpuMetrics(from: "2025-12-02", to: "2025-12-01") { unit } } }`,
    );
    expect(backwardsCpu.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('asks Leaseweb for CPU metrics by documented dates covering the window, and answers the window only', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.instance.state === 'RUNNING');
    stack().emulator.clearLog();
    const CPU = (from: string, to: string) =>
      `cpuMetrics(from: "${from}", to: "${to}", granularity: THIRTY_MINUTES) { from to series { values { timestamp } } summary { average peak { timestamp } } }`;
    // Within one day: Leaseweb wants to > from, so the next day is asked as `to`.
    const o = await readOwner(stack(), owner, CPU('2025-12-01T10:00:00Z', '2025-12-01T12:00:00Z'));
    const [call] = stack().calls({ path: `${owner.base}/metrics/cpu` });
    const params = new URLSearchParams(call!.search);
    expect([params.get('from'), params.get('to')]).toEqual(['2025-12-01', '2025-12-02']);
    const times = o.cpuMetrics.series[0].values.map((v: any) => Date.parse(v.timestamp));
    expect(times).toEqual([0, 1, 2, 3].map((i) => Date.parse('2025-12-01T10:00:00Z') + i * 1_800_000));
    expect(o.cpuMetrics.from).toBe('2025-12-01T10:00:00Z');
    expect(o.cpuMetrics.to).toBe('2025-12-01T12:00:00Z');
    expect(times).toContain(Date.parse(o.cpuMetrics.summary[0].peak.timestamp));
    // Across days, with an offset: the UTC days covering it, `to` rounded up to the next midnight.
    stack().emulator.clearLog();
    await readOwner(stack(), owner, CPU('2025-12-01T23:30:00-01:00', '2025-12-03T00:00:00Z'));
    const across = new URLSearchParams(stack().calls({ path: `${owner.base}/metrics/cpu` })[0]!.search);
    expect([across.get('from'), across.get('to')]).toEqual(['2025-12-02', '2025-12-03']);
  });
});

describe('refused granularities', () => {
  it('refuses FIVE_MIN and HOUR for server data traffic in GraphQL, before any call (Leaseweb takes DAY to YEAR)', async () => {
    const owner = pickOwner(stack(), SERVERS, () => true);
    stack().emulator.clearLog();
    for (const granularity of ['FIVE_MIN', 'HOUR']) {
      const res = await stack().query(
        `query($id: ID!) { dedicatedServer(id: $id) { datatrafficMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", granularity: ${granularity}) { granularity } } }`,
        { id: owner.id },
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(stack().calls()).toEqual([]);
    // Bandwidth keeps them.
    const bw = await readOwner(
      stack(),
      owner,
      'bandwidthMetrics(from: "2026-01-01T00:00:00Z", to: "2026-01-01T02:00:00Z", granularity: HOUR, aggregation: AVG) { granularity }',
    );
    expect(bw.bandwidthMetrics.granularity).toBe('HOUR');
  });
});

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(8);
    expect(reached.missing()).toEqual([]);
  });
});
