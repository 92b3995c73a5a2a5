import { RECORD_TYPES, type ResourceRecordSetInput } from '../../datasources/types/domains.js';
import { ApiError, badRequest, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import type { DomainsDataset, DomainsRequest as EmulatorRequest } from './data.js';
import {
  editableRecordSets,
  findDomain,
  KEY_ROLLOVER,
  setEditableRecordSets,
  usesLeasewebNameservers,
  type DomainRecord,
  type RecordSetRecord,
} from './data.js';
import { checkRecordSet, checkZone, fqdn, isHostName, managedByLeaseweb, parseZone, printZone, type Details } from './zone.js';

const BASE = '/hosting/v2';
const LIST_TYPES = ['dns', 'email', 'overview'];
const DNSSEC_ALGORITHMS = [7, 8, 10, 13, 14];
/** Leaseweb processes nameserver and DNSSEC changes within 24 and 25 hours (reference). */
const NAMESERVER_DELAY_MS = 24 * 3_600_000;
const DNSSEC_DELAY_MS = 25 * 3_600_000;

const href = (path: string) => ({ href: path });

/**
 * A domain as the API shows it. HAL links as in the samples, except that the samples point
 * every domain's `contacts` and `nameservers` at example.com (a copy-paste slip there).
 */
function domainBody(r: DomainRecord, type?: string): Record<string, unknown> {
  const self = `/domains/${r.domainName}`;
  const link = (name: string) => href(`${self}/${name}`);
  const body: Record<string, unknown> = {
    domainName: r.domainName,
    suspended: r.status === 'SUSPENDED',
    dnsOnly: r.dnsOnly,
    status: r.status,
    contractStartDate: r.contractStartDate,
    ...(r.contractEndDate ? { contractEndDate: r.contractEndDate } : {}),
  };
  const dnsLinks = {
    self: href(self),
    collection: href('/domains'),
    resourceRecordSets: link('resourceRecordSets'),
    validateZone: link('validateZone'),
  };
  const mailLinks = {
    catchAll: link('catchAll'),
    emailAliases: link('emailAliases'),
    forwards: link('forwards'),
    mailboxes: link('mailboxes'),
  };
  // The documented `type=` variants (Leaseweb's combined OpenAPI document): `dns` and
  // `email` leave `status` out, each keeps only its own links.
  if (type === 'dns') {
    delete body.status;
    return { ...body, _links: dnsLinks };
  }
  if (type === 'email') {
    delete body.status;
    return {
      ...body,
      numberOfAutoResponders: r.email.autoResponders,
      numberOfEmailAliases: r.email.emailAliases,
      numberOfForwards: r.email.forwards,
      numberOfMailboxes: r.email.mailboxes,
      _links: { self: href(self), collection: href('/domains'), ...mailLinks },
    };
  }
  if (type === 'overview') {
    // The emulator models no web hosting; mail hosting follows from the mailbox count.
    return {
      ...body,
      webhostingContractOnly: false,
      hasWebhosting: false,
      hasMailhosting: r.email.mailboxes > 0,
      webhostingEquipmentId: null,
      _links: dnsLinks,
    };
  }
  return {
    ...body,
    // In the samples' order: self, collection, catchAll, contacts, nameservers, the rest.
    _links: {
      self: dnsLinks.self,
      collection: dnsLinks.collection,
      catchAll: mailLinks.catchAll,
      contacts: link('contacts'),
      nameservers: link('nameservers'),
      emailAliases: mailLinks.emailAliases,
      forwards: mailLinks.forwards,
      mailboxes: mailLinks.mailboxes,
      resourceRecordSets: dnsLinks.resourceRecordSets,
      validateZone: dnsLinks.validateZone,
    },
  };
}

function recordSetBody(r: DomainRecord, s: RecordSetRecord) {
  const collection = `/domains/${r.domainName}/resourceRecordSets`;
  return {
    name: s.name,
    type: s.type,
    content: s.content,
    ttl: s.ttl,
    editable: !managedByLeaseweb(r.domainName, s.name, s.type),
    _links: { self: href(`${collection}/${s.name}/${s.type}`), collection: href(collection) },
  };
}

function nameserversBody(r: DomainRecord, withFlag: boolean) {
  const pending = r.nameserversPendingUntil !== null && r.nameserversPendingUntil > Date.now();
  return {
    nameservers: r.nameservers.map((name) => ({ name })),
    // The two messages the combined OpenAPI document lists.
    status: pending
      ? 'Nameservers update request is accepted. This request will be processed after 24 hours.'
      : 'The nameservers update request has been completed.',
    ...(withFlag ? { isLeasewebNameserver: usesLeasewebNameservers(r) } : {}),
    // The sample's self link is the unexpanded template `/domains/{domainName}/nameservers`
    // and its totalCount 4 for two nameservers; the emulator sends the real values.
    _links: { self: href(`/domains/${r.domainName}/nameservers`) },
    _metadata: { totalCount: r.nameservers.length },
  };
}

/** The 409 the newer document shows for a change while the previous one is processed. */
const inProcess = () => new ApiError(409, 'Request is already in process.');

/** The `:name`/`:type` record set of a domain, or a 404 (also for a type outside the list). */
function findRecordSet(req: EmulatorRequest, r: DomainRecord): RecordSetRecord {
  const name = fqdn(req.params.name!);
  const type = req.params.type!.toUpperCase();
  const set = (RECORD_TYPES as readonly string[]).includes(type) ? r.zone?.find((s) => s.name === name && s.type === type) : undefined;
  if (!set) throw notFound('resource record set');
  return set;
}

/** Bulk bodies (`resourceRecordSets: [...]`): every set checked, then as one zone. */
function checkedList(req: EmulatorRequest, r: DomainRecord): ResourceRecordSetInput[] {
  const body = validateBody<{ resourceRecordSets: unknown[] }>(req, { resourceRecordSets: 'array' }, ['resourceRecordSets']);
  const details: Details = {};
  const sets = body.resourceRecordSets.map((raw, i) => checkRecordSet(r.domainName, raw, details, `resourceRecordSets[${i}].`));
  if (Object.keys(details).length) throw badRequest(details);
  checkZone(sets as ResourceRecordSetInput[], details, (i) => `resourceRecordSets[${i}]`);
  if (Object.keys(details).length) throw badRequest(details);
  return sets as ResourceRecordSetInput[];
}

/** A CNAME must be alone at its name: checked against the sets the zone keeps. */
function checkAgainstZone(r: DomainRecord, set: ResourceRecordSetInput, field: string): void {
  const others = (r.zone ?? []).filter((s) => !(s.name === set.name && s.type === set.type));
  const details: Details = {};
  checkZone([...others, set], details, (i) => (i === others.length ? field : 'zone'));
  delete details.zone; // conflicts among existing sets are not this request's fault
  if (Object.keys(details).length) throw badRequest(details);
}

function dnssecBody(r: DomainRecord) {
  return {
    status: r.dnssec.status,
    nsec3: { active: r.dnssec.nsec3 },
    ...(r.dnssec.keyRollover ? { keyRollover: r.dnssec.keyRollover } : {}),
    // Keys are shown only for domains on their own nameservers (combined OpenAPI document).
    ...(usesLeasewebNameservers(r) ? {} : { dnssecKeys: r.dnssec.keys }),
    _links: { self: href(`/domains/${r.domainName}/dnssec`) },
  };
}

function requireDnssecAutomated(r: DomainRecord): void {
  if (!r.dnssecAutomated) throw new ApiError(422, 'The action you requested is not automated for this tld.');
}

function checkDnssecKeys(keys: unknown[], details: Details): void {
  keys.forEach((raw, i) => {
    const at = (field: string, message: string) => (details[`dnssecKeys[${i}].${field}`] ??= []).push(message);
    const key = (raw ?? {}) as Record<string, unknown>;
    for (const field of ['flags', 'protocol', 'algorithm']) {
      if (!Number.isInteger(key[field])) at(field, 'This value should be an integer.');
    }
    if (Number.isInteger(key.algorithm) && !DNSSEC_ALGORITHMS.includes(key.algorithm as number)) {
      at('algorithm', `Invalid algorithm, supported algorithm are: ${DNSSEC_ALGORITHMS.join(',')}`);
    }
    if (typeof key.key !== 'string' || !/^[A-Za-z0-9+/=]+$/.test(key.key)) at('key', 'This value should be a base64 public key.');
    if (key.name !== undefined && typeof key.name !== 'string') at('name', 'This value should be a string.');
  });
}

function listDomains(req: EmulatorRequest) {
  const type = req.query.get('type') || undefined;
  if (type && !LIST_TYPES.includes(type)) throw badRequest({ type: [`The value should be one of: ${LIST_TYPES.join(', ')}.`] });
  const page = paginate(req, [...req.data.domains.domains.values()], 'domains', {
    defaultLimit: 10,
    project: (r) => domainBody(r, type),
  });
  const links = type
    ? { self: href(`/domains?type=${type}`) }
    : { self: href('/domains'), dns: href('/domains?type=dns'), email: href('/domains?type=email') };
  return ok({ ...(page.body as object), _links: links });
}

function inspectDomain(req: EmulatorRequest) {
  return ok(domainBody(findDomain(req)));
}

function checkAvailability(req: EmulatorRequest) {
  const name = req.params.domainName!.toLowerCase();
  // Not a registrable name (no TLD, bad labels): the reference's only error is a 404.
  if (!isHostName(name) || name.endsWith('.') || !/\.[a-z]{2,63}$/.test(name)) throw notFound('domain name');
  return ok({ domainName: name, available: !req.data.domains.domains.has(name), _links: { self: href(`/domains/${name}/available`) } });
}

// Nameservers.
function listNameservers(req: EmulatorRequest) {
  return ok(nameserversBody(findDomain(req), true));
}

function updateNameservers(req: EmulatorRequest) {
  const r = findDomain(req);
  const body = validateBody<{ nameservers: unknown[] }>(req, { nameservers: 'array' }, ['nameservers']);
  const details: Details = {};
  const names = body.nameservers.map((ns, i) => {
    const name = (ns as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !isHostName(name)) (details[`nameservers[${i}].name`] ??= []).push('This value should be a host name.');
    return typeof name === 'string' ? name.replace(/\.$/, '').toLowerCase() : '';
  });
  if (names.length < 2) (details.nameservers ??= []).push('The request body should contain at least two nameservers.');
  if (new Set(names).size !== names.length) (details.nameservers ??= []).push('The nameservers should be different.');
  // Only a registrar changes a domain's nameservers; Leaseweb is none for DNS-only domains.
  if (r.dnsOnly)
    (details.nameservers ??= []).push('This domain is registered elsewhere (DNS only); change its nameservers at its registrar.');
  if (Object.keys(details).length) throw badRequest(details);
  if (r.nameserversPendingUntil !== null && r.nameserversPendingUntil > Date.now()) throw inProcess();
  r.nameservers = names;
  r.nameserversPendingUntil = Date.now() + NAMESERVER_DELAY_MS;
  return ok(nameserversBody(r, false));
}

// DNSSEC.
function inspectDnssec(req: EmulatorRequest) {
  const r = findDomain(req);
  requireDnssecAutomated(r);
  return ok(dnssecBody(r));
}

function updateDnssec(req: EmulatorRequest) {
  const r = findDomain(req);
  requireDnssecAutomated(r);
  const body = validateBody<{ status: 'ENABLED' | 'DISABLED'; nsec3?: { active?: unknown }; dnssecKeys?: unknown[] }>(
    req,
    { status: ['ENABLED', 'DISABLED'], nsec3: 'object', dnssecKeys: 'array' },
    ['status'],
  );
  const details: Details = {};
  const nsec3 = body.nsec3?.active;
  if (body.nsec3 && typeof nsec3 !== 'boolean') details['nsec3.active'] = ['This value should be of type boolean.'];
  if (nsec3 === true && body.status === 'DISABLED') details.nsec3 = ['NSEC3 is an extension to DNSSEC and requires DNSSEC to be enabled.'];
  if (body.dnssecKeys) {
    if (usesLeasewebNameservers(r)) details.dnssecKeys = ['Add DNSSEC keys only when you have non-leaseweb nameservers.'];
    else if (body.status === 'DISABLED') details.dnssecKeys = ['DNSSEC keys can only be added when enabling DNSSEC.'];
    checkDnssecKeys(body.dnssecKeys, details);
  }
  if (Object.keys(details).length) throw badRequest(details);
  if (r.dnssecPendingUntil !== null && r.dnssecPendingUntil > Date.now()) throw inProcess();
  r.dnssecPendingUntil = Date.now() + DNSSEC_DELAY_MS;
  if (body.status === 'DISABLED') {
    r.dnssec = { status: 'DISABLED', nsec3: false, keyRollover: null, keys: [] };
    return ok({ infoMessage: 'DNSSEC disabled successfully. It may take up to 25 hours to reflect.' });
  }
  if (!usesLeasewebNameservers(r)) {
    // Own nameservers: the keys go to the registry; there is nothing for Leaseweb to sign.
    r.dnssec = { status: 'ENABLED', nsec3: false, keyRollover: null, keys: (body.dnssecKeys ?? []) as DomainRecord['dnssec']['keys'] };
    return ok({
      infoMessage: body.dnssecKeys
        ? 'DNSSEC keys successfully updated in the registry.'
        : 'DNSSEC enabled successfully. It may take up to 25 hours to reflect.',
    });
  }
  // NSEC3 is on by default when Leaseweb signs the zone.
  r.dnssec = { status: 'ENABLED', nsec3: nsec3 === undefined ? true : (nsec3 as boolean), keyRollover: { ...KEY_ROLLOVER }, keys: [] };
  return ok({ infoMessage: 'DNSSEC enabled successfully. It may take up to 25 hours to reflect.' });
}

// Resource record sets.
function listResourceRecordSets(req: EmulatorRequest) {
  const r = findDomain(req);
  const collection = `/domains/${r.domainName}/resourceRecordSets`;
  // Not paginated and without _metadata, as documented.
  return ok({
    _links: { self: href(collection), parent: href(`/domains/${r.domainName}`), validateSet: href(`${collection}/validateSet`) },
    // The sample's message (minus its "EXAMPLE: " prefix), for a domain without a zone yet.
    ...(r.zone
      ? {}
      : {
          infoMessage:
            'Sorry, but your domain is not yet listed on our nameservers. Please create a DNS record first so we can add your domain.',
        }),
    resourceRecordSets: (r.zone ?? []).map((s) => recordSetBody(r, s)),
  });
}

function createResourceRecordSet(req: EmulatorRequest) {
  const r = findDomain(req);
  const details: Details = {};
  const set = checkRecordSet(r.domainName, req.body, details);
  if (!set) throw badRequest(details);
  if (r.zone?.some((s) => s.name === set.name && s.type === set.type)) {
    throw badRequest({ name: [`A ${set.type} record set for ${set.name} already exists.`] });
  }
  checkAgainstZone(r, set, 'type');
  setEditableRecordSets(r, [...editableRecordSets(r), set]);
  return ok(recordSetBody(r, set), 201);
}

function updateResourceRecordSets(req: EmulatorRequest) {
  const r = findDomain(req);
  const sets = checkedList(req, r);
  setEditableRecordSets(r, sets);
  // Documented answer: one record set (resourceRecordSetDetails), not the new list. We
  // send the first set written; with none written there is nothing to show.
  return sets.length ? ok(recordSetBody(r, sets[0]!)) : noContent();
}

function deleteResourceRecordSets(req: EmulatorRequest) {
  const r = findDomain(req);
  if (r.zone) setEditableRecordSets(r, []);
  return noContent();
}

function inspectResourceRecordSet(req: EmulatorRequest) {
  const r = findDomain(req);
  return ok(recordSetBody(r, findRecordSet(req, r)));
}

function updateResourceRecordSet(req: EmulatorRequest) {
  const r = findDomain(req);
  const current = findRecordSet(req, r);
  const body = validateBody<{ content: unknown; ttl: unknown }>(req, { content: 'array', ttl: 'number' }, ['content', 'ttl']);
  const details: Details = {};
  const set = checkRecordSet(r.domainName, { name: current.name, type: current.type, content: body.content, ttl: body.ttl }, details);
  // The name and type come from the path: a complaint about them is about the set itself.
  if (!set) throw badRequest(details);
  setEditableRecordSets(
    r,
    editableRecordSets(r).map((s) => (s === current ? set : s)),
  );
  return ok(recordSetBody(r, set));
}

function deleteResourceRecordSet(req: EmulatorRequest) {
  const r = findDomain(req);
  const current = findRecordSet(req, r);
  // No 400 is documented for this call; a set Leaseweb manages is forbidden to delete.
  if (managedByLeaseweb(r.domainName, current.name, current.type)) {
    throw new ApiError(403, `The ${current.type} record set of ${current.name} is managed by Leaseweb.`);
  }
  setEditableRecordSets(
    r,
    editableRecordSets(r).filter((s) => s !== current),
  );
  return noContent();
}

function importResourceRecordSets(req: EmulatorRequest) {
  const r = findDomain(req);
  const body = validateBody<{ content: string }>(req, { content: 'string' }, ['content']);
  const details: Details = {};
  const imported = parseZone(body.content, r.domainName, details);
  if (!details.content && imported.length === 0) details.content = ['The zone holds no record Leaseweb lets you manage.'];
  if (Object.keys(details).length) throw badRequest(details);
  // Each name and type in the file replaces that set; the other sets stay.
  const key = (s: ResourceRecordSetInput) => `${s.name} ${s.type}`;
  const replaced = new Set(imported.map(key));
  const merged = [...editableRecordSets(r).filter((s) => !replaced.has(key(s))), ...imported];
  checkZone(merged, details, () => 'content');
  if (Object.keys(details).length) throw badRequest(details);
  setEditableRecordSets(r, merged);
  return ok({ resourceRecordSets: imported.map((s) => recordSetBody(r, s)) });
}

// The reference puts the export at the import path (GET); the newer document says /export.
function exportResourceRecordSets(req: EmulatorRequest) {
  const r = findDomain(req);
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, raw: r.zone ? printZone(r.zone) : '' };
}

