import type { InstanceMetrics, MetricSummary } from '../../datasources/types/public-cloud.js';
import { badRequest, ok, requireParam } from '../http.js';
import { hashSeed, Rng } from '../prng.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, type Owner } from './owner.js';

/**
 * Metrics, in the two styles the API has. bareMetals (servers, racks): bandwidth and
 * datatraffic with required `from`, `to`, `aggregation`, an optional `granularity`, and
 * `DOWN_PUBLIC`/`UP_PUBLIC` series. Public Cloud (instances, VPS, load balancers): cpu and
 * datatraffic with defaults for every parameter and a summary per series. Values are
 * deterministic per owner, so repeated reads agree.
 */
export interface BareMetalsMetricsOwner<D, R> extends Owner<D, R> {
  style: 'bareMetals';
  ops: { bandwidth?: string; datatraffic?: string };
  /** A small number that shifts the owner's wave. */
  phase: (owner: R) => number;
}

export interface PublicCloudMetricsOwner<D, R> extends Owner<D, R> {
  style: 'publicCloud';
  ops: { cpu?: string; datatraffic?: string };
  id: (owner: R) => string;
  /** A stopped machine uses no CPU. */
  running: (owner: R) => boolean;
  /** The owner's API's time format (Public Cloud writes `+00:00`). */
  time: (ms: number) => string;
}

export type MetricsOwner<D, R> = BareMetalsMetricsOwner<D, R> | PublicCloudMetricsOwner<D, R>;

export function metricRoutes<D, R>(owner: MetricsOwner<D, R>) {
  return owner.style === 'bareMetals' ? bareMetals(owner) : publicCloud(owner);
}

const GRANULARITIES: Record<string, number> = { '5MIN': 300, HOUR: 3600, DAY: 86_400, WEEK: 604_800, MONTH: 2_592_000, YEAR: 31_536_000 };

/**
 * The granularity `_metadata` names when none was asked (one metric for the interval): a
 * string, as documented, never null — the finest one whose step covers the interval.
 */
const covering = (ms: number) => Object.entries(GRANULARITIES).find(([, seconds]) => seconds * 1000 >= ms)?.[0] ?? 'YEAR';

