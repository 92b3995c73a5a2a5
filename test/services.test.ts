import { describe, expect, it } from 'vitest';
import type { Service } from '../src/datasources/types/services.js';
import { DEMO_API_KEY, OTHER_API_KEY, defaultKeys } from '../src/emulator/dataset.js';
import { CANCELLATION_REASONS, serviceBody, type ServiceRecord } from '../src/emulator/services/data.js';
import type { GraphQLContext } from '../src/context.js';
import { equipmentKinds } from '../src/products.js';
import { kindOfProduct } from '../src/resolvers/equipment.js';
import { trackOperations } from './support/operations.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { startStack, useStack } from './support/stack.js';
import { money, utc } from './support/values.js';

const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'services',
  (suite) => !suite.startsWith('sample conformance'),
);

const records = () => [...stack().demo.services.services.values()];
/** A service as the emulator answers it (reference read from the product that keeps it). */
const view = (r: ServiceRecord) => serviceBody(stack().demo, r);
const find = (pick: (r: ServiceRecord) => boolean) => {
  const found = records().find(pick);
  if (!found) throw new Error('the demo data set has no such service');
  return found;
};
const of = (productId: string) => records().filter((r) => r.service.productId === productId);
const ERRORS = 'userErrors { field message code leasewebCode }';

const FIELDS = `id leasewebId contractId productId status reference equipmentId domainName price { amount currency }
  billingCycle contractTerm contractTermEndDate orderDate deliveryDate deliveryEstimate startDate endDate cancellable uncancellable`;

/** What the graph shows of a service Leaseweb answered with `s`. */
const asNode = (s: Service) => ({
  id: `gid://leaseweb/Service/${s.id}`,
  leasewebId: s.id,
  contractId: s.contractId,
  productId: s.productId,
  status: s.status,
  reference: s.reference ?? null,
  equipmentId: s.equipmentId ?? null,
  domainName: s.attributes?.domainName ?? null,
  price: money(s.pricePerFrequency, s.currency),
  billingCycle: s.billingCycle,
  contractTerm: s.contractTerm,
  contractTermEndDate: utc(s.contractTermEndDate),
  orderDate: utc(s.orderDate),
  deliveryDate: utc(s.deliveryDate),
  deliveryEstimate: s.deliveryEstimate ?? null,
  startDate: utc(s.startDate),
  endDate: utc(s.endDate),
  cancellable: s.cancellable,
  uncancellable: s.uncancellable,
});

const LIST = `query($f: ServiceFilter, $first: Int, $after: String) {
  services(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } }
}`;

