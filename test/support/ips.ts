import type { IpRecord } from '../../src/emulator/ip-management/data.js';
import type { Stack } from './stack.js';

/** ipMgmt's null-route operations (test/ip-management.null-routes.test.ts reaches them). */
export const NULL_ROUTE_OPS = new Set([
  'ipMgmt.nullRouteIp',
  'ipMgmt.removeNullRoute',
  'ipMgmt.listNullRoutes',
  'ipMgmt.inspectNullRoute',
  'ipMgmt.updateNullRoute',
]);

/** Picks IPs from the demo data set, as the ipMgmt tests need them. */
export function ipHelpers(stack: () => Stack) {
  const allIps = (): IpRecord[] => [...stack().demo.ipManagement.ips.values()];
  const ipWhere = (pred: (r: IpRecord) => boolean): IpRecord => {
    const found = allIps().find(pred);
    if (!found) throw new Error('the demo data set has no IP for this test');
    return found;
  };
  const isServer = (r: IpRecord) => r.equipmentId !== null && stack().demo.dedicatedServers.servers.has(r.equipmentId);
  const sorted = (values: string[]) => [...values].sort();
  return { allIps, ipWhere, isServer, sorted, USER_ERRORS: 'userErrors { field message code leasewebCode }' };
}
