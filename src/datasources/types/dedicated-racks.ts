import type { Page } from '../page.js';

/** Upstream shapes of dedicated racks (bareMetals/v2 `/privateRacks`), as the samples document them. */

export interface RackPort {
  name: string;
  port: string;
}

export interface RackContract {
  id: string;
  customerId: string;
  salesOrgId: string;
  deliveryStatus: string;
  reference: string | null;
  // Detail only.
  endsAt?: string | null;
  networkTraffic?: { datatrafficLimit: number | null; datatrafficUnit: string | null; trafficType: string | null; type: string | null };
  sla?: string;
  startsAt?: string;
}

export interface RackUnit {
  unit: string;
  status: string;
  connectedUnits: string[];
}

export interface DedicatedRack {
  id: string;
  contract: RackContract;
  featureAvailability: { powerCycle: boolean; privateNetwork: boolean };
  location: { rack: string; site: string; suite: string };
  networkInterfaces: { public: { ports: RackPort[] } };
  // Detail only (`GET /privateRacks/{id}`).
  powerPorts?: RackPort[];
  units?: RackUnit[];
}

export type DedicatedRackPage = Page<DedicatedRack>;
