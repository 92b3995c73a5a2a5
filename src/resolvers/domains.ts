import { isIP } from 'node:net';
import type { GraphQLContext } from '../context.js';
import { slicePage } from '../datasources/page.js';
import {
  RECORD_TYPES,
  type DnsRecordSetSource,
  type Dnssec,
  type DomainListType,
  type DomainSource,
  type RecordType,
} from '../datasources/types/domains.js';
import { isUpstreamError } from '../errors.js';
import type {
  DnsRecordSetFilter,
  DnssecKeyType,
  DomainListType as DomainListTypeEnum,
  DomainStatus,
  Resolvers,
} from '../generated/graphql.js';
import { gid } from '../ids.js';
import { connectionResolvers, toWindow } from './connection.js';
import { domainArg, recordSetId, withDot } from './domains.names.js';
import { mutations } from './domains.mutations.js';
import { ipFromMgmt } from './ip-edge.js';
import type { NodeFetchers, ProductGraph } from './nodes.js';
import { localId, onlySelects, selectedFields, typed, upstreamEnum } from './support.js';

const TYPENAME = 'Domain';

/** How record names compare: DNS names are case-insensitive, the trailing dot optional. */
const sameName = (a: string, b: string) => withDot(a).toLowerCase() === withDot(b).toLowerCase();

function filterRecordSets(all: DnsRecordSetSource[], filter: DnsRecordSetFilter | null | undefined): DnsRecordSetSource[] {
  return all.filter((s) => !filter?.type || s.type === filter.type).filter((s) => !filter?.name || sameName(s.name, filter.name));
}

/**
 * DNSSEC of a domain; null when Leaseweb answers 422 ("not automated for this TLD"): the
 * domain exists, it just has no DNSSEC the API can show, so the read is not an error.
 */
async function dnssecOf(ctx: GraphQLContext, domainName: string): Promise<Dnssec | null> {
  try {
    return await ctx.ds.domains.dnssec(domainName);
  } catch (error) {
    if (isUpstreamError(error) && error.leaseweb.status === 422) return null;
    throw error;
  }
}

/**
 * The IP of each A/AAAA content entry, via the batched ipMgmt loader: every address of the
 * query (across record sets and domains) goes into one `?ips=` call per ~100. Entries that
 * are not addresses, or addresses ipMgmt does not know (external), are null.
 */
function recordIps(set: DnsRecordSetSource, ctx: GraphQLContext) {
  if (set.type !== 'A' && set.type !== 'AAAA') return null;
  return Promise.all(
    set.content.map(async (entry) => {
      const address = entry.trim();
      if (!isIP(address)) return null;
      const ip = await ctx.ds.ipManagement.get(address);
      return ip ? ipFromMgmt(ip) : null;
    }),
  );
}

const nodes: NodeFetchers = {
  Domain: async (ctx, [name]) => {
    const domain = await ctx.ds.domains.get(name!);
    return domain ? typed(TYPENAME, domain) : null;
  },
  DnsRecordSet: async (ctx, parts) => {
    const [domainName, name, type] = parts;
    // A type outside Leaseweb's list names nothing (and could not be serialised).
    if (parts.length !== 3 || !domainName || !name || !isRecordType(type)) return null;
    const set = await ctx.ds.domains.recordSet(domainName, name, type);
    return set ? typed('DnsRecordSet', set) : null;
  },
};

const isRecordType = (type: string | undefined): type is RecordType => (RECORD_TYPES as readonly string[]).includes(type ?? '');

const resolvers: Resolvers = {
  Query: {
    domains: (_, { first, after, filter }, ctx) => ctx.ds.domains.list(toWindow({ first, after }), filter?.type ?? undefined),
    domain: async (_, { domainName }, ctx, info) => {
      const name = domainArg(domainName);
      // Asked only for its record sets: their list answers 404 for an unknown domain too,
      // so it stands in for GET /domains/{name} (one call and one round fewer).
      if (onlySelects(info, ['id', 'leasewebId', 'domainName', 'recordSets']) && selectedFields(info).has('recordSets')) {
        return (await ctx.ds.domains.recordSets(name)) ? ({ domainName: name } as DomainSource) : null;
      }
      return ctx.ds.domains.get(name);
    },
    domainAvailability: (_, { domainName }, ctx) => ctx.ds.domains.availability(domainName),
  },

  Domain: {
    id: (d) => gid(TYPENAME, d.domainName),
    leasewebId: (d) => d.domainName,
    // The `type=dns` list leaves `status` out: read the domain itself only when asked.
    status: async (d, _, ctx) => upstreamEnum<DomainStatus>(d.status ?? (await ctx.ds.domains.get(d.domainName))?.status),
    contractEndDate: (d) => d.contractEndDate ?? null,
    emailStatistics: (d) =>
      d.listedAs === 'email'
        ? {
            mailboxes: d.numberOfMailboxes ?? null,
            emailAliases: d.numberOfEmailAliases ?? null,
            forwards: d.numberOfForwards ?? null,
            autoResponders: d.numberOfAutoResponders ?? null,
          }
        : null,
    hostingOverview: (d) =>
      d.listedAs === 'overview'
        ? {
            hasWebhosting: d.hasWebhosting ?? null,
            hasMailhosting: d.hasMailhosting ?? null,
            webhostingContractOnly: d.webhostingContractOnly ?? null,
            webhostingEquipmentId: d.webhostingEquipmentId ?? null,
          }
        : null,
    nameservers: (d, _, ctx) => ctx.ds.domains.nameservers(d.domainName),
    dnssec: (d, _, ctx) => dnssecOf(ctx, d.domainName),
    recordSets: async (d, { first, after, filter }, ctx) => {
      const window = toWindow({ first, after });
      const all = await ctx.ds.domains.recordSets(d.domainName);
      return all ? slicePage(filterRecordSets(all, filter), window) : null;
    },
    recordSet: (d, { name, type }, ctx) => ctx.ds.domains.recordSet(d.domainName, withDot(name), type),
    zoneFile: (d, _, ctx) => ctx.ds.domains.exportRecordSets(d.domainName),
  },

  DomainNameservers: {
    names: (n) => n.nameservers.map((ns) => ns.name),
    status: (n) => n.status ?? null,
    // The PUT answer has no `isLeasewebNameserver`: read the nameservers again when asked.
    isLeasewebNameserver: async (n, _, ctx) =>
      n.isLeasewebNameserver ?? (await ctx.ds.domains.nameservers(n.domainName))?.isLeasewebNameserver ?? null,
  },

  DomainDnssec: {
    nsec3Active: (d) => d.nsec3?.active ?? null,
    keyRollover: (d) => (d.keyRollover ? { ...d.keyRollover, type: upstreamEnum<DnssecKeyType>(d.keyRollover.type) } : null),
    keys: (d) => d.dnssecKeys ?? [],
  },

  DnsRecordSet: {
    id: (s) => recordSetId(s),
    domain: (s, _, ctx) => ctx.ds.domains.get(s.domainName),
    ips: (s, _, ctx) => recordIps(s, ctx),
  },

  DomainConnection: connectionResolvers,
  DnsRecordSetConnection: connectionResolvers,
};

export const domains: ProductGraph = { resolvers: [resolvers, mutations], nodes };
