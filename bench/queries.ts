/**
 * The connected queries the benchmark measures. For each: the fewest upstream calls the
 * Leaseweb API allows for it, worked out beside it (as a function of the answer where it
 * depends on the data, e.g. how many distinct servers the records point at), and the
 * depth of its dependency chain — rounds of calls that must wait for an earlier answer —
 * so wall time can be compared with depth × the injected upstream latency.
 */
export interface BenchQuery {
  name: string;
  query: string;
  /** Variables, looked up once before the runs (e.g. a domain name of the demo data). */
  variables?: (gql: (query: string) => Promise<any>) => Promise<Record<string, unknown>>;
  /** Facts of the account the minimum depends on (e.g. how many services it has), looked up once. */
  facts?: (gql: (query: string) => Promise<any>) => Promise<Record<string, number>>;
  /** The minimum number of upstream calls for this answer. */
  minimum: (data: any, facts: Record<string, number>) => number;
  why: string;
  depth: number;
}

const distinct = (values: unknown[]) => new Set(values.filter((v) => v != null)).size;

/**
 * The page size the gateway lists whole lists with. Leaseweb documents no maximum `limit`;
 * 100 is what the gateway asks for, so "the whole list" costs ⌈total / 100⌉ calls.
 */
const PAGE = 100;
const servicePages = async (gql: (query: string) => Promise<any>) => ({
  servicePages: Math.ceil((await gql('{ services(first: 1) { totalCount } }')).services.totalCount / PAGE),
});
const serverPages = async (gql: (query: string) => Promise<any>) => ({
  serverPages: Math.ceil((await gql('{ dedicatedServers(first: 1) { totalCount } }')).dedicatedServers.totalCount / PAGE),
});

