import type { Page } from '../page.js';

/** An aggregation pack (bareMetals/v2 `/aggregationPacks`), as the samples document it. */
export interface AggregationPack {
  id: string;
  customerId: string;
  salesOrgId: string;
  contractStartDate: string;
  billingType: string;
  connectivityType: string;
  contractTerm: number;
  dataTrafficCommit: number;
  dataTrafficCommitUnit: string;
  aggregationType?: string;
  networkPerformanceType?: string;
}

export type AggregationPackPage = Page<AggregationPack>;
