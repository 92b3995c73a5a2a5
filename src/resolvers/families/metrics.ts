import { documentedDate } from '../../datasources/path.js';
import type { GraphQLContext } from '../../context.js';
import type { OwnerType } from '../../datasources/families/owners.js';
import type { MetricsResponse } from '../../datasources/types/dedicated-servers.js';
import type { InstanceMetrics } from '../../datasources/types/public-cloud.js';
import type {
  BandwidthAggregation,
  DatatrafficAggregation,
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
      }: Period & { granularity?: MetricsGranularity | null; aggregation?: DatatrafficAggregation | null },
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
      cpuMetrics: (
        owner: OwnerModel,
        { from, to, granularity }: Period & { granularity?: PublicCloudCpuMetricsGranularity | null },
        ctx: GraphQLContext,
      ) =>
        // Kept as date-times: CPU metrics come in 5-minute steps, which a whole day would hide.
        ctx.ds.metrics.get<InstanceMetrics>(refOf(typename, owner), 'cpu', {
          from,
          to,
          granularity,
        }),
    }),
  };
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
