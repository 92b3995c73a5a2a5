import type { DnssecKey, RecordType, ResourceRecordSetInput } from '../../datasources/types/domains.js';
import { EPOCH } from '../dedicated-servers/data.js';
import { notFound } from '../http.js';
import type { Rng } from '../prng.js';
import { managedByLeaseweb } from './zone.js';
import type { EmulatorRequest } from '../types.js';
import type { ServersDataset } from '../dedicated-servers/data.js';

/** A record set as the emulator keeps it (`editable` follows from name and type). */
export type RecordSetRecord = ResourceRecordSetInput;

/** One domain of the customer and everything hosting/v2 keeps about it. */
export interface DomainRecord {
  domainName: string;
  dnsOnly: boolean;
  status: 'PENDING' | 'ACTIVE' | 'SUSPENDED';
  contractStartDate: string;
  contractEndDate: string | null;
  /** What the domain list with `type=email` reports (the emulator models no mailboxes). */
  email: { mailboxes: number; emailAliases: number; forwards: number; autoResponders: number };
  nameservers: string[];
  /** Until when a nameserver change is being processed (epoch ms); a new one is a 409 till then. */
  nameserversPendingUntil: number | null;
  /** False for a TLD whose registry Leaseweb has not automated: DNSSEC answers 422. */
  dnssecAutomated: boolean;
  dnssec: {
    status: 'ENABLED' | 'DISABLED';
    nsec3: boolean;
    keyRollover: { status: string; type: string; message: string } | null;
    keys: DnssecKey[];
  };
  dnssecPendingUntil: number | null;
  /**
   * The zone on Leaseweb's nameservers, SOA first; null while the domain is not listed
   * there yet (the first record set written creates the zone).
   */
  zone: RecordSetRecord[] | null;
  /** The SOA serial, YYYYMMDDnn; raised on every change of the zone. */
  serial: number;
}

export interface DomainsData {
  domains: Map<string, DomainRecord>;
}

/** The sections this product reads and writes. */
export type DomainsDataset = ServersDataset & { domains: DomainsData };
export type DomainsRequest = EmulatorRequest<DomainsDataset>;

export function createDomainsData(): DomainsData {
  return { domains: new Map() };
}

/**
 * Leaseweb's nameservers as the reference's export sample names them. A domain whose
 * nameservers are all in this list "uses Leaseweb nameservers".
 */
export const LEASEWEB_NAMESERVERS = ['ns0.nameserver.com', 'ns1.nameserver.com'];

export const usesLeasewebNameservers = (r: DomainRecord) =>
  r.nameservers.length > 0 && r.nameservers.every((ns) => LEASEWEB_NAMESERVERS.includes(ns.replace(/\.$/, '').toLowerCase()));

/** The key-rollover note of the reference's DNSSEC sample, shown while keys are being set up. */
export const KEY_ROLLOVER = {
  status: 'INITIALIZED',
  type: 'KSK',
  message: 'It would take 25 hours to complete the process from the time its been initialized',
};

/** The SOA Leaseweb keeps for a zone (field values as in the reference's export sample). */
function soa(r: DomainRecord): RecordSetRecord {
  const content = `${LEASEWEB_NAMESERVERS[0]}. postmaster.${r.domainName}. ${r.serial} 10800 3600 1209600 3600`;
  return { name: `${r.domainName}.`, type: 'SOA', content: [content], ttl: 3600 };
}

function apexNs(r: DomainRecord): RecordSetRecord {
  return { name: `${r.domainName}.`, type: 'NS', content: LEASEWEB_NAMESERVERS.map((ns) => `${ns}.`), ttl: 3600 };
}

/**
 * Replaces the customer's (editable) record sets; Leaseweb's own SOA and NS stay, and a
 * domain not yet listed gets its zone. The SOA serial goes up.
 */
