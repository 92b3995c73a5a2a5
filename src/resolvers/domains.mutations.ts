import type { ResourceRecordSetInput } from '../datasources/types/domains.js';
import type { DnsRecordSetEntryInput, Resolvers, UserError } from '../generated/graphql.js';
import { domainArg, recordSetId, withDot } from './domains.names.js';
import { payload } from './support.js';

/**
 * Leaseweb names body fields in `errorDetails` (`resourceRecordSets[2].content`, `content`);
 * `payload()` turns them into `["input", …]` paths. Where our input names a field
 * differently, this rewrites the path so it points at the caller's own input:
 * `["input", "recordSets", "2", "content"]`. For a renamed field in `leaves` (a list of
 * strings or a scalar on our side) the parts below it are dropped.
 */
function renameFields<T extends { userErrors: UserError[] }>(result: T, names: Record<string, string>, leaves: string[] = []): T {
  for (const error of result.userErrors) {
    const [root, top, ...below] = error.field ?? [];
    if (root === undefined || top === undefined) continue;
    const indexed = /^(.+?)\[(\d+)\]$/.exec(top);
    const name = names[indexed?.[1] ?? top] ?? indexed?.[1] ?? top;
    error.field = [root, name, ...(indexed ? [indexed[2]!] : []), ...(leaves.includes(name) ? [] : below)];
  }
  return result;
}

const BULK_FIELDS = { resourceRecordSets: 'recordSets' };
const DNSSEC_FIELDS = { dnssecKeys: 'keys', nsec3: 'nsec3Active' };

/** A record set as Leaseweb documents it: the name fully qualified, with its trailing dot. */
const recordSet = ({ name, type, content, ttl }: DnsRecordSetEntryInput): ResourceRecordSetInput => ({
  name: withDot(name),
  type,
  content: [...content],
  ttl,
});
const entries = (sets: readonly DnsRecordSetEntryInput[]) => sets.map(recordSet);

/** A validation answers `valid` however it went: false with the reasons, or true. */
async function validation(run: () => Promise<{ message: string | null }>, names: Record<string, string> = {}) {
  const result = renameFields(await payload(run), names);
  return { ...result, valid: result.userErrors.length === 0, message: result.message ?? null };
}

export const mutations: Resolvers = {
  Mutation: {
    updateDomainNameservers: async (_, { input }, ctx) =>
      renameFields(
        await payload(async () => {
          const name = domainArg(input.domainName);
          const nameservers = await ctx.ds.domains.updateNameservers(name, input.nameservers);
          return { nameservers, domain: await ctx.ds.domains.get(name) };
        }),
        {},
        ['nameservers'], // `nameservers[1].name` is our `nameservers[1]`
      ),

    updateDomainDnssec: async (_, { input: { domainName, status, nsec3Active, keys } }, ctx) =>
      renameFields(
        await payload(async () => {
          const name = domainArg(domainName);
          const answer = await ctx.ds.domains.updateDnssec(name, {
            status,
            ...(nsec3Active === null || nsec3Active === undefined ? {} : { nsec3: { active: nsec3Active } }),
            ...(keys ? { dnssecKeys: keys.map(({ name: keyName, ...key }) => ({ ...key, ...(keyName ? { name: keyName } : {}) })) } : {}),
          });
          return { message: answer.infoMessage ?? null, domain: await ctx.ds.domains.get(name) };
        }),
        DNSSEC_FIELDS,
        ['nsec3Active'], // `nsec3.active` is our `nsec3Active`
      ),

    createDnsRecordSet: (_, { input: { domainName, ...set } }, ctx) =>
      payload(async () => ({ recordSet: await ctx.ds.domains.createRecordSet(domainArg(domainName), recordSet(set)) })),

    updateDnsRecordSet: (_, { input: { domainName, name, type, content, ttl } }, ctx) =>
      payload(async () => ({
        recordSet: await ctx.ds.domains.updateRecordSet(domainArg(domainName), withDot(name), type, { content: [...content], ttl }),
      })),

    deleteDnsRecordSet: (_, { input: { domainName, name, type } }, ctx) =>
      payload(async () => {
        const domain = domainArg(domainName);
        await ctx.ds.domains.deleteRecordSet(domain, withDot(name), type);
        const deletedId = recordSetId({ domainName: domain, name: withDot(name), type });
        return {
          deletedId,
          deletedRecordSetId: deletedId,
          domain: await ctx.ds.domains.get(domain),
        };
      }),

    replaceDnsRecordSets: async (_, { input }, ctx) =>
      renameFields(
        await payload(async () => {
          const name = domainArg(input.domainName);
          await ctx.ds.domains.replaceRecordSets(name, entries(input.recordSets));
          return { domain: await ctx.ds.domains.get(name) };
        }),
        BULK_FIELDS,
      ),

    deleteDnsRecordSets: (_, { input }, ctx) =>
      payload(async () => {
        const name = domainArg(input.domainName);
        await ctx.ds.domains.deleteRecordSets(name);
        return { domain: await ctx.ds.domains.get(name) };
      }),

    importDnsZone: async (_, { input }, ctx) =>
      renameFields(
        await payload(async () => {
          const name = domainArg(input.domainName);
          const recordSets = await ctx.ds.domains.importRecordSets(name, input.zone);
          return { recordSets, domain: await ctx.ds.domains.get(name) };
        }),
        { content: 'zone' },
      ),

    validateDnsRecordSet: (_, { input: { domainName, ...set } }, ctx) =>
      validation(async () => ({
        message: (await ctx.ds.domains.validateRecordSet(domainArg(domainName), recordSet(set))).infoMessage ?? null,
      })),

    validateDnsZone: (_, { input }, ctx) =>
      validation(
        async () => ({
          message: (await ctx.ds.domains.validateZone(domainArg(input.domainName), entries(input.recordSets))).infoMessage ?? null,
        }),
        BULK_FIELDS,
      ),
  },
};