describe('services', () => {
  it('pages through every service with the documented fields (Leaseweb pages them with `metadata`)', async () => {
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await stack().data(LIST, { first: 40, after });
      expect(data.services.totalCount).toBe(records().length);
      seen.push(...data.services.nodes);
      if (!data.services.pageInfo.hasNextPage) break;
      after = data.services.pageInfo.endCursor;
    }
    expect(seen).toEqual(records().map((r) => asNode(view(r))));
    // One service per billable: servers, instances and domains all have theirs.
    expect(new Set(records().map((r) => r.service.productId))).toEqual(
      new Set(['DEDICATED_SERVER', 'PUBLIC_CLOUD', 'VPS', 'PUBLIC_CLOUD_LOAD_BALANCER', 'NETWORK_EQUIPMENT', 'PRIVATE_RACK', 'DOMAIN']),
    );
    expect(records()).toHaveLength(stack().demo.billables.length);
    const sent = stack()
      .calls({ path: '/services/v1/services' })
      .map((c) => c.search);
    expect(sent).toEqual(Array.from({ length: Math.ceil(records().length / 40) }, (_, k) => `?limit=40&offset=${k * 40}`));
  });

  it('applies each filter of the list, and takes an equipment’s global id', async () => {
    const server = find((r) => r.service.productId === 'DEDICATED_SERVER');
    const instance = find((r) => r.service.productId === 'PUBLIC_CLOUD');
    const reference = view(server).reference!;
    const cases: Array<[Record<string, unknown>, (r: ServiceRecord) => boolean]> = [
      [{ productId: 'DOMAIN' }, (r) => r.service.productId === 'DOMAIN'],
      [{ productId: 'PUBLIC_CLOUD' }, (r) => r.service.productId === 'PUBLIC_CLOUD'],
      [{ reference }, (r) => (view(r).reference ?? '').includes(reference)],
      [{ equipmentId: instance.service.equipmentId }, (r) => r === instance],
      [{ equipmentId: `gid://leaseweb/DedicatedServer/${server.service.equipmentId}` }, (r) => r === server],
      [{ productId: 'DOMAIN', equipmentId: server.service.equipmentId }, () => false],
    ];
    for (const [filter, keep] of cases) {
      const data = await stack().data(LIST, { f: filter, first: 100 });
      expect(
        data.services.nodes.map((n: any) => n.leasewebId),
        JSON.stringify(filter),
      ).toEqual(
        records()
          .filter(keep)
          .map((r) => r.service.id),
      );
    }
    const sent = stack()
      .calls({ path: '/services/v1/services' })
      .map((c) => new URLSearchParams(c.search));
    expect(sent[0]!.get('productId')).toBe('DOMAIN');
    expect(sent[2]!.get('reference')).toBe(reference);
    expect(sent[4]!.get('equipmentId')).toBe(server.service.equipmentId);
  });

  it('reports a refused filter as BAD_USER_INPUT with Leaseweb’s details', async () => {
    const res = await stack().query(LIST, { f: { productId: 'dedicated server' } });
    expect(res.data?.services).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      leaseweb: { status: 400, errorDetails: { productId: [expect.any(String)] } },
    });
    // A global id that names no single piece of equipment is refused by the gateway itself.
    stack().emulator.clearLog();
    // So is one of a type that is no Equipment: its bare number could name some server.
    const invoice = stack().demo.invoices.invoices[0]!.id;
    for (const equipmentId of [
      'gid://leaseweb/DedicatedServerJob/1/2',
      `gid://leaseweb/Invoice/${invoice}`,
      'gid://leaseweb/NoSuchType/1',
    ]) {
      const res = await stack().query(LIST, { f: { equipmentId } });
      expect(res.errors?.[0]?.extensions, equipmentId).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'equipmentId'] });
    }
    expect(stack().calls()).toHaveLength(0);
  });

  it('reads one service by Leaseweb id or global id, null when there is none', async () => {
    const r = find((x) => x.service.productId === 'DOMAIN');
    const query = `query($id: ID!) { service(id: $id) { ${FIELDS} } }`;
    expect((await stack().data(query, { id: r.service.id })).service).toEqual(asNode(view(r)));
    expect((await stack().data(query, { id: `gid://leaseweb/Service/${r.service.id}` })).service.leasewebId).toBe(r.service.id);
    const foreign = [...stack().emulator.dataset(OTHER_API_KEY).services.services.keys()][0]!;
    expect(stack().demo.services.services.has(foreign)).toBe(false);
    const missing = await stack().query(query, { id: foreign });
    expect(missing.data?.service).toBeNull();
    expect(missing.errors).toBeUndefined();
    const wrongType = await stack().query(query, { id: 'gid://leaseweb/Invoice/1' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual([`/services/v1/services/${r.service.id}`, `/services/v1/services/${r.service.id}`, `/services/v1/services/${foreign}`]);
  });

  it('lists the cancellation reasons, read once however often asked', async () => {
    const data = await stack().data('{ a: serviceCancellationReasons { reasonCode reason } b: serviceCancellationReasons { reasonCode } }');
    expect(data.a).toEqual(CANCELLATION_REASONS.map(({ reasonCode, reason }) => ({ reasonCode, reason })));
    expect(data.b).toHaveLength(CANCELLATION_REASONS.length);
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual(['/services/v1/services/cancellationReasons']);
  });

  it('answers the rest of a query when the reasons cannot be read', async () => {
    stack().emulator.failNext({ match: '/cancellationReasons', kind: 'status', status: 500 });
    const res = await stack().query('{ serviceCancellationReasons { reasonCode } services(first: 1) { totalCount } }');
    expect(res.data).toEqual({ serviceCancellationReasons: null, services: { totalCount: records().length } });
    expect(res.errors?.[0]).toMatchObject({ path: ['serviceCancellationReasons'], extensions: { code: 'UPSTREAM_ERROR' } });
  });

  it('keeps two customers’ services apart', async () => {
    const query = '{ services(first: 100) { totalCount nodes { leasewebId contractId } } }';
    const other = await stack().data(query, undefined, { key: OTHER_API_KEY });
    const otherData = stack().emulator.dataset(OTHER_API_KEY);
    expect(other.services.totalCount).toBe(otherData.billables.length);
    expect(other.services.nodes.map((n: any) => n.contractId)).toEqual(otherData.billables.map((b) => b.contractId));
    expect(other.services.nodes.some((n: any) => stack().demo.services.services.has(n.leasewebId))).toBe(false);
  });
});

