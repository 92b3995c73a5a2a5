import { describe, expect, it } from 'vitest';
import { usesLeasewebNameservers, type DomainRecord } from '../src/emulator/domains/data.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';

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
const zoned = () => domains().find((d) => d.status === 'ACTIVE' && d.zone && usesLeasewebNameservers(d) && d.dnssecAutomated)!;
const find = (d: DomainRecord, name: string, type: string) => d.zone?.find((s) => s.name === name && s.type === type);
/** The customer's own sets: everything but the SOA and the apex NS Leaseweb keeps. */
const editable = (d: DomainRecord) => d.zone!.filter((s) => s.type !== 'SOA' && !(s.type === 'NS' && s.name === `${d.domainName}.`));
const serial = (d: DomainRecord) => Number(find(d, `${d.domainName}.`, 'SOA')!.content[0]!.split(' ')[2]);

const ERRORS = 'userErrors { field message code leasewebCode }';
const SET = 'id name type content ttl editable';
const CREATE = `mutation($input: DnsRecordSetInput!) { createDnsRecordSet(input: $input) { recordSet { ${SET} ips { ip equipmentId } } ${ERRORS} } }`;
const UPDATE = `mutation($input: DnsRecordSetInput!) { updateDnsRecordSet(input: $input) { recordSet { ${SET} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteDnsRecordSetInput!) { deleteDnsRecordSet(input: $input) { deletedId deletedRecordSetId domain { domainName } ${ERRORS} } }`;
const REPLACE = `mutation($input: ReplaceDnsRecordSetsInput!) { replaceDnsRecordSets(input: $input) { domain { recordSets(first: 100) { totalCount nodes { name type content ttl editable } } } ${ERRORS} } }`;
const IMPORT = `mutation($input: ImportDnsZoneInput!) { importDnsZone(input: $input) { recordSets { ${SET} } ${ERRORS} } }`;
const VALIDATE_SET = `mutation($input: DnsRecordSetInput!) { validateDnsRecordSet(input: $input) { valid message ${ERRORS} } }`;
const VALIDATE_ZONE = `mutation($input: ValidateDnsZoneInput!) { validateDnsZone(input: $input) { valid message ${ERRORS} } }`;

