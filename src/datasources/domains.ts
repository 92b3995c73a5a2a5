import type { UpstreamSession } from './client.js';
import { byIdLoader, orNull } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type {
  DnsRecordSetSource,
  Dnssec,
  DnssecUpdate,
  Domain,
  DomainAvailability,
  DomainListType,
  DomainSource,
  InfoMessage,
  Nameservers,
  NameserversSource,
  RecordType,
  ResourceRecordSet,
  ResourceRecordSetInput,
  ResourceRecordSetList,
} from './types/domains.js';

const api = pathUnder('/hosting/v2');

const withDomain =
  (domainName: string) =>
  (set: ResourceRecordSet): DnsRecordSetSource => ({ ...set, domainName });

/**
 * Domains and DNS (hosting/v2): one method per REST operation. A domain, its nameservers,
 * its DNSSEC state and its record-set list are each read at most once per request, and
 * every write clears what it made stale. Record sets are not paginated upstream: the
 * whole list is read once and paged in the gateway.
 */
export class DomainsAPI {
  private readonly domainByName = byIdLoader((name: string) => this.upstream.get<Domain>(api`/domains/${name}`));
  private readonly nameserverLoader = byIdLoader((name: string) => this.upstream.get<Nameservers>(api`/domains/${name}/nameservers`));
  private readonly dnssecLoader = byIdLoader((name: string) => this.upstream.get<Dnssec>(api`/domains/${name}/dnssec`));
  private readonly recordSetLists = byIdLoader((name: string) =>
    this.upstream.get<ResourceRecordSetList>(api`/domains/${name}/resourceRecordSets`),
  );
  private readonly recordSetByKey = byIdLoader(
    (key: { domainName: string; name: string; type: string }) =>
      this.upstream.get<ResourceRecordSet>(api`/domains/${key.domainName}/resourceRecordSets/${key.name}/${key.type}`),
    (key) => `${key.domainName}\u0000${key.name}\u0000${key.type}`,
  );

  constructor(private readonly upstream: UpstreamSession) {}

  // Domains.

  list(window: Window, type?: DomainListType | null): Promise<Page<DomainSource>> {
    return this.upstream.get(api`/domains`, { ...window, type }).then((body) => {
      const page = toPage<Domain>(body, 'domains', window);
      // The plain list carries what `GET /domains/{name}` does: later reads of these need no call.
      if (!type) for (const d of page.items) this.domainByName.prime(d.domainName, d);
      return { ...page, items: page.items.map((d) => ({ ...d, listedAs: type ?? undefined })) };
    });
  }

  /** One domain (`GET /domains/{domainName}`); null when the account has no such domain. */
  get(domainName: string): Promise<DomainSource | null> {
    return this.domainByName.load(domainName);
  }

  /** Whether a name can be registered; null for a name Leaseweb does not know (404). */
  availability(domainName: string): Promise<DomainAvailability | null> {
    return orNull(this.upstream.get<DomainAvailability>(api`/domains/${domainName}/available`));
  }

  // Nameservers and DNSSEC.

  async nameservers(domainName: string): Promise<NameserversSource | null> {
    const found = await this.nameserverLoader.load(domainName);
    return found ? { ...found, domainName } : null;
  }

  /** Replaces every nameserver (Leaseweb wants at least two); the answer has no `isLeasewebNameserver`. */
  async updateNameservers(domainName: string, names: readonly string[]): Promise<NameserversSource> {
    const body = await this.upstream.put<Nameservers>(api`/domains/${domainName}/nameservers`, {
      nameservers: names.map((name) => ({ name })),
    });
    this.nameserverLoader.clear(domainName);
    this.dnssecLoader.clear(domainName);
    return { ...body, domainName };
  }

  /** The DNSSEC state; null for an unknown domain. A 422 (TLD not automated) is the caller's to handle. */
  dnssec(domainName: string): Promise<Dnssec | null> {
    return this.dnssecLoader.load(domainName);
  }

  async updateDnssec(domainName: string, update: DnssecUpdate): Promise<InfoMessage> {
    const body = await this.upstream.put<InfoMessage | undefined>(api`/domains/${domainName}/dnssec`, update);
    this.dnssecLoader.clear(domainName);
    return body ?? {};
  }