describe('service edges', () => {
  it('Service → equipment: a server or instance as productId says, the servers from their list, one GET per other equipment; ids alone cost nothing', async () => {
    const data = await stack().data(`{ services(first: 100) { nodes { productId equipmentId equipment { __typename id
      ... on DedicatedServer { leasewebId reference } ... on PublicCloudInstance { leasewebId reference } ... on Vps { leasewebId reference } ... on PublicCloudLoadBalancer { leasewebId reference } ... on NetworkEquipment { leasewebId reference } ... on DedicatedRack { leasewebId reference } } } } }`);
    // The first page: the demo account has more than 100 services since VPS and load balancers.
    const page = records().slice(0, 100);
    const inPage = (productId: string) => page.filter((r) => r.service.productId === productId);
    const withEquipment = page.filter((r) => r.service.equipmentId);
    for (const [k, r] of page.entries()) {
      const node = data.services.nodes[k];
      if (!r.service.equipmentId) {
        expect(node.equipment).toBeNull();
        continue;
      }
      const typename = (
        {
          DEDICATED_SERVER: 'DedicatedServer',
          PUBLIC_CLOUD: 'PublicCloudInstance',
          VPS: 'Vps',
          PUBLIC_CLOUD_LOAD_BALANCER: 'PublicCloudLoadBalancer',
          NETWORK_EQUIPMENT: 'NetworkEquipment',
          PRIVATE_RACK: 'DedicatedRack',
        } as Record<string, string>
      )[r.service.productId]!;
      expect(node.equipment).toEqual({
        __typename: typename,
        id: `gid://leaseweb/${typename}/${r.service.equipmentId}`,
        leasewebId: r.service.equipmentId,
        reference: view(r).reference ?? null,
      });
    }
    const servers = new Set(inPage('DEDICATED_SERVER').map((r) => r.service.equipmentId));
    const instances = new Set(inPage('PUBLIC_CLOUD').map((r) => r.service.equipmentId));
    // Many servers, and the server list carries what is asked of them: its one page (the
    // demo has 64 servers) instead of a GET per server.
    expect(servers.size).toBeGreaterThan(1);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers\/\d+$/ })).toHaveLength(0);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers$/ })).toHaveLength(1);
    expect(stack().calls({ path: /^\/publicCloud\/v1\/instances\/[^/]+$/ })).toHaveLength(instances.size);
    expect(stack().calls({ path: /^\/publicCloud\/v1\/vps\/[^/]+$/ })).toHaveLength(inPage('VPS').length);
    expect(stack().calls()).toHaveLength(1 + 1 + new Set(withEquipment.map((r) => r.service.equipmentId)).size - servers.size);

    stack().emulator.clearLog();
    const ids = await stack().data('{ services(first: 100) { nodes { equipment { __typename id } } } }');
    expect(ids.services.nodes.filter((n: any) => n.equipment)).toHaveLength(withEquipment.length);
    expect(stack().calls()).toHaveLength(1);
    // productId is upstream text: a value that happens to name an Object member is no kind.
    for (const productId of ['constructor', 'toString', '__proto__', 'DOMAIN'])
      expect(kindOfProduct({ equipment: equipmentKinds } as unknown as GraphQLContext, productId), productId).toBeUndefined();
  });

  it('Service → domain for domain services, one GET per domain', async () => {
    const data = await stack().data(
      '{ services(filter: { productId: "DOMAIN" }, first: 100) { nodes { domainName equipment { id } domain { domainName status } } } }',
    );
    const domains = of('DOMAIN');
    expect(data.services.nodes).toEqual(
      domains.map((r) => {
        const name = r.service.attributes!.domainName!;
        return { domainName: name, equipment: null, domain: { domainName: name, status: stack().demo.domains.domains.get(name)!.status } };
      }),
    );
    expect(stack().calls()).toHaveLength(1 + domains.length);
    const none = await stack().data(
      '{ services(filter: { productId: "DEDICATED_SERVER" }, first: 3) { nodes { domain { domainName } } } }',
    );
    expect(none.services.nodes).toEqual([{ domain: null }, { domain: null }, { domain: null }]);
  });

  it('DedicatedServer → service: 30 servers cost the server list and the services list, whether the service’s status or only its id is asked', async () => {
    const servers = [...stack().demo.dedicatedServers.servers.values()].slice(0, 30).map((s) => s.server);
    const byEquipment = (id: string) => find((r) => r.service.equipmentId === id);
    const data = await stack().data(
      '{ dedicatedServers(first: 30) { nodes { leasewebId service { leasewebId status productId contractId } } } }',
    );
    expect(data.dedicatedServers.nodes).toEqual(
      servers.map((s) => {
        const r = byEquipment(s.id);
        return {
          leasewebId: s.id,
          service: { leasewebId: r.service.id, status: r.service.status, productId: 'DEDICATED_SERVER', contractId: s.contract.id },
        };
      }),
    );
    // `?equipmentId=` takes one value: 30 lookups, or the whole list in fewer pages.
    const pages = Math.ceil(records().length / 100);
    expect(pages).toBeLessThan(30);
    const lists = stack().calls({ path: '/services/v1/services' });
    expect(lists.map((c) => new URLSearchParams(c.search).get('equipmentId'))).toEqual(Array(pages).fill(null));
    expect(stack().calls()).toHaveLength(1 + pages);

    // No batch filter exists: the id of the service is only known by asking for it.
    stack().emulator.clearLog();
    const ids = await stack().data('{ dedicatedServers(first: 30) { nodes { service { id } } } }');
    expect(ids.dedicatedServers.nodes.map((n: any) => n.service.id)).toEqual(
      servers.map((s) => `gid://leaseweb/Service/${byEquipment(s.id).service.id}`),
    );
    expect(stack().calls()).toHaveLength(1 + pages);
  });

  it('equipment → service in a large account: one lookup per id while that is cheaper than the rest of the list', async () => {
    // 300 servers: the list of services spans 4 pages, the first of which tells so.
    const big = await startStack({ emulator: { keys: { [DEMO_API_KEY]: { ...defaultKeys[DEMO_API_KEY]!, servers: 300 } } } });
    try {
      const services = [...big.demo.services.services.values()].map((r) => r.service);
      const pages = Math.ceil(services.length / 100);
      expect(pages).toBe(4);
      const query = (n: number) => big.data(`{ dedicatedServers(first: ${n}) { nodes { leasewebId service { leasewebId } } } }`);
      const check = (data: any) => {
        for (const node of data.dedicatedServers.nodes)
          expect(node.service.leasewebId).toBe(services.find((s) => s.equipmentId === node.leasewebId)!.id);
      };
      const lookups = () => big.calls({ path: '/services/v1/services' }).map((c) => new URLSearchParams(c.search));

      // 3 servers: the first page (3 more pages left), then 3 lookups by equipmentId.
      check(await query(3));
      expect(lookups().map((q) => q.get('equipmentId'))).toEqual([null, ...Array(3).fill(expect.stringMatching(/^\d+$/))]);
      expect(big.calls()).toHaveLength(1 + 1 + 3);

      // 8 servers: the first page, then the 3 pages left beat 8 lookups.
      big.emulator.clearLog();
      check(await query(8));
      expect(lookups().map((q) => [q.get('equipmentId'), q.get('offset')])).toEqual([
        [null, '0'],
        [null, '100'],
        [null, '200'],
        [null, '300'],
      ]);
      expect(big.calls()).toHaveLength(1 + pages);
    } finally {
      await big.close();
    }
  });

  it('a server asked twice costs one service lookup', async () => {
    const id = of('DEDICATED_SERVER')[3]!.service.equipmentId!;
    const data = await stack().data(
      `{ a: dedicatedServer(id: "${id}") { service { leasewebId } } b: dedicatedServer(id: "${id}") { service { status reference } } }`,
    );
    expect(data.a.service.leasewebId).toBe(of('DEDICATED_SERVER')[3]!.service.id);
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual([`/bareMetals/v2/servers/${id}`, '/services/v1/services']);
  });

  it('PublicCloudInstance → service: one lookup for one instance, the services list for several', async () => {
    const instances = [...stack().demo.publicCloud.instances.values()].slice(0, 8).map((r) => r.instance);
    const expected = (i: (typeof instances)[number]) => ({
      leasewebId: i.id,
      service: { productId: 'PUBLIC_CLOUD', equipmentId: i.id, contractId: stack().demo.publicCloud.instances.get(i.id)!.contractId },
    });
    const query = (n: number) =>
      `{ publicCloudInstances(first: ${n}) { nodes { leasewebId service { productId equipmentId contractId } } } }`;
    expect((await stack().data(query(8))).publicCloudInstances.nodes).toEqual(instances.map(expected));
    expect(stack().calls()).toHaveLength(1 + Math.ceil(records().length / 100));

    stack().emulator.clearLog();
    expect((await stack().data(query(1))).publicCloudInstances.nodes).toEqual([expected(instances[0]!)]);
    expect(
      stack()
        .calls({ path: '/services/v1/services' })
        .map((c) => new URLSearchParams(c.search).get('equipmentId')),
    ).toEqual([instances[0]!.id]);
  });

  it('Domain → service: the DOMAIN services listed once per request, matched by domain name', async () => {
    const data = await stack().data('{ domains(first: 20) { nodes { domainName service { leasewebId productId domainName } } } }');
    const names = [...stack().demo.domains.domains.keys()];
    expect(data.domains.nodes).toEqual(
      names.map((name) => ({
        domainName: name,
        service: { leasewebId: find((r) => r.service.attributes?.domainName === name).service.id, productId: 'DOMAIN', domainName: name },
      })),
    );
    const lists = stack().calls({ path: '/services/v1/services' });
    expect(lists).toHaveLength(Math.ceil(of('DOMAIN').length / 100));
    expect(new URLSearchParams(lists[0]!.search).get('productId')).toBe('DOMAIN');
    expect(stack().calls()).toHaveLength(1 + lists.length);
  });
});

