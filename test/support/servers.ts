import type { ServerRecord } from '../../src/emulator/dedicated-servers/data.js';
import type { Stack } from './stack.js';

/** Picks servers from the demo data set and counts server reads, as the dedicated server tests need them. */
export function serverHelpers(stack: () => Stack) {
  const records = (): ServerRecord[] => [...stack().demo.dedicatedServers.servers.values()];
  const record = (pred: (r: ServerRecord) => boolean = () => true): ServerRecord => {
    const found = records().find(pred);
    if (!found) throw new Error('the demo data set has no server for this test');
    return found;
  };
  const ipsOf = (serverId: string) => stack().demo.ipManagement.byEquipment.get(serverId) ?? [];
  const sorted = (values: string[]) => [...values].sort();
  /** The `GET /bareMetals/v2/servers/{id}` calls since the log was cleared. */
  const byIdCalls = () => stack().calls({ method: 'GET', path: /^\/bareMetals\/v2\/servers\/[^/]+$/ });
  return { records, record, ipsOf, sorted, byIdCalls };
}
