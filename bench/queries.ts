/**
 * The connected queries the benchmark measures. For each: the fewest upstream calls the
 * Leaseweb API allows for it (worked out beside it), and the depth of its dependency
 * chain — calls that must wait for an earlier answer — so wall time can be compared with
 * depth × the injected upstream latency.
 */
export interface BenchQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The minimum number of upstream calls, and why. */
  minimumCalls: number;
  why: string;
  /** Sequential rounds of upstream calls the answer needs. */
  depth: number;
}

export const queries: BenchQuery[] = [
  {
    name: '50 servers with their IPs',
    query: `{
      dedicatedServers(first: 50) {
        nodes { leasewebId reference location { site } ips(first: 20) { nodes { ip version nullRouted } } }
      }
    }`,
    minimumCalls: 2,
    why: 'GET /servers?limit=50 (1), then the IPs of all 50 in one GET /ipMgmt/v2/ips?equipmentIds=… (1)',
    depth: 2,
  },
];
