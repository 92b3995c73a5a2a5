import type { FloatingIpDefinition, FloatingIpRange } from '../../datasources/types/floating-ips.js';
import { notFound } from '../http.js';
import type { IpDataset } from '../ip-management/data.js';
import type { DatasetSpec, EmulatorRequest } from '../types.js';

export interface FloatingIpRangeRecord {
  range: FloatingIpRange;
  definitions: FloatingIpDefinition[];
}

export interface FloatingIpsData {
  ranges: Map<string, FloatingIpRangeRecord>;
}

/** The sections this product reads and writes (servers and ipMgmt: where the anchors are). */
export type FloatingIpsDataset = IpDataset & {
  floatingIps: FloatingIpsData;
  dedicatedServers: { servers: Map<string, { server: { id: string; location: { site: string } } }> };
};
export type FloatingIpsRequest = EmulatorRequest<FloatingIpsDataset>;

export function createFloatingIpsData(): FloatingIpsData {
  return { ranges: new Map() };
}

/** Leaseweb's time format here: `2019-03-13T09:10:02+0000`. */
export const floatingTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** `88.17.34.108/32` → `88.17.34.108_32`, the definition's id. */
export const definitionId = (floatingIp: string) => floatingIp.replace('/', '_');

/**
 * Seeds a SITE range in AMS-01 and a METRO range in AMS, with floating IPs anchored on the
 * main IPs of demo servers in AMS-01 (each with another such server as its passive anchor).
 */
export function seedFloatingIps(d: FloatingIpsDataset, _spec: DatasetSpec): void {
  const anchors = [...d.dedicatedServers.servers.values()]
    .filter((r) => r.server.location.site === 'AMS-01')
    .map((r) => (d.ipManagement.byEquipment.get(r.server.id) ?? []).find((i) => i.primary)?.ip)
    .filter((ip): ip is string => Boolean(ip));
  const base = { customerId: d.customer.customerId, salesOrgId: d.customer.salesOrgId };
  const ranges: Array<FloatingIpRange & { count: number }> = [
    { id: '88.17.0.0_17', range: '88.17.0.0/17', ...base, location: 'AMS-01', type: 'SITE', count: 3 },
    { id: '86.17.0.0_17', range: '86.17.0.0/17', ...base, location: 'AMS', type: 'METRO', count: 1 },
  ];
  let n = 0;
  for (const { count, ...range } of ranges) {
    const prefix = range.range.split('.').slice(0, 2).join('.');
    const definitions = Array.from({ length: count }, (_, k): FloatingIpDefinition => {
      const floatingIp = `${prefix}.34.${108 + k}/32`;
      const anchorIp = anchors[n % anchors.length]!;
      const passiveAnchorIp = anchors[(n + 1) % anchors.length]!;
      n++;
      return {
        id: definitionId(floatingIp),
        rangeId: range.id,
        location: range.location,
        type: range.type,
        ...base,
        floatingIp,
        anchorIp,
        passiveAnchorIp,
        status: 'ACTIVE',
        createdAt: '2025-03-13T09:10:02+0000',
        updatedAt: '2025-03-13T09:10:02+0000',
      };
    });
    d.floatingIps.ranges.set(range.id, { range, definitions });
  }
}

export function findRange(req: FloatingIpsRequest): FloatingIpRangeRecord {
  const record = req.data.floatingIps.ranges.get(req.params.rangeId!);
  if (!record) throw notFound('range');
  return record;
}

export function findDefinition(req: FloatingIpsRequest): { record: FloatingIpRangeRecord; definition: FloatingIpDefinition } {
  const record = findRange(req);
  const definition = record.definitions.find((x) => x.id === req.params.floatingIpDefinitionId);
  if (!definition) throw notFound('floating IP definition');
  return { record, definition };
}
