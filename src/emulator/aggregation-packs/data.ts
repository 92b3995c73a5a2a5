import type { AggregationPack } from '../../datasources/types/aggregation-packs.js';
import { notFound } from '../http.js';
import type { DatasetBase, DatasetSpec, EmulatorRequest } from '../types.js';

export interface AggregationPacksData {
  packs: Map<string, AggregationPack>;
}

/** The sections this product reads and writes (server contracts name a pack). */
export type AggregationPacksDataset = DatasetBase & {
  aggregationPacks: AggregationPacksData;
  dedicatedServers: { servers: Map<string, { server: { contract: { aggregationPackId?: string | null } } }> };
};
export type AggregationPacksRequest = EmulatorRequest<AggregationPacksDataset>;

export function createAggregationPacksData(): AggregationPacksData {
  return { packs: new Map() };
}

/** Seeds one pack, named by the contracts of every eighth demo server (from the second on). */
export function seedAggregationPacks(d: AggregationPacksDataset, _spec: DatasetSpec): void {
  const pack: AggregationPack = {
    aggregationType: 'Hybrid',
    billingType: '95TH',
    connectivityType: 'BANDWIDTH_POOL',
    contractStartDate: '2025-07-01T00:00:00Z',
    contractTerm: 36,
    customerId: d.customer.customerId,
    dataTrafficCommit: 20000,
    dataTrafficCommitUnit: 'Mbps',
    id: '623456',
    networkPerformanceType: 'VOLUME',
    salesOrgId: d.customer.salesOrgId,
  };
  d.aggregationPacks.packs.set(pack.id, pack);
  [...d.dedicatedServers.servers.values()].forEach((r, i) => {
    if (i % 8 === 1) r.server.contract.aggregationPackId = pack.id;
  });
}

export function findPack(req: AggregationPacksRequest): AggregationPack {
  const pack = req.data.aggregationPacks.packs.get(req.params.aggregationPackId!);
  if (!pack) throw notFound('aggregation pack');
  return pack;
}