  // Record sets.

  /** Every record set of the domain (the upstream list has no paging); null for an unknown domain. */
  async recordSets(domainName: string): Promise<DnsRecordSetSource[] | null> {
    const list = await this.recordSetLists.load(domainName);
    return list ? toPage<ResourceRecordSet>(list, 'resourceRecordSets').items.map(withDomain(domainName)) : null;
  }

  recordSet(domainName: string, name: string, type: RecordType): Promise<DnsRecordSetSource | null> {
    return this.recordSetByKey.load({ domainName, name, type }).then((set) => (set ? withDomain(domainName)(set) : null));
  }

  async createRecordSet(domainName: string, set: ResourceRecordSetInput): Promise<DnsRecordSetSource> {
    const created = await this.upstream.post<ResourceRecordSet>(api`/domains/${domainName}/resourceRecordSets`, set);
    this.forgetRecordSets(domainName);
    return withDomain(domainName)(created);
  }

  /**
   * Replaces every editable record set of the domain. Leaseweb documents the answer as
   * one record set (not the new list), so the caller should read the list again.
   */
  async replaceRecordSets(domainName: string, sets: readonly ResourceRecordSetInput[]): Promise<void> {
    await this.upstream.put(api`/domains/${domainName}/resourceRecordSets`, { resourceRecordSets: sets });
    this.forgetRecordSets(domainName);
  }

  /** Deletes every editable record set; the zone itself (SOA, NS) stays. */
  async deleteRecordSets(domainName: string): Promise<void> {
    await this.upstream.delete(api`/domains/${domainName}/resourceRecordSets`);
    this.forgetRecordSets(domainName);
  }

  async updateRecordSet(
    domainName: string,
    name: string,
    type: RecordType,
    change: { content: string[]; ttl: number },
  ): Promise<DnsRecordSetSource> {
    const updated = await this.upstream.put<ResourceRecordSet>(api`/domains/${domainName}/resourceRecordSets/${name}/${type}`, change);
    this.forgetRecordSets(domainName);
    return withDomain(domainName)(updated);
  }

  async deleteRecordSet(domainName: string, name: string, type: RecordType): Promise<void> {
    await this.upstream.delete(api`/domains/${domainName}/resourceRecordSets/${name}/${type}`);
    this.forgetRecordSets(domainName);
  }

  /** Imports BIND zone-file text; answers with the record sets it created or replaced. */
  async importRecordSets(domainName: string, zone: string): Promise<DnsRecordSetSource[]> {
    const body = await this.upstream.post<ResourceRecordSetList>(api`/domains/${domainName}/resourceRecordSets/import`, { content: zone });
    this.forgetRecordSets(domainName);
    return toPage<ResourceRecordSet>(body, 'resourceRecordSets').items.map(withDomain(domainName));
  }

  /**
   * The zone as BIND text. The reference (and dns.yaml) put the export at `GET
   * …/resourceRecordSets/import`, the path of the POST import; Leaseweb's newer combined
   * document says `…/export`. We follow the reference.
   */
  async exportRecordSets(domainName: string): Promise<string | null> {
    const text = await orNull(this.upstream.getText(api`/domains/${domainName}/resourceRecordSets/import`));
    return text ? text : null;
  }

  validateRecordSet(domainName: string, set: ResourceRecordSetInput): Promise<InfoMessage> {
    return this.upstream.post<InfoMessage>(api`/domains/${domainName}/resourceRecordSets/validateSet`, set);
  }

  validateZone(domainName: string, sets: readonly ResourceRecordSetInput[]): Promise<InfoMessage> {
    return this.upstream.post<InfoMessage>(api`/domains/${domainName}/validateZone`, { resourceRecordSets: sets });
  }

  /** Drops cached record-set reads of a domain after a write. */
  private forgetRecordSets(domainName: string): void {
    this.recordSetLists.clear(domainName);
    // Inspected sets are keyed by (domain, name, type); a bulk write may touch any of them.
    this.recordSetByKey.clearAll();
  }
}