describe('record set writes', () => {
  it('creates a record set that points at a server, and the domain lists it', async () => {
    const d = zoned();
    const server = [...stack().demo.dedicatedServers.servers.values()].at(-1)!.server;
    const address = stack()
      .demo.ipManagement.byEquipment.get(server.id)!
      .find((ip) => ip.networkType === 'PUBLIC' && ip.version === 4)!.ip;
    const before = serial(d);
    const input = { domainName: d.domainName, name: `api.${d.domainName}`, type: 'A', content: [address], ttl: 300 };
    const data = await stack().data(CREATE, { input });
    expect(data.createDnsRecordSet).toEqual({
      recordSet: {
        id: `gid://leaseweb/DnsRecordSet/${d.domainName}/api.${d.domainName}./A`,
        name: `api.${d.domainName}.`,
        type: 'A',
        content: [address],
        ttl: 300,
        editable: true,
        ips: [{ ip: address, equipmentId: server.id }],
      },
      userErrors: [],
    });
    expect(find(d, `api.${d.domainName}.`, 'A')).toEqual({ name: `api.${d.domainName}.`, type: 'A', content: [address], ttl: 300 });
    expect(serial(d)).toBe(before + 1);
    expect(
      stack()
        .calls({ method: 'POST' })
        .map((c) => c.path),
    ).toEqual([`/hosting/v2/domains/${d.domainName}/resourceRecordSets`]);
    const listed = await stack().data(
      `{ domain(domainName: "${d.domainName}") { recordSets(filter: { name: "api.${d.domainName}" }) { nodes { content } } } }`,
    );
    expect(listed.domain.recordSets.nodes).toEqual([{ content: [address] }]);
  });

  it('answers bad input with userErrors on the input field, and changes nothing', async () => {
    const d = zoned();
    const zone = structuredClone(d.zone);
    const base = { domainName: d.domainName, name: `x.${d.domainName}.`, type: 'A', content: ['192.0.2.1'], ttl: 300 };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ content: ['not-an-ip'] }, ['input', 'content']],
      [{ type: 'AAAA' }, ['input', 'content']],
      [{ ttl: 120 }, ['input', 'ttl']],
      [{ name: 'www.elsewhere.example.' }, ['input', 'name']],
      [{ type: 'MX', content: ['mail.example.com.'] }, ['input', 'content']],
      [{ type: 'SOA', name: `${d.domainName}.`, content: ['a. b. 1 2 3 4 5'] }, ['input', 'type']],
      [{ name: `www.${d.domainName}.`, type: 'CNAME', content: [`${d.domainName}.`] }, ['input', 'type']],
      [{ name: `${d.domainName}.`, type: 'MX', content: ['10 mx.example.com.'] }, ['input', 'name']],
    ];
    for (const [change, field] of cases) {
      const data = await stack().data(CREATE, { input: { ...base, ...change } });
      expect(data.createDnsRecordSet.recordSet, JSON.stringify(change)).toBeNull();
      expect(
        data.createDnsRecordSet.userErrors.map((e: any) => e.field),
        JSON.stringify(change),
      ).toContainEqual(field);
      expect(data.createDnsRecordSet.userErrors[0].leasewebCode).toBe('VALIDATION_FAILED');
    }
    expect(d.zone).toEqual(zone);
    const unknown = await stack().data(CREATE, { input: { ...base, domainName: 'not-mine.example' } });
    expect(unknown.createDnsRecordSet.userErrors).toEqual([
      { field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' },
    ]);
  });

  it('updates one record set’s records and TTL; the set Leaseweb manages is refused', async () => {
    const d = zoned();
    const mx = find(d, `${d.domainName}.`, 'MX')!;
    const data = await stack().data(UPDATE, {
      input: {
        domainName: `gid://leaseweb/Domain/${d.domainName}`,
        name: d.domainName,
        type: 'MX',
        content: [`5 mx1.${d.domainName}.`],
        ttl: 60,
      },
    });
    expect(data.updateDnsRecordSet.recordSet).toMatchObject({ name: mx.name, type: 'MX', content: [`5 mx1.${d.domainName}.`], ttl: 60 });
    expect(find(d, mx.name, 'MX')).toMatchObject({ content: [`5 mx1.${d.domainName}.`], ttl: 60 });
    expect(
      stack()
        .calls({ method: 'PUT' })
        .map((c) => c.path),
    ).toEqual([`/hosting/v2/domains/${d.domainName}/resourceRecordSets/${d.domainName}./MX`]);

    const soa = await stack().data(UPDATE, {
      input: { domainName: d.domainName, name: d.domainName, type: 'SOA', content: ['a. b. 1 2 3 4 5'], ttl: 60 },
    });
    expect(soa.updateDnsRecordSet.userErrors[0].field).toEqual(['input', 'type']);
    const missing = await stack().data(UPDATE, {
      input: { domainName: d.domainName, name: `nothing.${d.domainName}`, type: 'TXT', content: ['"x"'], ttl: 60 },
    });
    expect(missing.updateDnsRecordSet.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('deletes one record set; deleting Leaseweb’s NS is forbidden', async () => {
    const d = zoned();
    const cname = d.zone!.find((s) => s.type === 'CNAME')!;
    const data = await stack().data(DELETE, { input: { domainName: d.domainName, name: cname.name, type: 'CNAME' } });
    expect(data.deleteDnsRecordSet).toEqual({
      deletedId: `gid://leaseweb/DnsRecordSet/${d.domainName}/${cname.name}/CNAME`,
      // Deprecated for deletedId; answers the same until it goes.
      deletedRecordSetId: `gid://leaseweb/DnsRecordSet/${d.domainName}/${cname.name}/CNAME`,
      domain: { domainName: d.domainName },
      userErrors: [],
    });
    expect(find(d, cname.name, 'CNAME')).toBeUndefined();
    const again = await stack().data(DELETE, { input: { domainName: d.domainName, name: cname.name, type: 'CNAME' } });
    expect(again.deleteDnsRecordSet.userErrors[0].code).toBe('NOT_FOUND');
    const ns = await stack().query(DELETE, { input: { domainName: d.domainName, name: d.domainName, type: 'NS' } });
    expect(ns.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(find(d, `${d.domainName}.`, 'NS')).toBeDefined();
  });

  it('replaces every editable record set in bulk, keeping the SOA and NS', async () => {
    const d = zoned();
    const soa = find(d, `${d.domainName}.`, 'SOA')!;
    const recordSets = [
      { name: `${d.domainName}.`, type: 'A', content: ['192.0.2.10', '192.0.2.11'], ttl: 3600 },
      { name: `*.${d.domainName}.`, type: 'A', content: ['192.0.2.12'], ttl: 86400 },
      { name: `${d.domainName}.`, type: 'TXT', content: ['"v=spf1 -all"'], ttl: 3600 },
    ];
    const data = await stack().data(REPLACE, { input: { domainName: d.domainName, recordSets } });
    expect(data.replaceDnsRecordSets.userErrors).toEqual([]);
    expect(editable(d)).toEqual(recordSets);
    const nodes = data.replaceDnsRecordSets.domain.recordSets.nodes;
    expect(nodes.map((n: any) => `${n.name} ${n.type}`)).toEqual([
      `${d.domainName}. SOA`,
      `${d.domainName}. NS`,
      ...recordSets.map((s) => `${s.name} ${s.type}`),
    ]);
    expect(nodes.filter((n: any) => !n.editable).map((n: any) => n.type)).toEqual(['SOA', 'NS']);
    expect(serial(d)).toBe(Number(soa.content[0]!.split(' ')[2]) + 1);
  });

  it('refuses a bulk replacement with an invalid or duplicate set, pointing at the entry', async () => {
    const d = zoned();
    const zone = structuredClone(d.zone);
    const good = { name: `${d.domainName}.`, type: 'A', content: ['192.0.2.10'], ttl: 3600 };
    const invalid = await stack().data(REPLACE, {
      input: { domainName: d.domainName, recordSets: [good, { ...good, name: `w.${d.domainName}.`, content: ['300.1.1.1'] }] },
    });
    expect(invalid.replaceDnsRecordSets.domain).toBeNull();
    expect(invalid.replaceDnsRecordSets.userErrors.map((e: any) => e.field)).toEqual([['input', 'recordSets', '1', 'content']]);
    const duplicate = await stack().data(REPLACE, { input: { domainName: d.domainName, recordSets: [good, good] } });
    expect(duplicate.replaceDnsRecordSets.userErrors.map((e: any) => e.field)).toEqual([['input', 'recordSets', '1']]);
    expect(d.zone).toEqual(zone);
  });

  it('deletes every editable record set in bulk; the zone stays', async () => {
    const d = zoned();
    const data = await stack().data(
      `mutation($d: String!) { deleteDnsRecordSets(input: { domainName: $d }) { domain { recordSets { nodes { type } } } ${ERRORS} } }`,
      { d: d.domainName },
    );
    expect(data.deleteDnsRecordSets.domain.recordSets.nodes).toEqual([{ type: 'SOA' }, { type: 'NS' }]);
    expect(editable(d)).toEqual([]);
    expect(
      stack()
        .calls({ method: 'DELETE' })
        .map((c) => c.path),
    ).toEqual([`/hosting/v2/domains/${d.domainName}/resourceRecordSets`]);
  });

  it('puts a domain without a zone on Leaseweb’s nameservers with its first record set', async () => {
    const pending = domains().find((d) => d.zone === null)!;
    const data = await stack().data(CREATE, {
      input: { domainName: pending.domainName, name: pending.domainName, type: 'A', content: ['192.0.2.7'], ttl: 300 },
    });
    expect(data.createDnsRecordSet.userErrors).toEqual([]);
    expect(pending.zone!.map((s) => s.type)).toEqual(['SOA', 'NS', 'A']);
  });
});

describe('BIND import and export', () => {
  it('imports zone-file text: relative names, $ORIGIN, $TTL, owner continuation', async () => {
    const d = zoned();
    const untouched = find(d, `${d.domainName}.`, 'TXT')!;
    const zone = [
      `$ORIGIN ${d.domainName}.`,
      '$TTL 14400',
      '\tIN\tMX\t10\tmx',
      '',
      'dns1\tIN\tA\t192.0.2.1',
      '\tIN A 192.0.2.2 ; same owner, same TTL',
      '@ 1h IN CAA 0 issue "letsencrypt.org"',
    ].join('\r\n');
    const data = await stack().data(IMPORT, { input: { domainName: d.domainName, zone } });
    expect(data.importDnsZone.userErrors).toEqual([]);
    expect(data.importDnsZone.recordSets.map((s: any) => [s.name, s.type, s.content, s.ttl])).toEqual([
      [`${d.domainName}.`, 'MX', [`10 mx.${d.domainName}.`], 14400],
      [`dns1.${d.domainName}.`, 'A', ['192.0.2.1', '192.0.2.2'], 14400],
      [`${d.domainName}.`, 'CAA', ['0 issue "letsencrypt.org"'], 3600],
    ]);
    // Each imported name/type replaces its set; the others stay.
    expect(find(d, `${d.domainName}.`, 'MX')!.content).toEqual([`10 mx.${d.domainName}.`]);
    expect(find(d, `${d.domainName}.`, 'TXT')).toEqual(untouched);
  });

  it('names the failing line of a bad zone file under input.zone', async () => {
    const d = zoned();
    const data = await stack().data(IMPORT, {
      input: { domainName: d.domainName, zone: `www 3600 IN A 192.0.2.1\nbad 3600 IN A 999.0.0.1\nx IN HINFO a b` },
    });
    expect(data.importDnsZone.recordSets).toBeNull();
    const messages = data.importDnsZone.userErrors.map((e: any) => `${e.field.join('.')} ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^input\.zone Line 3: Record type HINFO/),
      expect.stringMatching(/^input\.zone Line 2: "999\.0\.0\.1" is not an IPv4/),
    ]);
  });

  it('exports a zone that imports again into an emptied domain unchanged', async () => {
    const d = zoned();
    const before = structuredClone(editable(d));
    const exported = await stack().data(`{ domain(domainName: "${d.domainName}") { zoneFile } }`);
    await stack().data(`mutation { deleteDnsRecordSets(input: { domainName: "${d.domainName}" }) { ${ERRORS} } }`);
    expect(editable(d)).toEqual([]);
    const data = await stack().data(IMPORT, { input: { domainName: d.domainName, zone: exported.domain.zoneFile } });
    expect(data.importDnsZone.userErrors).toEqual([]);
    expect(editable(d)).toEqual(before);
  });
});

describe('validation', () => {
  it('validates one record set without creating it', async () => {
    const d = zoned();
    const zone = structuredClone(d.zone);
    const ok = await stack().data(VALIDATE_SET, {
      input: {
        domainName: d.domainName,
        name: `_443._tcp.${d.domainName}`,
        type: 'TLSA',
        content: ['3 1 1 9141610c47dab44af34daa405017f576c6d2beb5a083a16ba83a52ce27d91988'],
        ttl: 3600,
      },
    });
    expect(ok.validateDnsRecordSet).toEqual({ valid: true, message: 'Resource record set is valid.', userErrors: [] });
    // A CNAME next to the existing records of `www` would break the zone.
    const clash = await stack().data(VALIDATE_SET, {
      input: { domainName: d.domainName, name: `www.${d.domainName}`, type: 'CNAME', content: [`${d.domainName}.`], ttl: 3600 },
    });
    expect(clash.validateDnsRecordSet).toMatchObject({ valid: false, message: null, userErrors: [{ field: ['input', 'type'] }] });
    expect(d.zone).toEqual(zone);
    expect(
      stack()
        .calls({ method: 'POST' })
        .map((c) => c.path),
    ).toEqual(Array(2).fill(`/hosting/v2/domains/${d.domainName}/resourceRecordSets/validateSet`));
  });

  it('validates a whole zone, pointing at the set at fault', async () => {
    const d = zoned();
    const sets = [
      { name: `${d.domainName}.`, type: 'A', content: ['192.0.2.1'], ttl: 300 },
      { name: `www.${d.domainName}.`, type: 'CNAME', content: [`${d.domainName}.`], ttl: 300 },
    ];
    const ok = await stack().data(VALIDATE_ZONE, { input: { domainName: d.domainName, recordSets: sets } });
    expect(ok.validateDnsZone).toEqual({ valid: true, message: `Zone ${d.domainName} is valid.`, userErrors: [] });
    const bad = await stack().data(VALIDATE_ZONE, {
      input: { domainName: d.domainName, recordSets: [...sets, { ...sets[1]!, type: 'TXT', content: ['"x"'] }] },
    });
    expect(bad.validateDnsZone.valid).toBe(false);
    expect(bad.validateDnsZone.userErrors.map((e: any) => e.field)).toEqual([['input', 'recordSets', '1']]);
    expect(bad.validateDnsZone.userErrors[0].message).toMatch(/CNAME must be alone/);
  });
});

describe('nameservers and DNSSEC', () => {
  const NAMESERVERS = `mutation($input: UpdateDomainNameserversInput!) { updateDomainNameservers(input: $input) { nameservers { names status isLeasewebNameserver } domain { nameservers { names } } ${ERRORS} } }`;
  const DNSSEC = `mutation($input: UpdateDomainDnssecInput!) { updateDomainDnssec(input: $input) { message domain { dnssec { status nsec3Active keys { algorithm key } } } ${ERRORS} } }`;

  it('moves a domain to other nameservers; a second change while the first is processed is a conflict', async () => {
    const d = zoned();
    const names = [`ns1.${d.domainName}`, 'ns2.example.net'];
    const data = await stack().data(NAMESERVERS, { input: { domainName: d.domainName, nameservers: names } });
    expect(data.updateDomainNameservers).toEqual({
      nameservers: { names, status: expect.stringMatching(/will be processed after 24 hours/), isLeasewebNameserver: false },
      domain: { nameservers: { names } },
      userErrors: [],
    });
    expect(d.nameservers).toEqual(names);
    // The PUT answer has no isLeasewebNameserver: the gateway read it with one GET.
    expect(
      stack()
        .calls({ path: `/hosting/v2/domains/${d.domainName}/nameservers` })
        .map((c) => c.method),
    ).toEqual(['PUT', 'GET']);
    const again = await stack().data(NAMESERVERS, { input: { domainName: d.domainName, nameservers: [...names].reverse() } });
    expect(again.updateDomainNameservers.userErrors).toEqual([
      { field: null, message: 'Request is already in process.', code: 'CONFLICT', leasewebCode: '409' },
    ]);
    expect(d.nameservers).toEqual(names);
  });

  it('refuses fewer than two nameservers, and any for a DNS-only domain', async () => {
    const d = zoned();
    const one = await stack().data(NAMESERVERS, { input: { domainName: d.domainName, nameservers: ['ns1.example.net'] } });
    expect(one.updateDomainNameservers.userErrors[0]).toMatchObject({
      field: ['input', 'nameservers'],
      message: expect.stringMatching(/at least two/),
    });
    const dnsOnly = domains().find((x) => x.dnsOnly)!;
    const res = await stack().data(NAMESERVERS, {
      input: { domainName: dnsOnly.domainName, nameservers: ['ns1.example.net', 'ns2.example.net'] },
    });
    expect(res.updateDomainNameservers.userErrors[0].field).toEqual(['input', 'nameservers']);
    expect(d.nameservers).toEqual(['ns0.nameserver.com', 'ns1.nameserver.com']);
  });

  it('disables and enables DNSSEC, with keys only on a domain’s own nameservers', async () => {
    const signed = domains().find((x) => x.dnssecAutomated && usesLeasewebNameservers(x) && x.dnssec.status === 'ENABLED')!;
    const unsigned = domains().find((x) => x.dnssecAutomated && usesLeasewebNameservers(x) && x.dnssec.status === 'DISABLED')!;
    const off = await stack().data(DNSSEC, { input: { domainName: signed.domainName, status: 'DISABLED' } });
    expect(off.updateDomainDnssec).toEqual({
      message: 'DNSSEC disabled successfully. It may take up to 25 hours to reflect.',
      domain: { dnssec: { status: 'DISABLED', nsec3Active: false, keys: [] } },
      userErrors: [],
    });
    expect(signed.dnssec.status).toBe('DISABLED');
    const busy = await stack().data(DNSSEC, { input: { domainName: signed.domainName, status: 'ENABLED' } });
    expect(busy.updateDomainDnssec.userErrors[0]).toMatchObject({ code: 'CONFLICT', leasewebCode: '409' });

    const key = { flags: 257, protocol: 3, algorithm: 'ECDSAP256SHA256', key: 'dGVzdGtleQ==' };
    const ownKeys = await stack().data(DNSSEC, { input: { domainName: unsigned.domainName, status: 'ENABLED', keys: [key] } });
    expect(ownKeys.updateDomainDnssec.userErrors[0].field).toEqual(['input', 'keys']);
    const nsec3Off = await stack().data(DNSSEC, { input: { domainName: unsigned.domainName, status: 'DISABLED', nsec3Active: true } });
    expect(nsec3Off.updateDomainDnssec.userErrors[0].field).toEqual(['input', 'nsec3Active']);
    const on = await stack().data(DNSSEC, { input: { domainName: unsigned.domainName, status: 'ENABLED' } });
    expect(on.updateDomainDnssec.domain.dnssec).toEqual({ status: 'ENABLED', nsec3Active: true, keys: [] });
    expect(unsigned.dnssec.keyRollover?.status).toBe('INITIALIZED');

    const external = domains().find((x) => x.dnssecAutomated && !usesLeasewebNameservers(x))!;
    // An algorithm Leaseweb does not take (5, RSASHA1) is not in the enum: GraphQL refuses it, nothing is sent.
    stack().emulator.clearLog();
    const badAlgorithm = await stack().query(DNSSEC, {
      input: { domainName: external.domainName, status: 'ENABLED', keys: [{ ...key, algorithm: 5 }] },
    });
    expect(badAlgorithm.status).toBe(400);
    expect(badAlgorithm.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack().calls()).toEqual([]);
    const registered = await stack().data(DNSSEC, { input: { domainName: external.domainName, status: 'ENABLED', keys: [key] } });
    expect(registered.updateDomainDnssec.message).toBe('DNSSEC keys successfully updated in the registry.');
    expect(registered.updateDomainDnssec.domain.dnssec.keys).toEqual([{ algorithm: 13, key: key.key }]);
  });

  it('reports the TLDs Leaseweb has not automated as a userError', async () => {
    const manual = domains().find((x) => !x.dnssecAutomated)!;
    const data = await stack().data(DNSSEC, { input: { domainName: manual.domainName, status: 'ENABLED' } });
    expect(data.updateDomainDnssec.userErrors).toEqual([
      { field: null, message: 'The action you requested is not automated for this tld.', code: 'INVALID', leasewebCode: '422' },
    ]);
  });
});

describe('operation coverage', () => {
  it('reached every domains and DNS write through GraphQL', (ctx) => {
    if (domainOps.partial(ctx)) ctx.skip();
    const only = (op: { id: string; method: string }) => op.method !== 'GET';
    expect([...domainOps.missing(only), ...dnsOps.missing(only)]).toEqual([]);
    expect(domainOps.count(only) + dnsOps.count(only)).toBe(10);
  });
});
