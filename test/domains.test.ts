import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OTHER_API_KEY } from '../src/emulator/dataset.js';
import { usesLeasewebNameservers, type DomainRecord } from '../src/emulator/domains/data.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';
import { cursor, utc } from './support/values.js';

const stack = useStack();
const domainOps = trackOperations(
  stack,
  (op) => op.product === 'domains',
  (suite) => !suite.includes('documented shape'),
);
const dnsOps = trackOperations(
  stack,
  (op) => op.product === 'dns',
  (suite) => !suite.includes('documented shape'),
);

const domains = () => [...stack().demo.domains.domains.values()];
/** An active domain with a zone and several A records on servers (the demo's typical one). */
const zoned = () => domains().find((d) => d.status === 'ACTIVE' && d.zone && usesLeasewebNameservers(d) && d.dnssecAutomated)!;
const aRecords = (d: DomainRecord) => d.zone!.filter((s) => s.type === 'A' || s.type === 'AAAA');
const mgmt = (address: string) => stack().demo.ipManagement.ips.get(address);

const RECORD_SETS = `query($d: String!, $first: Int, $after: String, $filter: DnsRecordSetFilter) {
  domain(domainName: $d) {
    recordSets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id name type content ttl editable }
    }
  }
}`;

describe('domains', () => {
  it('lists every domain with the fields Leaseweb keeps, paged with limit/offset', async () => {
    const all = domains();
    const first = await stack().data(
      '{ domains(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { id leasewebId domainName status suspended dnsOnly contractStartDate contractEndDate } } }',
    );
    expect(first.domains.totalCount).toBe(all.length);
    expect(first.domains.pageInfo).toEqual({ hasNextPage: true, endCursor: cursor(3) });
    const rest = await stack().data(`{ domains(first: 4, after: "${cursor(3)}") { pageInfo { hasNextPage } nodes { domainName } } }`);
    expect(rest.domains.pageInfo.hasNextPage).toBe(false);
    const names = [...first.domains.nodes, ...rest.domains.nodes].map((n: any) => n.domainName);
    expect(names).toEqual(all.map((d) => d.domainName));
    for (const node of first.domains.nodes) {
      const d = all.find((x) => x.domainName === node.domainName)!;
      expect(node).toEqual({
        id: `gid://leaseweb/Domain/${d.domainName}`,
        leasewebId: d.domainName,
        domainName: d.domainName,
        status: d.status,
        suspended: d.status === 'SUSPENDED',
        dnsOnly: d.dnsOnly,
        contractStartDate: utc(d.contractStartDate),
        contractEndDate: utc(d.contractEndDate),
      });
    }
    const searches = stack()
      .calls({ path: '/hosting/v2/domains' })
      .map((c) => c.search);
    expect(searches).toEqual(['?limit=4&offset=0', '?limit=4&offset=4']);
  });

  it('adds the e-mail or hosting statistics the list type asks for', async () => {
    const email = await stack().data(
      '{ domains(first: 20, filter: { type: EMAIL }) { nodes { domainName hostingOverview { hasMailhosting } emailStatistics { mailboxes emailAliases forwards autoResponders } } } }',
    );
    for (const node of email.domains.nodes) {
      const d = stack().demo.domains.domains.get(node.domainName)!;
      expect(node.emailStatistics).toEqual(d.email);
      expect(node.hostingOverview).toBeNull();
    }
    const overview = await stack().data(
      '{ domains(first: 20, filter: { type: OVERVIEW }) { nodes { domainName emailStatistics { mailboxes } hostingOverview { hasMailhosting hasWebhosting } } } }',
    );
    for (const node of overview.domains.nodes) {
      const d = stack().demo.domains.domains.get(node.domainName)!;
      expect(node.hostingOverview).toEqual({ hasMailhosting: d.email.mailboxes > 0, hasWebhosting: false });
      expect(node.emailStatistics).toBeNull();
    }
    expect(
      stack()
        .calls({ path: '/hosting/v2/domains' })
        .map((c) => new URLSearchParams(c.search).get('type')),
    ).toEqual(['email', 'overview']);
  });

  it('reads a status the DNS listing leaves out from the domain itself, only when asked', async () => {
    const lean = await stack().data('{ domains(first: 3, filter: { type: DNS }) { nodes { domainName dnsOnly } } }');
    expect(lean.domains.nodes).toHaveLength(3);
    expect(stack().calls()).toHaveLength(1);
    stack().emulator.clearLog();
    const full = await stack().data('{ domains(first: 3, filter: { type: DNS }) { nodes { domainName status } } }');
    for (const node of full.domains.nodes) expect(node.status).toBe(stack().demo.domains.domains.get(node.domainName)!.status);
    const details = stack().calls({ path: /^\/hosting\/v2\/domains\/[^/]+$/ });
    expect(details.map((c) => c.path).sort()).toEqual(full.domains.nodes.map((n: any) => `/hosting/v2/domains/${n.domainName}`).sort());
  });

  it('reuses the listed domains for the record sets’ `domain`, without reading them again', async () => {
    const data = await stack().data(
      '{ domains(first: 20) { nodes { domainName recordSets(first: 2) { nodes { domain { domainName status } } } } } }',
    );
    for (const node of data.domains.nodes) {
      for (const set of node.recordSets.nodes)
        expect(set.domain).toEqual({ domainName: node.domainName, status: stack().demo.domains.domains.get(node.domainName)!.status });
    }
    expect(stack().calls({ path: /^\/hosting\/v2\/domains\/[^/]+$/ })).toHaveLength(0);
  });

  it('finds one domain by name or global id, null when the account has none', async () => {
    const d = zoned();
    const byName = await stack().data(`{ domain(domainName: "${d.domainName}") { id dnsOnly } }`);
    expect(byName.domain).toEqual({ id: `gid://leaseweb/Domain/${d.domainName}`, dnsOnly: d.dnsOnly });
    const byGid = await stack().data(`{ domain(domainName: "gid://leaseweb/Domain/${d.domainName}") { domainName } }`);
    expect(byGid.domain.domainName).toBe(d.domainName);
    const other = [...stack().emulator.dataset(OTHER_API_KEY).domains.domains.keys()][0]!;
    const missing = await stack().query(`{ domain(domainName: "${other}") { domainName } }`);
    expect(missing.data?.domain).toBeNull();
    expect(missing.errors).toBeUndefined();
    const wrongType = await stack().query(`{ domain(domainName: "gid://leaseweb/DedicatedServer/1") { domainName } }`);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('checks availability: a name the account holds is taken, another is free, a non-name is unknown', async () => {
    const held = zoned().domainName;
    const data = await stack().data(`{
      held: domainAvailability(domainName: "${held}") { domainName available }
      free: domainAvailability(domainName: "unregistered-${held}") { domainName available }
      bogus: domainAvailability(domainName: "no-tld") { available }
    }`);
    expect(data.held).toEqual({ domainName: held, available: false });
    expect(data.free).toEqual({ domainName: `unregistered-${held}`, available: true });
    expect(data.bogus).toBeNull();
  });

  it('shows nameservers, whether they are Leaseweb’s, and DNSSEC with keys or a rollover', async () => {
    const data = await stack().data(
      '{ domains(first: 20) { nodes { domainName nameservers { names isLeasewebNameserver status } dnssec { status nsec3Active keyRollover { status type message } keys { flags protocol algorithm key keyTag name } } } } }',
    );
    expect(data.domains.nodes.length).toBeGreaterThanOrEqual(6);
    for (const node of data.domains.nodes) {
      const d = stack().demo.domains.domains.get(node.domainName)!;
      expect(node.nameservers.names).toEqual(d.nameservers);
      expect(node.nameservers.isLeasewebNameserver).toBe(usesLeasewebNameservers(d));
      expect(node.nameservers.status).toBe('The nameservers update request has been completed.');
      if (!d.dnssecAutomated) {
        // 422 upstream ("not automated for this tld") reads as null, not as an error.
        expect(node.dnssec).toBeNull();
        continue;
      }
      expect(node.dnssec).toEqual({
        status: d.dnssec.status,
        nsec3Active: d.dnssec.nsec3,
        keyRollover: d.dnssec.keyRollover,
        keys: usesLeasewebNameservers(d) ? [] : d.dnssec.keys,
      });
    }
    const states = data.domains.nodes.map((n: any) => n.dnssec);
    expect(states).toContain(null);
    expect(states.some((s: any) => s?.keyRollover)).toBe(true);
    expect(states.some((s: any) => s?.keys.length)).toBe(true);
  });
});

describe('record sets', () => {
  it('lists a domain’s record sets as Leaseweb keeps them, editable except SOA and apex NS', async () => {
    const d = zoned();
    const data = await stack().data(RECORD_SETS, { d: d.domainName, first: 100 });
    const conn = data.domain.recordSets;
    expect(conn.totalCount).toBe(d.zone!.length);
    expect(conn.nodes).toEqual(
      d.zone!.map((s) => ({
        id: `gid://leaseweb/DnsRecordSet/${d.domainName}/${s.name}/${s.type}`,
        name: s.name,
        type: s.type,
        content: s.content,
        ttl: s.ttl,
        editable: !(s.type === 'SOA' || (s.type === 'NS' && s.name === `${d.domainName}.`)),
      })),
    );
    expect(new Set(conn.nodes.map((n: any) => n.type))).toEqual(
      new Set(['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA', 'SRV'].filter((t) => d.zone!.some((s) => s.type === t))),
    );
  });

  it('pages the unpaginated upstream list in the gateway, one list call per request', async () => {
    const d = zoned();
    const seen: string[] = [];
    let after: string | null = null;
    let requests = 0;
    for (;;) {
      const data: any = await stack().data(RECORD_SETS, { d: d.domainName, first: 5, after });
      const conn = data.domain.recordSets;
      expect(conn.totalCount).toBe(d.zone!.length);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...conn.nodes.map((n: any) => n.id));
      requests++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(requests).toBe(Math.ceil(d.zone!.length / 5));
    expect(new Set(seen).size).toBe(d.zone!.length);
    const lists = stack().calls({ path: `/hosting/v2/domains/${d.domainName}/resourceRecordSets` });
    expect(lists).toHaveLength(requests);
    expect(lists.every((c) => c.search === '')).toBe(true);
  });

  it('filters by type and by name (case and trailing dot do not matter), reading the list once', async () => {
    const d = zoned();
    const data = await stack().data(
      `query($d: String!, $name: String!) { domain(domainName: $d) {
        a: recordSets(first: 100, filter: { type: A }) { totalCount nodes { name } }
        www: recordSets(filter: { name: $name }) { nodes { type content } }
        apexMx: recordSets(filter: { name: $d, type: MX }) { nodes { content } }
      } }`,
      { d: d.domainName, name: `WWW.${d.domainName}`.toUpperCase() },
    );
    const a = d.zone!.filter((s) => s.type === 'A');
    expect(data.domain.a.totalCount).toBe(a.length);
    expect(data.domain.a.nodes.map((n: any) => n.name)).toEqual(a.map((s) => s.name));
    expect(data.domain.www.nodes).toEqual(
      d.zone!.filter((s) => s.name === `www.${d.domainName}.`).map((s) => ({ type: s.type, content: s.content })),
    );
    expect(data.domain.apexMx.nodes).toEqual([{ content: d.zone!.find((s) => s.type === 'MX')!.content }]);
    expect(stack().calls({ path: '/resourceRecordSets' })).toHaveLength(1);
  });

  it('refuses a page over 100 before any call', async () => {
    const res = await stack().query(RECORD_SETS, { d: zoned().domainName, first: 101 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls({ path: '/resourceRecordSets' })).toHaveLength(0);
  });

  it('inspects one record set, by name with or without the trailing dot, and by global id', async () => {
    const d = zoned();
    const mx = d.zone!.find((s) => s.type === 'MX')!;
    const data = await stack().data(
      `query($d: String!, $bare: String!, $id: ID!) { domain(domainName: $d) {
        mx: recordSet(name: $bare, type: MX) { id content ttl domainName domain { domainName } }
        none: recordSet(name: $bare, type: TLSA) { id }
      }
      node(id: $id) { __typename ... on DnsRecordSet { name type } } }`,
      { d: d.domainName, bare: d.domainName, id: `gid://leaseweb/DnsRecordSet/${d.domainName}/${mx.name}/MX` },
    );
    expect(data.domain.mx).toEqual({
      id: `gid://leaseweb/DnsRecordSet/${d.domainName}/${mx.name}/MX`,
      content: mx.content,
      ttl: mx.ttl,
      domainName: d.domainName,
      domain: { domainName: d.domainName },
    });
    expect(data.domain.none).toBeNull();
    expect(data.node).toEqual({ __typename: 'DnsRecordSet', name: mx.name, type: 'MX' });
    const inspects = stack()
      .calls({ path: /\/resourceRecordSets\/[^/]+\/[^/]+$/ })
      .map((c) => c.path);
    expect(inspects).toContain(`/hosting/v2/domains/${d.domainName}/resourceRecordSets/${d.domainName}./MX`);
    expect(inspects).toContain(`/hosting/v2/domains/${d.domainName}/resourceRecordSets/${d.domainName}./TLSA`);
  });

  it('exports the zone as BIND text, one line per record', async () => {
    const d = zoned();
    const data = await stack().data(`{ domain(domainName: "${d.domainName}") { zoneFile } }`);
    const expected = d.zone!.flatMap((s) => s.content.map((c) => `${s.name} ${s.ttl} IN ${s.type} ${c}`));
    expect(data.domain.zoneFile.trimEnd().split('\n')).toEqual(expected);
    const res = await fetch(`${stack().emulator.url}/hosting/v2/domains/${d.domainName}/resourceRecordSets/import`, {
      headers: { 'x-lsw-auth': 'lsw-demo-key' },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('shows a domain not yet on Leaseweb’s nameservers with no record sets and no zone file', async () => {
    const pending = domains().find((d) => d.zone === null)!;
    const data = await stack().data(
      `{ domain(domainName: "${pending.domainName}") { status zoneFile recordSets { totalCount nodes { id } } } }`,
    );
    expect(data.domain).toEqual({ status: 'PENDING', zoneFile: null, recordSets: { totalCount: 0, nodes: [] } });
  });
});

describe('from a name to the servers it points at', () => {
  const EDGE = `query($d: String!) { domain(domainName: $d) {
    recordSets(first: 100) { nodes { name type content ips { ip equipmentId equipment { __typename ... on DedicatedServer { leasewebId reference } } } } }
  } }`;

  it('resolves every A/AAAA address with one ipMgmt call, and their servers with one read of the server list', async () => {
    const d = zoned();
    const addresses = new Set(aRecords(d).flatMap((s) => s.content));
    const owned = [...addresses].filter((a) => mgmt(a));
    const servers = new Set(owned.map((a) => mgmt(a)!.equipmentId!));
    // The demo is built so this test means something: many addresses, fewer servers, one external.
    expect(addresses.size).toBeGreaterThanOrEqual(5);
    expect(servers.size).toBeLessThan(owned.length);
    expect(owned.length).toBe(addresses.size - 1);

    const data = await stack().data(EDGE, { d: d.domainName });
    for (const node of data.domain.recordSets.nodes) {
      if (node.type !== 'A' && node.type !== 'AAAA') {
        expect(node.ips).toBeNull();
        continue;
      }
      expect(node.ips).toHaveLength(node.content.length);
      node.content.forEach((address: string, i: number) => {
        const ip = mgmt(address);
        if (!ip) return expect(node.ips[i]).toBeNull();
        const server = stack().demo.dedicatedServers.servers.get(ip.equipmentId!)!.server;
        expect(node.ips[i]).toEqual({
          ip: address,
          equipmentId: server.id,
          equipment: { __typename: 'DedicatedServer', leasewebId: server.id, reference: server.contract.reference },
        });
      });
    }

    const ipCalls = stack().calls({ path: '/ipMgmt/v2/ips' });
    expect(ipCalls).toHaveLength(1);
    expect(new URLSearchParams(ipCalls[0]!.search).get('ips')!.split(',').sort()).toEqual([...addresses].sort());
    // Several servers and no batch endpoint: the list's one page (64 servers) carries the
    // reference asked of them, so it replaces one GET per server.
    expect(servers.size).toBeGreaterThan(1);
    expect(stack().calls({ path: '/bareMetals/v2/servers/' })).toHaveLength(0);
    expect(
      stack()
        .calls({ path: /^\/bareMetals\/v2\/servers$/ })
        .map((c) => c.search),
    ).toEqual(['?limit=100&offset=0']);
    expect(stack().calls()).toHaveLength(3);
  });

  it('batches the addresses of every domain of a query into the same ipMgmt call', async () => {
    const zones = domains().filter((d) => d.zone);
    const data = await stack().data(
      '{ domains(first: 20) { nodes { recordSets(first: 100, filter: { type: A }) { nodes { ips { ip } } } } } }',
    );
    const resolved = data.domains.nodes.flatMap((n: any) => n.recordSets?.nodes.flatMap((s: any) => s.ips) ?? []);
    const expected = zones.flatMap((d) => d.zone!.filter((s) => s.type === 'A').flatMap((s) => s.content));
    expect(
      resolved
        .filter(Boolean)
        .map((ip: any) => ip.ip)
        .sort(),
    ).toEqual(expected.filter((a) => mgmt(a)).sort());
    expect(resolved.filter((ip: any) => ip === null)).toHaveLength(expected.filter((a) => !mgmt(a)).length);
    expect(stack().calls({ path: '/ipMgmt/v2/ips' })).toHaveLength(Math.ceil(new Set(expected).size / 100));
  });
});

describe('identifiers in paths', () => {
  it('keeps domain and record names with dots or slashes inside their own path segment', async () => {
    const d = zoned();
    const res = await stack().query(
      `query($bad: String!, $d: String!) {
        evil: domain(domainName: $bad) { domainName }
        real: domain(domainName: $d) { slash: recordSet(name: "a/../../b.${d.domainName}.", type: A) { id } dotted: recordSet(name: "_sip._tcp.${d.domainName}", type: SRV) { name } }
      }`,
      { bad: '../../ipMgmt/v2/ips', d: d.domainName },
    );
    expect(res.data?.evil).toBeNull();
    expect(res.data?.real.slash).toBeNull();
    const paths = stack()
      .calls()
      .map((c) => c.path);
    expect(paths).toContain('/hosting/v2/domains/..%2F..%2FipMgmt%2Fv2%2Fips');
    expect(paths).toContain(`/hosting/v2/domains/${d.domainName}/resourceRecordSets/a%2F..%2F..%2Fb.${d.domainName}./A`);
    // Dots are legal in a segment and stay as they are.
    expect(paths).toContain(`/hosting/v2/domains/${d.domainName}/resourceRecordSets/_sip._tcp.${d.domainName}./SRV`);
    expect(paths.some((p) => p.startsWith('/ipMgmt'))).toBe(false);
  });

  it('refuses a record name that is a dot segment, before any call', async () => {
    const res = await stack().query(`{ domain(domainName: "${zoned().domainName}") { recordSet(name: "..", type: A) { id } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls({ path: '/resourceRecordSets' })).toHaveLength(0);
  });
});

describeIf(samplesAvailable)('the emulator answers in the documented shapes', () => {
  /** Calls the emulator directly with the demo key (writes too, unlike emulatorGet). */
  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(stack().emulator.url + path, {
      method,
      headers: { 'x-lsw-auth': 'lsw-demo-key', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  }
  /** A documented request body, moved from example.com to one of our domains. */
  const adapt = (operationId: string, domain: string) => JSON.parse(JSON.stringify(sample(operationId)).replaceAll('example.com', domain));
  const base = (d: DomainRecord) => `/hosting/v2/domains/${d.domainName}`;

  it('answers every documented GET in the documented shape', async () => {
    const d = zoned();
    const signed = domains().find((x) => x.dnssecAutomated && x.dnssec.keyRollover)!;
    const gets: Array<[string, string, unknown?]> = [
      ['domains.listDomains', '/hosting/v2/domains'],
      ['domains.inspectDomain', base(d)],
      ['domains.checkAvailability', `${base(d)}/available`],
      ['domains.listNameservers', `${base(d)}/nameservers`],
      ['domains.inspectDnssec', `${base(signed)}/dnssec`],
      // dns.yaml marks infoMessage optional; the emulator sends it only for a domain without a zone.
      [
        'dns.listResourceRecordSets',
        `${base(d)}/resourceRecordSets`,
        (({ infoMessage: _, ...rest }) => rest)(sample('dns.listResourceRecordSets') as Record<string, unknown>),
      ],
      ['dns.inspectResourceRecordSet', `${base(d)}/resourceRecordSets/${d.domainName}./A`],
    ];
    for (const [operationId, path, documented] of gets) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, operationId).toBe(200);
      expect(shapeDifferences(res.body, documented ?? sample(operationId)), operationId).toEqual([]);
    }
    const pending = domains().find((x) => x.zone === null)!;
    const empty = await emulatorGet(stack().emulator, `${base(pending)}/resourceRecordSets`);
    expect(shapeDifferences(empty.body, sample('dns.listResourceRecordSets'))).toEqual([]);
  });

  it('exports plain BIND text, as documented', async () => {
    const d = zoned();
    const res = await call('GET', `${base(d)}/resourceRecordSets/import`);
    expect(res.type).toMatch(/^text\/plain/);
    const line = /^(\S+) (\d+) IN ([A-Z]+) (.+)$/;
    expect(
      (res.body as string)
        .trimEnd()
        .split('\n')
        .every((l) => line.test(l)),
    ).toBe(true);
    // The sample lost its line breaks; its records have the same five fields.
    const documented = readFileSync(
      fileURLToPath(new URL('../../shared/leaseweb-api/samples/dns.exportResourceRecordSets.txt', import.meta.url)),
      'utf8',
    );
    expect([...documented.matchAll(/(\S+) (\d+) IN ([A-Z]+) /g)].map((m) => m[3])).toEqual(['NS', 'NS', 'SOA']);
  });

  it('accepts the documented request bodies and answers the documented write shapes', async () => {
    const d = zoned();
    const writes: Array<[string, string, string, unknown]> = [
      [
        'dns.createResourceRecordSet',
        'POST',
        `${base(d)}/resourceRecordSets`,
        { ...adapt('dns.createResourceRecordSet.request', d.domainName), name: `new.${d.domainName}.` },
      ],
      [
        'dns.updateResourceRecordSet',
        'PUT',
        `${base(d)}/resourceRecordSets/${d.domainName}./A`,
        adapt('dns.updateResourceRecordSet.request', d.domainName),
      ],
      [
        'dns.validateResourceRecordSet',
        'POST',
        `${base(d)}/resourceRecordSets/validateSet`,
        { ...adapt('dns.validateResourceRecordSet.request', d.domainName), name: `other.${d.domainName}.` },
      ],
      [
        'dns.importResourceRecordSets',
        'POST',
        `${base(d)}/resourceRecordSets/import`,
        adapt('dns.importResourceRecordSets.request', d.domainName),
      ],
      ['domains.updateNameservers', 'PUT', `${base(d)}/nameservers`, adapt('domains.updateNameservers.request', d.domainName)],
      ['domains.updateDnssec', 'PUT', `${base(d)}/dnssec`, adapt('domains.updateDnssec.request', d.domainName)],
    ];
    // The bulk samples hold an SOA for another.example.com.: the emulator keeps SOA to Leaseweb.
    const zone = (operationId: string) => {
      const body = adapt(operationId, d.domainName);
      return { resourceRecordSets: body.resourceRecordSets.filter((s: { type: string }) => s.type !== 'SOA') };
    };
    writes.push(['dns.validateZone', 'POST', `${base(d)}/validateZone`, zone('dns.validateZone.request')]);
    writes.push(['dns.updateResourceRecordSets', 'PUT', `${base(d)}/resourceRecordSets`, zone('dns.updateResourceRecordSets.request')]);
    for (const [operationId, method, path, body] of writes) {
      const res = await call(method, path, body);
      expect(res.status, `${operationId}: ${JSON.stringify(res.body)}`).toBe(operationId === 'dns.createResourceRecordSet' ? 201 : 200);
      expect(shapeDifferences(res.body, sample(operationId)), operationId).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('reached every domains and DNS read through GraphQL', (ctx) => {
    if (domainOps.partial(ctx)) ctx.skip();
    const only = (op: { id: string; method: string }) => op.method === 'GET';
    expect([...domainOps.missing(only), ...dnsOps.missing(only)]).toEqual([]);
    expect(domainOps.count(only) + dnsOps.count(only)).toBe(8);
  });
});
