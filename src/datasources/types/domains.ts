/**
 * Upstream shapes of Domains and DNS (hosting/v2), written from the reference
 * (`api-reference.txt`, sections Domains and DNS), its samples and `openapi/dns.yaml`.
 * Hosting answers carry HAL `_links` (and, with `type=email`, `_embedded`); the gateway
 * reads none of them, so they are typed loosely.
 */
import type { Page } from '../page.js';

export type HalLinks = Record<string, { href: string }>;

/** `?type=` of `GET /domains`: which statistics Leaseweb adds to each listed domain. */
export type DomainListType = 'dns' | 'email' | 'overview';

export interface Domain {
  domainName: string;
  /** Kept by Leaseweb "until v3"; `status` says the same and more. */
  suspended: boolean;
  /** True when Leaseweb only hosts DNS for the domain (registered elsewhere). */
  dnsOnly: boolean;
  /** PENDING, ACTIVE, SUSPENDED. The list with `type=dns` leaves it out. */
  status?: string;
  /** ISO 8601 with an offset (`2017-04-01T00:00:00+02:00`). */
  contractStartDate: string;
  /** Absent for open-ended contracts. */
  contractEndDate?: string;
  /** Only in the list with `type=email`. */
  numberOfMailboxes?: number;
  numberOfEmailAliases?: number;
  numberOfForwards?: number;
  numberOfAutoResponders?: number;
  /** Only in the list with `type=overview`. */
  webhostingContractOnly?: boolean;
  hasWebhosting?: boolean;
  hasMailhosting?: boolean;
  webhostingEquipmentId?: string | null;
  _links?: HalLinks;
  _embedded?: Record<string, unknown>;
}

/** A domain as the graph holds it: how it was listed decides which extras it carries. */
export interface DomainSource extends Domain {
  /** The `type` of the list call that returned it; undefined for `GET /domains/{name}`. */
  listedAs?: DomainListType;
}

export interface DomainAvailability {
  domainName: string;
  available: boolean;
  _links?: HalLinks;
}

export interface Nameservers {
  nameservers: Array<{ name: string }>;
  /** A sentence about the last change ("… will be processed after 24 hours."). */
  status?: string;
  /** Only in the GET answer, not in the PUT answer. */
  isLeasewebNameserver?: boolean;
  _links?: HalLinks;
  /** Only `totalCount` (the sample's 4 for 2 nameservers is a documentation slip). */
  _metadata?: { totalCount?: number };
}

/** Nameservers of one domain, with the name they belong to (the answer has none). */
export interface NameserversSource extends Nameservers {
  domainName: string;
}

/**
 * A DNSSEC key. The reference lost this array's field name; `dnssecKeys` and the item
 * fields come from Leaseweb's newer combined OpenAPI document.
 */
export interface DnssecKey {
  flags?: number;
  protocol: number;
  algorithm: number;
  key: string;
  keyTag?: number;
  digest?: string;
  digestType?: number;
  name?: string;
}

export interface Dnssec {
  /** ENABLED, DISABLED (the newer document adds DISABLING_SCHEDULED, ENABLED_WITH_EXTERNAL_NAMESERVERS, UNSUPPORTED_TLD). */
  status: string;
  nsec3?: { active: boolean };
  keyRollover?: { status?: string; type?: string; message?: string } | null;
  /** Only for domains on non-Leaseweb nameservers. */
  dnssecKeys?: DnssecKey[];
  _links?: HalLinks;
}

export interface DnssecUpdate {
  status: 'ENABLED' | 'DISABLED';
  nsec3?: { active: boolean };
  dnssecKeys?: DnssecKey[];
}

/** The record types the reference lists (the path parameter's enum says `AAA`: a typo). */
export const RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT', 'SOA', 'DS', 'TLSA'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The only TTLs Leaseweb accepts, in seconds. */
export const RECORD_TTLS = [60, 300, 1800, 3600, 14400, 28800, 43200, 86400] as const;

/** A record set as written (create, bulk update, validate). */
export interface ResourceRecordSetInput {
  /** Fully qualified, with the trailing dot: `www.example.com.`. */
  name: string;
  type: RecordType;
  content: string[];
  ttl: number;
}

/** A record set as read. */
export interface ResourceRecordSet extends ResourceRecordSetInput {
  /** False for the sets Leaseweb manages itself (the zone's SOA and NS). */
  editable: boolean;
  _links?: HalLinks;
}

export interface ResourceRecordSetList {
  resourceRecordSets: ResourceRecordSet[];
  /** E.g. "Sorry, but your domain is not yet listed on our nameservers …". */
  infoMessage?: string;
  _links?: HalLinks;
}

/** What the validate and DNSSEC endpoints answer. */
export interface InfoMessage {
  infoMessage?: string;
}

/** A record set with the domain it belongs to (the upstream item does not name it). */
export interface DnsRecordSetSource extends ResourceRecordSet {
  domainName: string;
}

export type DomainPage = Page<DomainSource>;
export type DnsRecordSetPage = Page<DnsRecordSetSource>;