function validateResourceRecordSet(req: EmulatorRequest) {
  const r = findDomain(req);
  const details: Details = {};
  const set = checkRecordSet(r.domainName, req.body, details);
  if (!set) throw badRequest(details);
  checkAgainstZone(r, set, 'type');
  return ok({ infoMessage: 'Resource record set is valid.' });
}

function validateZone(req: EmulatorRequest) {
  const r = findDomain(req);
  checkedList(req, r);
  return ok({ infoMessage: `Zone ${r.domainName} is valid.` });
}

export const routes: Array<Route<DomainsDataset>> = [
  { id: 'domains.listDomains', method: 'GET', path: `${BASE}/domains`, handler: listDomains },
  { id: 'domains.inspectDomain', method: 'GET', path: `${BASE}/domains/{domainName}`, handler: inspectDomain },
  { id: 'domains.checkAvailability', method: 'GET', path: `${BASE}/domains/{domainName}/available`, handler: checkAvailability },
  { id: 'domains.listNameservers', method: 'GET', path: `${BASE}/domains/{domainName}/nameservers`, handler: listNameservers },
  { id: 'domains.updateNameservers', method: 'PUT', path: `${BASE}/domains/{domainName}/nameservers`, handler: updateNameservers },
  { id: 'domains.inspectDnssec', method: 'GET', path: `${BASE}/domains/{domainName}/dnssec`, handler: inspectDnssec },
  { id: 'domains.updateDnssec', method: 'PUT', path: `${BASE}/domains/{domainName}/dnssec`, handler: updateDnssec },
  {
    id: 'dns.listResourceRecordSets',
    method: 'GET',
    path: `${BASE}/domains/{domainName}/resourceRecordSets`,
    handler: listResourceRecordSets,
  },
  {
    id: 'dns.createResourceRecordSet',
    method: 'POST',
    path: `${BASE}/domains/{domainName}/resourceRecordSets`,
    handler: createResourceRecordSet,
  },
  {
    id: 'dns.updateResourceRecordSets',
    method: 'PUT',
    path: `${BASE}/domains/{domainName}/resourceRecordSets`,
    handler: updateResourceRecordSets,
  },
  {
    id: 'dns.deleteResourceRecordSets',
    method: 'DELETE',
    path: `${BASE}/domains/{domainName}/resourceRecordSets`,
    handler: deleteResourceRecordSets,
  },
  {
    id: 'dns.inspectResourceRecordSet',
    method: 'GET',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/{name}/{type}`,
    handler: inspectResourceRecordSet,
  },
  {
    id: 'dns.updateResourceRecordSet',
    method: 'PUT',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/{name}/{type}`,
    handler: updateResourceRecordSet,
  },
  {
    id: 'dns.deleteResourceRecordSet',
    method: 'DELETE',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/{name}/{type}`,
    handler: deleteResourceRecordSet,
  },
  {
    id: 'dns.importResourceRecordSets',
    method: 'POST',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/import`,
    handler: importResourceRecordSets,
  },
  {
    id: 'dns.exportResourceRecordSets',
    method: 'GET',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/import`,
    handler: exportResourceRecordSets,
  },
  {
    id: 'dns.validateResourceRecordSet',
    method: 'POST',
    path: `${BASE}/domains/{domainName}/resourceRecordSets/validateSet`,
    handler: validateResourceRecordSet,
  },
  { id: 'dns.validateZone', method: 'POST', path: `${BASE}/domains/{domainName}/validateZone`, handler: validateZone },
];