describe('service writes', () => {
  const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { leasewebId reference } ${ERRORS} } }`;
  const CANCEL = `mutation($input: CancelServiceInput!) { cancelService(input: $input) { service { leasewebId status endDate cancellable uncancellable } ${ERRORS} } }`;
  const UNCANCEL = `mutation($input: UncancelServiceInput!) { uncancelService(input: $input) { service { leasewebId status endDate cancellable uncancellable } ${ERRORS} } }`;

  it('updates the reference, which is also the server’s own', async () => {
    const r = find((x) => x.service.productId === 'DEDICATED_SERVER');
    const data = await stack().data(UPDATE, {
      input: { serviceId: `gid://leaseweb/Service/${r.service.id}`, reference: 'renamed-by-test' },
    });
    expect(data.updateService).toEqual({ service: { leasewebId: r.service.id, reference: 'renamed-by-test' }, userErrors: [] });
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`PUT /services/v1/services/${r.service.id}`]);
    expect(view(r).reference).toBe('renamed-by-test');
    const server = await stack().data(`{ dedicatedServer(id: "${r.service.equipmentId}") { reference service { reference } } }`);
    expect(server.dedicatedServer).toEqual({ reference: 'renamed-by-test', service: { reference: 'renamed-by-test' } });
  });

  it('turns refused updates into userErrors, refusing a bad id before any call', async () => {
    const r = records()[0]!;
    const before = view(r).reference;
    const empty = await stack().data(UPDATE, { input: { serviceId: r.service.id, reference: '' } });
    expect(empty.updateService).toEqual({
      service: null,
      userErrors: [{ field: ['input', 'reference'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' }],
    });
    const unknown = await stack().data(UPDATE, { input: { serviceId: '10000000000000', reference: 'x' } });
    expect(unknown.updateService.userErrors).toEqual([
      { field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' },
    ]);
    expect(view(r).reference).toBe(before);
    stack().emulator.clearLog();
    for (const serviceId of ['..', 'gid://leaseweb/DedicatedServer/1']) {
      const bad = await stack().data(UPDATE, { input: { serviceId, reference: 'x' } });
      expect(bad.updateService.userErrors).toEqual([
        { field: ['input', 'serviceId'], message: expect.any(String), code: 'INVALID', leasewebCode: null },
      ]);
    }
    expect(stack().calls()).toHaveLength(0);
  });

  it('cancels a service with a documented reason: it runs until the end of its term, and can be uncancelled', async () => {
    const r = find((x) => x.service.cancellable && x.service.productId === 'PUBLIC_CLOUD');
    const reason = CANCELLATION_REASONS.find((x) => x.reasonCode === 'CANCEL_HIGH_PRICE')!;
    const data = await stack().data(CANCEL, { input: { serviceId: r.service.id, reasonCode: reason.reasonCode } });
    expect(data.cancelService).toEqual({
      service: {
        leasewebId: r.service.id,
        status: 'ACTIVE',
        endDate: utc(r.service.contractTermEndDate),
        cancellable: false,
        uncancellable: true,
      },
      userErrors: [],
    });
    expect(r.cancellation).toEqual({ reasonCode: 'CANCEL_HIGH_PRICE', reason: null });
    // The cancel answers 204: the service is read again, not from the request's cache.
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`POST /services/v1/services/${r.service.id}/cancel`, `GET /services/v1/services/${r.service.id}`]);

    const back = await stack().data(UNCANCEL, { input: { serviceId: r.service.id } });
    expect(back.uncancelService).toEqual({
      service: { leasewebId: r.service.id, status: 'ACTIVE', endDate: null, cancellable: true, uncancellable: false },
      userErrors: [],
    });
    expect(r.cancellation).toBeNull();
  });

  it('requires a reason in words with CANCEL_OTHER', async () => {
    const r = find((x) => x.service.cancellable);
    const missing = await stack().data(CANCEL, { input: { serviceId: r.service.id, reasonCode: 'CANCEL_OTHER' } });
    expect(missing.cancelService.userErrors).toEqual([
      { field: ['input', 'reason'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
    ]);
    expect(r.service.cancellable).toBe(true);
    const given = await stack().data(CANCEL, { input: { serviceId: r.service.id, reasonCode: 'CANCEL_OTHER', reason: 'Scaling down' } });
    expect(given.cancelService.userErrors).toEqual([]);
    expect(r.cancellation).toEqual({ reasonCode: 'CANCEL_OTHER', reason: 'Scaling down' });
  });

  it('refuses a reason code that is not one of the cancellation reasons', async () => {
    const r = find((x) => x.service.cancellable);
    const data = await stack().data(CANCEL, { input: { serviceId: r.service.id, reasonCode: 'BECAUSE' } });
    expect(data.cancelService).toEqual({
      service: null,
      userErrors: [{ field: ['input', 'reasonCode'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' }],
    });
    expect(r.service.cancellable).toBe(true);
  });

  it('refuses cancelling what cannot be cancelled, and uncancelling what is not cancelled (409)', async () => {
    const cancelled = find((x) => x.service.uncancellable);
    const suspended = find((x) => x.service.status === 'SUSPENDED');
    const running = find((x) => x.service.cancellable);
    const input = (r: ServiceRecord) => ({ serviceId: r.service.id, reasonCode: 'CANCEL_NETWORK' });
    for (const r of [cancelled, suspended]) {
      const before = { ...r.service };
      const data = await stack().data(CANCEL, { input: input(r) });
      expect(data.cancelService).toEqual({
        service: null,
        userErrors: [{ field: null, message: expect.stringMatching(/cancel/), code: 'CONFLICT', leasewebCode: 'CONFLICT' }],
      });
      expect(r.service).toEqual(before);
    }
    const data = await stack().data(UNCANCEL, { input: { serviceId: running.service.id } });
    expect(data.uncancelService.userErrors).toEqual([
      { field: null, message: 'The service is not cancelled.', code: 'CONFLICT', leasewebCode: 'CONFLICT' },
    ]);
    const unknown = await stack().data(UNCANCEL, { input: { serviceId: '10000000000000' } });
    expect(unknown.uncancelService.userErrors[0].code).toBe('NOT_FOUND');
    expect(
      stack()
        .calls({ method: 'POST' })
        .map((c) => c.status),
    ).toEqual([409, 409, 409, 404]);
  });

  it('reached every documented services operation through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(6);
    expect(reached.missing()).toEqual([]);
  });
});

describeIf(samplesAvailable)('sample conformance: services', () => {
  it('serves every read with the documented shape', async () => {
    // The samples document a cancelled server (with endDate) and a running domain (without).
    const cancelledServer = find((r) => r.service.uncancellable && r.service.productId === 'DEDICATED_SERVER');
    const domain = find((r) => r.service.productId === 'DOMAIN' && r.service.cancellable);
    const list = await emulatorGet(stack().emulator, `/services/v1/services?equipmentId=${cancelledServer.service.equipmentId}`);
    expect(shapeDifferences(list.body, sample('services.listServices'))).toEqual([]);
    const domains = await emulatorGet(stack().emulator, '/services/v1/services?productId=DOMAIN&limit=100');
    const listed = domains.body.services.find((s: Service) => s.id === domain.service.id);
    expect(shapeDifferences(listed, (sample('services.listServices') as any).services[1])).toEqual([]);
    // A domain has no equipment, as documented.
    expect(listed.equipmentId).toBeUndefined();
    const one = await emulatorGet(stack().emulator, `/services/v1/services/${cancelledServer.service.id}`);
    expect(shapeDifferences(one.body, sample('services.inspectService'))).toEqual([]);
    const reasons = await emulatorGet(stack().emulator, '/services/v1/services/cancellationReasons');
    expect(reasons.body).toEqual(sample('services.getCancellationReasons'));
  });

  it('answers the documented request bodies with the documented shapes', async () => {
    const r = find((x) => x.service.uncancellable && x.service.productId === 'DEDICATED_SERVER');
    const headers = { 'x-lsw-auth': 'lsw-demo-key', 'content-type': 'application/json' };
    const put = await fetch(`${stack().emulator.url}/services/v1/services/${r.service.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(sample('services.updateService.request')),
    });
    expect(put.status).toBe(200);
    expect(shapeDifferences(await put.json(), sample('services.updateService'))).toEqual([]);
    const running = find((x) => x.service.cancellable);
    const cancel = await fetch(`${stack().emulator.url}/services/v1/services/${running.service.id}/cancel`, {
      method: 'POST',
      headers,
      body: JSON.stringify(sample('services.cancelService.request')),
    });
    expect(cancel.status).toBe(204);
  });
});
