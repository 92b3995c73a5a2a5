import type { Page } from '../page.js';

/** Upstream shapes of Floating IPs (floatingIps/v2), as the samples document them. */

export interface FloatingIpRange {
  id: string;
  range: string;
  customerId: string;
  salesOrgId: string;
  location: string;
  type: string;
}

export interface FloatingIpDefinition {
  id: string;
  rangeId: string;
  location: string;
  type: string;
  customerId: string;
  salesOrgId: string;
  floatingIp: string;
  anchorIp: string;
  passiveAnchorIp: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export type FloatingIpRangePage = Page<FloatingIpRange>;
export type FloatingIpDefinitionPage = Page<FloatingIpDefinition>;
