import type { Page } from '../page.js';

/** Upstream shapes of network equipment (bareMetals/v2 `/networkEquipments`), as the samples document them. */

export interface NetworkEquipmentPort {
  name: string;
  port: string;
}

export interface NetworkEquipmentInterface {
  gateway: string | null;
  ip: string | null;
  ports: NetworkEquipmentPort[];
  locationId?: string | null;
  nullRouted?: boolean;
}

export interface NetworkEquipmentContract {
  id: string;
  customerId: string;
  salesOrgId: string;
  deliveryStatus: string;
  reference: string | null;
  // Detail only.
  aggregationPackId?: string | null;
  billingCycle?: number;
  billingFrequency?: string;
  contractTerm?: number;
  contractType?: string;
  currency?: string;
  endsAt?: string | null;
  networkTraffic?: {
    connectivityType: string | null;
    datatrafficLimit: number | null;
    datatrafficUnit: string | null;
    trafficType: string | null;
    type: string | null;
  };
  pricePerFrequency?: string;
  sla?: string;
  startsAt?: string;
  status?: string;
  subnets?: unknown[];
}

export interface NetworkEquipment {
  id: string;
  contract: NetworkEquipmentContract;
  featureAvailability: {
    automation: boolean;
    ipmiReboot: boolean;
    powerCycle: boolean;
    privateNetwork: boolean;
    remoteManagement: boolean;
  };
  location: { rack: string; site: string; suite: string; unit: string };
  networkInterfaces: {
    internal: NetworkEquipmentInterface;
    public: NetworkEquipmentInterface;
    remoteManagement: NetworkEquipmentInterface;
  };
  type: string;
  // Detail only (`GET /networkEquipments/{id}`).
  name?: string;
  powerPorts?: NetworkEquipmentPort[];
  rack?: { capacity: string; id: string };
  serialNumber?: string;
  specs?: { brand: string; model: string };
}

export type NetworkEquipmentPage = Page<NetworkEquipment>;