export function setEditableRecordSets(r: DomainRecord, sets: RecordSetRecord[]): void {
  r.serial += 1;
  r.zone = [soa(r), apexNs(r), ...sets.filter((s) => !managedByLeaseweb(r.domainName, s.name, s.type))];
}

export const editableRecordSets = (r: DomainRecord) => (r.zone ?? []).filter((s) => !managedByLeaseweb(r.domainName, s.name, s.type));

/** The domain named by the `:domainName` path parameter (case-insensitive), or a 404. */
export function findDomain(req: DomainsRequest): DomainRecord {
  const record = req.data.domains.domains.get(req.params.domainName!.toLowerCase());
  if (!record) throw notFound('domain');
  return record;
}

/** Demo domain names; the seed picks where in the list a customer starts. */
const NAMES = [
  'example-shop.com',
  'example-shop.nl',
  'acme-analytics.io',
  'static-assets.net',
  'northwind-mail.eu',
  'contoso-labs.org',
  'fabrikam-cloud.de',
  'tailspin-travel.com',
];

/** An address no customer owns (RFC 5737 documentation range), for the "external" record. */
const EXTERNAL_NET = '203.0.113';

const iso = (offsetDays: number) => new Date(EPOCH + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeds `count` domains. Each listed zone gets SOA/NS, MX, TXT, CAA, a CNAME, A records on
 * the apex, `www` and `mail` that point at public IPs of the customer's dedicated servers
 * (two IPs of one server in `www` when a server has several), an AAAA on a server's IPv6
 * when one exists, and one A record (`status`) on an external address. Roles by position:
 * the third domain is DNS-only, the fourth suspended, the fifth pending (not yet on
 * Leaseweb's nameservers), the second uses external nameservers with its own DNSSEC key,
 * and the sixth has a TLD whose DNSSEC Leaseweb has not automated.
 */
export function seedDomains(d: DomainsDataset, rng: Rng, count: number): void {
  const servers = new Map<string, string[]>();
  const ipv6 = new Map<string, string>();
  for (const ip of d.ipManagement.ips.values()) {
    if (ip.networkType !== 'PUBLIC' || !ip.equipmentId || !d.dedicatedServers.servers.has(ip.equipmentId)) continue;
    if (ip.version === 4) servers.set(ip.equipmentId, [...(servers.get(ip.equipmentId) ?? []), ip.ip]);
    else ipv6.set(ip.equipmentId, ip.ip);
  }
  const serverIds = [...servers.keys()];
  const pickServers = (n: number) => {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(n, serverIds.length)) chosen.add(rng.pick(serverIds));
    return [...chosen];
  };
  const start = rng.int(0, NAMES.length - 1);
  for (let i = 0; i < count; i++) {
    const base = NAMES[(start + i) % NAMES.length]!;
    const lap = Math.floor(i / NAMES.length);
    const domainName = lap ? base.replace('.', `-${lap + 1}.`) : base;
    const dnsOnly = i === 2;
    const status = i === 3 ? 'SUSPENDED' : i === 4 ? 'PENDING' : 'ACTIVE';
    const startDay = -rng.int(60, 2400);
    const mailboxes = rng.int(0, 40);
    const record: DomainRecord = {
      domainName,
      dnsOnly,
      status,
      contractStartDate: `${iso(startDay)}T00:00:00+00:00`,
      // A registration runs for whole years; DNS-only hosting runs until cancelled.
      contractEndDate: dnsOnly ? null : `${iso(startDay + 365 * Math.ceil(-startDay / 365))}T00:00:00+00:00`,
      email: { mailboxes, emailAliases: rng.int(0, 60), forwards: rng.int(0, 20), autoResponders: rng.int(0, mailboxes) },
      nameservers:
        i === 1 ? [`ns1.dns-${domainName.split('.')[0]}.net`, `ns2.dns-${domainName.split('.')[0]}.net`] : [...LEASEWEB_NAMESERVERS],
      nameserversPendingUntil: null,
      dnssecAutomated: i !== 5,
      dnssec: { status: 'DISABLED', nsec3: false, keyRollover: null, keys: [] },
      dnssecPendingUntil: null,
      zone: null,
      serial: Number(iso(startDay).replace(/-/g, '')) * 100,
    };
    if (i === 0) record.dnssec = { status: 'ENABLED', nsec3: true, keyRollover: { ...KEY_ROLLOVER }, keys: [] };
    if (i === 1) {
      const keyTag = rng.int(1, 65_535);
      record.dnssec = {
        status: 'ENABLED',
        nsec3: false,
        keyRollover: null,
        keys: [{ flags: 257, protocol: 3, algorithm: 13, key: Buffer.from(rng.hex(64), 'hex').toString('base64'), keyTag, name: 'dnskey' }],
      };
    }
    if (status !== 'PENDING') setEditableRecordSets(record, demoRecordSets(domainName, i, rng, pickServers, servers, ipv6));
    d.domains.domains.set(domainName, record);
    d.billables.push({
      productId: 'DOMAIN',
      domainName,
      contractId: String(rng.int(10_000_000, 99_999_999)),
      reference: domainName,
      pricePerMonth: dnsOnly ? 0.5 : rng.pick([0.99, 1.25, 1.49, 2.49]),
      startDate: `${iso(startDay)}T00:00:00Z`,
      description: dnsOnly ? `DNS hosting ${domainName}` : `Domain registration ${domainName}`,
    });
  }
}

function demoRecordSets(
  domainName: string,
  i: number,
  rng: Rng,
  pickServers: (n: number) => string[],
  servers: Map<string, string[]>,
  ipv6: Map<string, string>,
): RecordSetRecord[] {
  const apex = `${domainName}.`;
  const at = (label: string) => `${label}.${apex}`;
  const ttl = () => rng.pick([300, 3600, 14400, 86400]);
  const sets: RecordSetRecord[] = [];
  const add = (name: string, type: RecordType, content: string[], seconds = ttl()) => {
    if (content.length) sets.push({ name, type, content, ttl: seconds });
  };
  const [web1, web2, web3, mail] = pickServers(4);
  // `www` gets two IPs of one server when a chosen server has several (a many-IP server).
  const multi = [web1, web2, web3].find((id) => id && servers.get(id)!.length > 1);
  const first = (id: string | undefined) => (id ? [servers.get(id)![0]!] : []);
  const www = [...(multi ? servers.get(multi)!.slice(0, 2) : []), ...[web1, web2, web3].filter((id) => id !== multi).flatMap(first)];
  add(apex, 'A', [...first(web1), ...first(web2)]);
  add(at('www'), 'A', www);
  add(at('mail'), 'A', first(mail));
  // ipMgmt keeps a server's IPv6 as one /64 record keyed by its network address; the AAAA
  // uses that address so it resolves (a host address inside the range would not: ipMgmt's
  // `?ips=` matches records, not ranges).
  const v6 = [web1, web2, web3].map((id) => id && ipv6.get(id)).find(Boolean);
  if (v6) add(apex, 'AAAA', [v6]);
  add(at('status'), 'A', [`${EXTERNAL_NET}.${rng.int(1, 254)}`], 300);
  add(at('cdn'), 'CNAME', [at('www')]);
  // MX, TXT and CAA values after the reference's samples.
  add(apex, 'MX', [`10 ${at('mail')}`, '20 mailfilter.leaseweb.com.'], 3600);
  add(apex, 'TXT', ['"v=spf1 a mx -all"', `"site-verification=${rng.hex(24)}"`], 3600);
  add(apex, 'CAA', ['0 issue "comodoca.com"'], 300);
  if (i % 2 === 0) add(at('_sip._tcp'), 'SRV', [`10 5 5060 ${at('mail')}`], 14400);
  return sets;
}
