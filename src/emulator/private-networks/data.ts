import type { PrivateNetwork, PrivateNetworkReservation } from '../../datasources/types/private-networks.js';
import { notFound } from '../http.js';
import type { DatasetBase, DatasetSpec, EmulatorRequest } from '../types.js';

/** A private network and its DHCP reservations. */
export interface PrivateNetworkRecord {
  network: Omit<PrivateNetwork, 'equipmentCount' | 'servers'>;
  reservations: PrivateNetworkReservation[];
}

export interface PrivateNetworksData {
  networks: Map<string, PrivateNetworkRecord>;
  nextId: number;
}

interface MemberServer {
  server: {
    id: string;
    privateNetworks: Array<{ id: string }>;
    networkInterfaces: { internal: { mac: string | null; ip: string | null } };
  };
}

/** The sections this product reads and writes (servers: who is a member). */
export type PrivateNetworksDataset = DatasetBase & {
  privateNetworks: PrivateNetworksData;
  dedicatedServers: { servers: Map<string, MemberServer> };
};
export type PrivateNetworksRequest = EmulatorRequest<PrivateNetworksDataset>;

export function createPrivateNetworksData(): PrivateNetworksData {
  return { networks: new Map(), nextId: 1_300_000 };
}

/** Leaseweb's time format here: `2015-07-16T13:06:45+0200` (offset without colon). */
export const networkTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** The servers in a network (their own `privateNetworks[]` names it). */
export const membersOf = (d: PrivateNetworksDataset, id: string) =>
  [...d.dedicatedServers.servers.values()].filter((r) => r.server.privateNetworks.some((p) => p.id === id));

/**
 * Seeds the private network the demo servers already name (`privateNetworks[].id`), with
 * DHCP reservations for the internal NIC (by MAC) of its first two members, and an empty one.
 */
export function seedPrivateNetworks(d: PrivateNetworksDataset, _spec: DatasetSpec): void {
  const ids = [...new Set([...d.dedicatedServers.servers.values()].flatMap((r) => r.server.privateNetworks.map((p) => p.id)))];
  ids.forEach((id, k) => {
    const reservations = membersOf(d, id)
      .slice(0, 2)
      .map((r, i) => ({ ip: `10.32.0.${100 + i}`, mac: (r.server.networkInterfaces.internal.mac ?? '').toLowerCase(), sticky: i === 0 }));
    d.privateNetworks.networks.set(id, {
      network: {
        id,
        name: k === 0 ? 'default' : `network-${k}`,
        createdAt: '2025-07-16T13:06:45+0000',
        updatedAt: '2025-07-16T13:06:45+0000',
      },
      reservations,
    });
  });
  const spare = String(d.privateNetworks.nextId++);
  d.privateNetworks.networks.set(spare, {
    network: { id: spare, name: 'staging', createdAt: '2026-01-05T09:00:00+0000', updatedAt: '2026-01-05T09:00:00+0000' },
    reservations: [],
  });
}

export function findNetwork(req: PrivateNetworksRequest): PrivateNetworkRecord {
  const record = req.data.privateNetworks.networks.get(req.params.privateNetworkId!);
  if (!record) throw notFound('private network');
  return record;
}