/** `2026-01-01T00:00:00Z`, as the reference writes bareMetals metric times. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function bareMetals<D, R>(owner: BareMetalsMetricsOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('metrics', owner);
  const answer = (req: EmulatorRequest<D>, kind: 'bandwidth' | 'datatraffic') => {
    const record = owner.find(req);
    const from = Date.parse(requireParam(req, 'from'));
    const to = Date.parse(requireParam(req, 'to'));
    const aggregation = requireParam(req, 'aggregation');
    // "If granularity is omitted from the request, only one metric is returned."
    const granularity = req.query.get('granularity');
    const details: Record<string, string[]> = {};
    if (Number.isNaN(from)) details.from = ['This value is not a valid datetime.'];
    if (Number.isNaN(to)) details.to = ['This value is not a valid datetime.'];
    if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from) details.to = ['This value should be after "from".'];
    const allowed = kind === 'bandwidth' ? ['AVG', '95TH'] : ['SUM'];
    if (!allowed.includes(aggregation)) details.aggregation = [`The value should be one of: ${allowed.join(', ')}.`];
    // The reference documents 5MIN and HOUR for bandwidth only; data traffic starts at DAY.
    const granularities = kind === 'bandwidth' ? Object.keys(GRANULARITIES) : ['DAY', 'WEEK', 'MONTH', 'YEAR'];
    const step = granularity === null ? (to - from) / 1000 : granularities.includes(granularity) ? GRANULARITIES[granularity] : undefined;
    if (!step) details.granularity = [`The value should be one of: ${granularities.join(', ')}.`];
    if (Object.keys(details).length) throw badRequest(details);
    const points = Math.min(500, Math.ceil((to - from) / (step! * 1000)));
    const seed = owner.phase(record);
    const series = (phase: number, scale: number) =>
      Array.from({ length: points }, (_, i) => ({
        timestamp: isoSeconds(from + i * step! * 1000),
        value: Math.round(scale * (1.2 + Math.sin((i + seed + phase) / 3))),
      }));
    const unit = kind === 'bandwidth' ? 'bps' : 'B';
    const scale = kind === 'bandwidth' ? 40_000_000 : 3_000_000_000;
    return ok({
      _metadata: { aggregation, from: isoSeconds(from), granularity: granularity ?? covering(to - from), to: isoSeconds(to) },
      metrics: { DOWN_PUBLIC: { unit, values: series(0, scale / 4) }, UP_PUBLIC: { unit, values: series(2, scale) } },
    });
  };
  function showBandwidthMetrics(req: EmulatorRequest<D>) {
    return answer(req, 'bandwidth');
  }
  function showDatatrafficMetrics(req: EmulatorRequest<D>) {
    return answer(req, 'datatraffic');
  }
  add(owner.ops.bandwidth, 'GET', '/metrics/bandwidth', showBandwidthMetrics);
  add(owner.ops.datatraffic, 'GET', '/metrics/datatraffic', showDatatrafficMetrics);
  return routes;
}

const CPU_GRANULARITY: Record<string, number> = { '5m': 300, '10m': 600, '30m': 1800, '60m': 3600 };
const MAX_POINTS = 2000;

function publicCloud<D, R>(owner: PublicCloudMetricsOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('metrics', owner);
  const { time } = owner;

  const dateParam = (req: EmulatorRequest<D>, name: string, fallback: number): number => {
    const raw = req.query.get(name);
    if (!raw) return fallback;
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
    if (Number.isNaN(t)) throw badRequest({ [name]: ['This value is not a valid date.'] });
    return t;
  };
  const interval = (req: EmulatorRequest<D>, defaultSpan: number, step: number) => {
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const to = dateParam(req, 'to', today);
    const from = dateParam(req, 'from', to - defaultSpan);
    if (to <= from) throw badRequest({ to: ['This value should be greater than from.'] });
    if ((to - from) / step > MAX_POINTS)
      throw badRequest({ from: [`The interval holds more than ${MAX_POINTS} points; use a coarser granularity.`] });
    return { from, to };
  };
  /** A series with its summary; values are seeded from the owner id and time, so the same query answers the same. */
  const series = (id: string, from: number, to: number, step: number, value: (rng: Rng) => number) => {
    const values: Array<{ timestamp: string; value: number }> = [];
    for (let t = from; t < to; t += step * 1000) values.push({ timestamp: time(t), value: value(new Rng(hashSeed(`${id}@${t}`))) });
    const total = values.reduce((sum, v) => sum + v.value, 0);
    const peak = values.reduce((best, v) => (v.value > best.value ? v : best), values[0] ?? { value: 0, timestamp: time(from) });
    const average = values.length ? Math.round((total / values.length) * 100) / 100 : 0;
    return { values, total, peak, average };
  };

  function getCpuMetrics(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    const granularity = req.query.get('granularity') || '5m';
    const step = CPU_GRANULARITY[granularity];
    if (!step) throw badRequest({ granularity: [`The value should be one of: ${Object.keys(CPU_GRANULARITY).join(', ')}.`] });
    const { from, to } = interval(req, 86_400_000, step * 1000);
    const running = owner.running(record);
    const s = series(owner.id(record), from, to, step, (rng) => (running ? rng.int(100, 9500) / 100 : 0));
    const body: InstanceMetrics = {
      _metadata: {
        from: time(from),
        to: time(to),
        granularity,
        unit: '%',
        summary: { cpuMetrics: { average: s.average, expected: s.average, peak: s.peak } },
      },
      metrics: { cpuMetrics: { unit: '%', values: s.values } },
    };
    return ok(body);
  }

  function getDataTrafficMetrics(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    const granularity = req.query.get('granularity') || 'DAY';
    const aggregation = req.query.get('aggregation') || 'SUM';
    if (granularity !== 'DAY') throw badRequest({ granularity: ['The value should be DAY.'] });
    if (aggregation !== 'SUM') throw badRequest({ aggregation: ['The value should be SUM.'] });
    const { from, to } = interval(req, 30 * 86_400_000, 86_400_000);
    const daysInMonth = new Date(Date.UTC(new Date(from).getUTCFullYear(), new Date(from).getUTCMonth() + 1, 0)).getUTCDate();
    const summary: Record<string, MetricSummary> = {};
    const metrics: InstanceMetrics['metrics'] = {};
    for (const [name, scale] of [
      ['downPublic', 9],
      ['upPublic', 2],
    ] as const) {
      const s = series(`${owner.id(record)}/${name}`, from, to, 86_400, (rng) => rng.int(1, 100) * scale * 1_000_000);
      summary[name] = { average: s.average, expected: Math.round(s.average * daysInMonth), total: s.total, peak: s.peak };
      metrics[name] = { unit: 'B', values: s.values };
    }
    const body: InstanceMetrics = { _metadata: { from: time(from), to: time(to), granularity, aggregation, unit: 'B', summary }, metrics };
    return ok(body);
  }

  add(owner.ops.cpu, 'GET', '/metrics/cpu', getCpuMetrics);
  add(owner.ops.datatraffic, 'GET', '/metrics/datatraffic', getDataTrafficMetrics);
  return routes;
}
