import { documentedDate } from '../../datasources/path.js';
import { InputError } from '../../errors.js';
import type { GraphQLContext } from '../../context.js';
import type { OwnerType } from '../../datasources/families/owners.js';
import type { MetricsResponse } from '../../datasources/types/dedicated-servers.js';
import type { InstanceMetrics } from '../../datasources/types/public-cloud.js';
import type {
  BandwidthAggregation,
  DatatrafficAggregation,
  DatatrafficMetricsGranularity,
  MetricsGranularity,
  PublicCloudCpuMetricsGranularity,
  Resolvers,
} from '../../generated/graphql.js';
import type { ProductGraph } from '../nodes.js';
import { ownerFields, refOf, type OwnerModel } from './owner.js';

interface Period {
  from: string;
  to: string;
}

const series = (metrics: Record<string, { unit: string; values: Array<{ timestamp: string; value: number }> }> | undefined) =>
  Object.entries(metrics ?? {}).map(([name, s]) => ({ name, unit: s.unit, values: s.values }));

/** bareMetals owners: bandwidth and data traffic, as `Metrics`. */
function bareMetalFields(typename: OwnerType) {
  return {
    bandwidthMetrics: (
      owner: OwnerModel,
      { from, to, granularity, aggregation }: Period & { granularity?: MetricsGranularity | null; aggregation: BandwidthAggregation },
      ctx: GraphQLContext,
    ) =>
      ctx.ds.metrics.get<MetricsResponse>(refOf(typename, owner), 'bandwidth', {
        from,
        to,
        granularity,
        aggregation,
      }),
    datatrafficMetrics: (
      owner: OwnerModel,
      {
        from,
        to,
        granularity,
        aggregation,
      }: Period & { granularity?: DatatrafficMetricsGranularity | null; aggregation?: DatatrafficAggregation | null },
      ctx: GraphQLContext,
    ) =>
      ctx.ds.metrics.get<MetricsResponse>(refOf(typename, owner), 'datatraffic', {
        from,
        to,
        granularity,
        aggregation: aggregation ?? 'SUM',
      }),
  };
}

/** Public Cloud owners: data traffic (and, where the table says so, CPU), as `PublicCloudMetrics`. */
function cloudFields(typename: OwnerType, cpu: boolean) {
  return {
    // DAY and SUM are the only values Leaseweb accepts; sent so the answer says what it is.
    dataTrafficMetrics: (owner: OwnerModel, { from, to }: Period, ctx: GraphQLContext) =>
      ctx.ds.metrics.get<InstanceMetrics>(refOf(typename, owner), 'datatraffic', {
        from: documentedDate(from),
        to: documentedDate(to),
        granularity: 'DAY',
        aggregation: 'SUM',
      }),
    ...(cpu && {
      cpuMetrics: async (
        owner: OwnerModel,
        { from, to, granularity }: Period & { granularity?: PublicCloudCpuMetricsGranularity | null },
        ctx: GraphQLContext,
      ) => {
        // Leaseweb takes whole days here (`from`/`to` as `YYYY-MM-DD`, `to` after `from`): the
        // days covering the window are asked, and the answer is cut back to the window.
        const start = Date.parse(from);
        const end = Date.parse(to);
        if (!(end > start)) throw new InputError('`to` must be after `from`.', ['to']);
        const metrics = await ctx.ds.metrics.get<InstanceMetrics>(refOf(typename, owner), 'cpu', {
          from: documentedDate(from),
          to: documentedDateAfter(to),
          granularity,
        });
        return withinWindow(metrics, start, end, from, to);
      },
    }),
  };
}

/** The UTC date on or after a date-time: its own date at midnight, else the next day. */
function documentedDateAfter(value: string): string {
  const day = documentedDate(value);
  const ms = Date.parse(value);
  return ms === Date.parse(`${day}T00:00:00Z`) ? day : new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Public Cloud metrics cut to `[start, end)`: the values outside are dropped and each
 * series' summary (average, peak, total) worked out again over what is left; `expected`
 * stays Leaseweb's figure. `_metadata.from`/`to` answer the window asked.
 */
function withinWindow(m: InstanceMetrics, start: number, end: number, from: string, to: string): InstanceMetrics {
  const metrics: InstanceMetrics['metrics'] = {};
  const summary: InstanceMetrics['_metadata']['summary'] = {};
  for (const [name, s] of Object.entries(m.metrics ?? {})) {
    const values = s.values.filter((v) => {
      const t = Date.parse(v.timestamp);
      return t >= start && t < end;
    });
    metrics[name] = { ...s, values };
    const given = m._metadata?.summary?.[name];
    if (!given) continue;
    const total = values.reduce((sum, v) => sum + v.value, 0);
    const peak = values.reduce<(typeof values)[number] | undefined>((best, v) => (!best || v.value > best.value ? v : best), undefined);
    summary[name] = {
      ...given,
      average: values.length ? total / values.length : 0,
      ...(given.total !== undefined && { total }),
      peak: peak ?? null,
    };
  }
  return { ...m, _metadata: { ...m._metadata, from, to, summary: { ...m._metadata?.summary, ...summary } }, metrics };
}

const resolvers: Resolvers = {
  ...(ownerFields('metrics', (typename, q) =>
    q.flavor === 'bareMetal' ? bareMetalFields(typename) : cloudFields(typename, q.cpu === true),
  ) as Resolvers),

  Metrics: {
    from: (m) => m._metadata?.from ?? null,
    to: (m) => m._metadata?.to ?? null,
    granularity: (m) => m._metadata?.granularity ?? null,
    aggregation: (m) => m._metadata?.aggregation ?? null,
    series: (m) => series(m.metrics),
  },
  PublicCloudMetrics: {
    from: (m) => m._metadata?.from ?? null,
    to: (m) => m._metadata?.to ?? null,
    granularity: (m) => m._metadata?.granularity ?? null,
    aggregation: (m) => m._metadata?.aggregation ?? null,
    unit: (m) => m._metadata?.unit ?? null,
    series: (m) => series(m.metrics),
    summary: (m) => Object.entries(m._metadata?.summary ?? {}).map(([name, s]) => ({ ...s, name })),
  },
};

export const metrics: ProductGraph = { resolvers: [resolvers] };