export const queries: BenchQuery[] = [
  {
    name: '50 servers with their IPs',
    query: `{
      dedicatedServers(first: 50) {
        nodes { leasewebId reference location { site } ips(first: 20) { nodes { ip version nullRouted } } }
      }
    }`,
    minimum: () => 2,
    why: 'GET /servers?limit=50, then the IPs of all 50 in one GET /ipMgmt/v2/ips?equipmentIds=…',
    depth: 2,
  },
  {
    name: "a domain's A records → IPs → servers",
    variables: async (gql) => {
      const data = await gql('{ domains(first: 1) { nodes { domainName } } }');
      return { domain: data.domains.nodes[0].domainName };
    },
    query: `query($domain: String!) {
      domain(domainName: $domain) {
        recordSets(filter: { type: A }) {
          nodes { name content ips { ip equipment { ... on DedicatedServer { leasewebId reference location { site } } } } }
        }
      }
    }`,
    facts: serverPages,
    // The record sets (1); every address in one ipMgmt ?ips= call (1); the servers: no batch
    // endpoint, but the list carries what is asked of them, so one GET /servers/{id} per
    // distinct server or the whole list, whichever is fewer.
    minimum: (data, facts) =>
      2 +
      Math.min(
        distinct(data.domain.recordSets.nodes.flatMap((r: any) => r.ips.map((ip: any) => ip?.equipment?.leasewebId))),
        facts.serverPages!,
      ),
    why: 'GET …/resourceRecordSets, one GET /ipMgmt/v2/ips?ips=…, then min(one GET /servers/{id} per distinct server, the server list’s pages)',
    depth: 3,
  },
  {
    name: 'instances with IPs, image, region and instance type',
    query: `{
      publicCloudInstances(first: 20) {
        nodes {
          leasewebId reference state
          ips { nodes { ip nullRouted } }
          image { name family }
          region { name }
          instanceType { name prices { currency compute { hourly { amount } monthly { amount } } } }
        }
      }
    }`,
    // The list (1); all instances' IPs in one ipMgmt ?equipmentIds= call (1); the image's
    // name and family and the region's name are embedded in each instance (0); instance
    // types with prices once per distinct region (R).
    minimum: (data) => 2 + distinct(data.publicCloudInstances.nodes.map((i: any) => i.region.name)),
    why: 'GET /instances, one ipMgmt ?equipmentIds=, /instanceTypes?region= once per distinct region',
    depth: 2,
  },
  {
    name: "an IP range with each IP's equipment",
    variables: async (gql) => {
      // 40 consecutive public IPv4 addresses of the account (private 10.x ones left out).
      const data = await gql('{ ips(first: 100, filter: { version: 4, type: NORMAL_IP, fromIp: "11.0.0.0" }) { nodes { ip } } }');
      const ips = data.ips.nodes.map((n: any) => n.ip as string);
      return { from: ips[0], to: ips[Math.min(39, ips.length - 1)] };
    },
    query: `query($from: IPAddress!, $to: IPAddress!) {
      ips(first: 40, filter: { fromIp: $from, toIp: $to }) {
        nodes {
          ip nullRouted
          equipment {
            __typename
            ... on DedicatedServer { leasewebId reference }
            ... on PublicCloudInstance { leasewebId reference }
          }
        }
      }
    }`,
    facts: serverPages,
    // The range (1); the servers: one GET each or the whole server list, whichever is fewer
    // (the list carries what is asked); any other equipment by id (no batch endpoint).
    minimum: (data, facts) => {
      const equipment = data.ips.nodes.map((n: any) => n.equipment).filter(Boolean);
      const servers = distinct(equipment.filter((e: any) => e.__typename === 'DedicatedServer').map((e: any) => e.leasewebId));
      const others = distinct(equipment.filter((e: any) => e.__typename !== 'DedicatedServer').map((e: any) => e.leasewebId));
      return 1 + Math.min(servers, facts.serverPages!) + others;
    },
    why: 'GET /ipMgmt/v2/ips?fromIp=…&toIp=…, min(one GET per distinct server, the server list’s pages), one GET per other equipment',
    depth: 2,
  },
  {
    name: '50 servers with IPs and services',
    query: `{
      dedicatedServers(first: 50) {
        nodes {
          leasewebId reference
          ips(first: 20) { nodes { ip nullRouted } }
          service { leasewebId status billingCycle contractTermEndDate price { amount currency } }
        }
      }
    }`,
    facts: servicePages,
    // The list (1); all 50 servers' IPs in one ipMgmt ?equipmentIds= call (1); the services:
    // `?equipmentId=` takes one id, so 50 lookups or the whole list, whichever is fewer.
    minimum: (_, facts) => 2 + Math.min(50, facts.servicePages!),
    why: 'GET /servers?limit=50, one ipMgmt ?equipmentIds=, then min(50 × ?equipmentId=, the services list’s pages)',
    depth: 2,
  },
  {
    name: '20 invoices with line items → service → equipment',
    query: `{
      invoices(first: 20) {
        nodes {
          leasewebId date total { amount currency }
          lineItems {
            product quantity total { amount }
            service { leasewebId reference status equipment { __typename ... on DedicatedServer { leasewebId } ... on PublicCloudInstance { leasewebId } } }
          }
        }
      }
    }`,
    facts: servicePages,
    // The list (1); each invoice's lines only in its detail, no batch (20); services by
    // contract only from the whole list (its pages); the equipment's kind comes from the
    // service's productId and its id from the line, so naming it costs nothing (0).
    minimum: (data, facts) => 1 + data.invoices.nodes.length + facts.servicePages!,
    why: 'GET /invoices?limit=20, GET /invoices/{id} × 20, the services list once (no contract endpoint); equipment named by the service',
    depth: 2,
  },
  {
    name: 'racks → servers and network equipment → IPs',
    query: `{
      dedicatedRacks(first: 20) {
        nodes {
          leasewebId
          dedicatedServers(first: 20) { nodes { leasewebId ips(first: 20) { nodes { ip } } } }
          networkEquipments(first: 20) { nodes { leasewebId ips(first: 20) { nodes { ip } } } }
        }
      }
    }`,
    // The racks (1); per rack, its servers and its network equipment by `?privateRackId=` (2
    // per rack, no batch); every IP of all of them in one ipMgmt ?equipmentIds= call (1).
    minimum: (data) => 2 + 2 * data.dedicatedRacks.nodes.length,
    why: 'GET /privateRacks, GET /servers?privateRackId= and /networkEquipments?privateRackId= per rack, one ipMgmt ?equipmentIds=',
    depth: 3,
  },
  {
    name: 'floating IP definitions → anchor IP → server',
    query: `{
      floatingIpRanges(first: 20) {
        nodes { id definitions(first: 20) { nodes { anchorIp { ip equipment { ... on DedicatedServer { leasewebId reference } } } } } }
      }
    }`,
    facts: serverPages,
    // The ranges (1); each range's definitions (R, no batch); every anchor in one ipMgmt
    // ?ips= call (1); the servers: one GET /servers/{id} per distinct server (S) or the whole
    // server list, whichever is fewer.
    minimum: (data, facts) => {
      const ranges = data.floatingIpRanges.nodes;
      const anchors = ranges.flatMap((r: any) => r.definitions.nodes.map((d: any) => d.anchorIp));
      return 2 + ranges.length + Math.min(distinct(anchors.map((ip: any) => ip?.equipment?.leasewebId)), facts.serverPages!);
    },
    why: 'GET /floatingIpRanges, its definitions per range, one ipMgmt ?ips=, then min(one GET /servers/{id} per distinct server, the server list’s pages)',
    depth: 4,
  },
  {
    name: 'load balancers → listeners → target groups → targets → instance and IPs',
    query: `{
      publicCloudLoadBalancers(first: 10) {
        nodes {
          id
          listeners(first: 5) {
            nodes { rules { targetGroup { id targets(first: 10) { nodes { healthState instance { reference ips(first: 5) { nodes { ip } } } } } } } }
          }
        }
      }
    }`,
    // The load balancers (1); each one's listeners (L, no batch); the targets of each
    // distinct target group (1 per group, no batch: the rule names the group, and only its id
    // is asked of it); the targets name their instances, whose IPs are one ipMgmt
    // ?equipmentIds= call (1); the reference comes with the target (0).
    minimum: (data) => {
      const groups = data.publicCloudLoadBalancers.nodes.flatMap((lb: any) =>
        lb.listeners.nodes.flatMap((l: any) => l.rules.map((r: any) => r.targetGroup?.id)),
      );
      return 2 + data.publicCloudLoadBalancers.nodes.length + distinct(groups);
    },
    why: 'GET /loadBalancers, listeners per load balancer, the targets per distinct group, one ipMgmt ?equipmentIds=',
    depth: 4,
  },
  {
    name: 'VPS list with IPs and service',
    query: '{ vpsList(first: 20) { nodes { id reference ips(first: 10) { nodes { ip } } service { leasewebId status } } } }',
    facts: servicePages,
    // The list (1); all their IPs in one ipMgmt ?equipmentIds= (1); the services: one
    // `?equipmentId=` lookup per VPS or the whole list, whichever is fewer.
    minimum: (data, facts) => 2 + Math.min(data.vpsList.nodes.length, facts.servicePages!),
    why: 'GET /vps, one ipMgmt ?equipmentIds=, then min(one ?equipmentId= per VPS, the services list’s pages)',
    depth: 2,
  },
  {
    name: 'target groups → auto scaling groups → instances and IPs, and the listeners forwarding to them',
    query: `{
      publicCloudTargetGroups(first: 20) {
        nodes {
          name
          autoScalingGroups { reference instances(first: 10) { nodes { reference ips(first: 5) { nodes { ip } } } } }
          listeners { port loadBalancer { leasewebId } }
        }
      }
    }`,
    facts: async (gql) => {
      const d = await gql(
        '{ publicCloudTargetGroups(first: 20) { nodes { regionName } } publicCloudAutoScalingGroups(first: 100) { nodes { regionName } } publicCloudLoadBalancers(first: 100) { nodes { regionName } } }',
      );
      const regions = new Set(d.publicCloudTargetGroups.nodes.map((n: any) => n.regionName));
      const inRegions = (nodes: any[]) => nodes.filter((n) => regions.has(n.regionName)).length;
      return { groups: inRegions(d.publicCloudAutoScalingGroups.nodes), balancers: inRegions(d.publicCloudLoadBalancers.nodes) };
    },
    // No filter says which auto scaling groups are registered with a target group, or which
    // listeners forward to it: the target groups (1), the auto scaling group and load
    // balancer lists (1 + 1), the detail of each group in those regions (its target groups)
    // and the listeners of each load balancer there (no batch), the instances of each group
    // found (1 each), and their IPs in one ipMgmt ?equipmentIds= call (1).
    minimum: (data, facts) => {
      const found = distinct(data.publicCloudTargetGroups.nodes.flatMap((n: any) => n.autoScalingGroups.map((g: any) => g.reference)));
      return 4 + facts.groups! + facts.balancers! + found;
    },
    why: 'GET /targetGroups, /autoScalingGroups, /loadBalancers; a detail per group and listeners per load balancer in those regions; instances per group found; one ipMgmt ?equipmentIds=',
    // 4 rounds: the three lists at once (the target group list starts the other two when
    // its items ask for them), details and listeners, instances, IPs.
    depth: 4,
  },
];
