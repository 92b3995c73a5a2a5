import { describe, expect, it, vi } from 'vitest';
import type { Invoice } from '../src/datasources/types/invoices.js';
import { DEMO_API_KEY, OTHER_API_KEY, defaultKeys } from '../src/emulator/dataset.js';
import { proformaDate, proformaItems } from '../src/emulator/invoices/data.js';
import { serviceDate } from '../src/emulator/services/data.js';
import { trackOperations } from './support/operations.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { captureLogLines } from './support/logs.js';
import { startStack, useStack } from './support/stack.js';
import { decimalText, money, utc } from './support/values.js';

// Every log line of this file is captured (and kept off the console), so a test can prove
// that no key ever reaches one. The level is set before the logger is first imported.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'debug';
});
const logLines = captureLogLines();

const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'invoices',
  (suite) => !suite.startsWith('sample conformance'),
);

const invoices = () => stack().demo.invoices.invoices;
const services = () => [...stack().demo.services.services.values()];
const cents = (v: number) => Math.round(v * 100) / 100;
const sum = (values: number[]) => cents(values.reduce((a, b) => a + b, 0));
const eur = (amount: number) => money(amount, 'EUR');
/** An amount the graph answered, as a number for the arithmetic checks (the emulator's amounts are whole cents). */
const num = (m: { amount: string }) => Number(m.amount);
const origin = () => stack().gateway.url.replace(/\/graphql$/, '');

const SUMMARY =
  'id leasewebId date dueDate status currency isPartialPaymentAllowed netAmount { amount currency } taxAmount { amount currency } total { amount currency } openAmount { amount currency } pdfUrl';
const LINES =
  'lineItems { product quantity unitAmount { amount currency } total { amount currency } fromDate toDate reference contractId equipmentId } credits { creditId date netAmount { amount } taxAmount { amount } total { amount } }';

const summaryOf = (i: Invoice) => ({
  id: `gid://leaseweb/Invoice/${i.id}`,
  leasewebId: i.id,
  date: utc(i.date),
  dueDate: utc(i.dueDate),
  status: i.status,
  currency: i.currency,
  isPartialPaymentAllowed: i.isPartialPaymentAllowed,
  netAmount: eur(cents(i.total - i.taxAmount)),
  taxAmount: eur(i.taxAmount),
  total: eur(i.total),
  openAmount: eur(i.openAmount),
  pdfUrl: `/downloads/invoices/${i.id}.pdf`,
});
const linesOf = (i: Invoice) => ({
  lineItems: i.lineItems.map((l) => ({
    product: l.product,
    quantity: l.quantity,
    unitAmount: eur(l.unitAmount),
    total: eur(l.total),
    fromDate: utc(l.fromDate),
    toDate: utc(l.toDate),
    reference: l.reference ?? null,
    contractId: l.contractId,
    equipmentId: l.equipmentId ?? null,
  })),
  credits: i.credits.map((c) => ({
    creditId: c.id,
    date: utc(c.date),
    netAmount: { amount: decimalText(cents(c.total - c.taxAmount)) },
    taxAmount: { amount: decimalText(c.taxAmount) },
    total: { amount: decimalText(c.total) },
  })),
});

describe('invoices', () => {
  it('lists invoices newest first with their amounts in their currency, paged', async () => {
    const query = `query($after: String) { invoices(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${SUMMARY} } } }`;
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await stack().data(query, { after });
      expect(data.invoices.totalCount).toBe(defaultKeys[DEMO_API_KEY]!.invoices);
      seen.push(...data.invoices.nodes);
      if (!data.invoices.pageInfo.hasNextPage) break;
      after = data.invoices.pageInfo.endCursor;
    }
    expect(seen).toEqual(invoices().map(summaryOf));
    const dates = invoices().map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    // The list is a summary: no invoice was read one by one.
    const offsets = Array.from({ length: Math.ceil(invoices().length / 5) }, (_, page) => page * 5);
    expect(
      stack()
        .calls()
        .map((c) => c.path + c.search),
    ).toEqual(offsets.map((offset) => `/invoices/v1/invoices?limit=5&offset=${offset}`));
  });

  it('reads the lines and credits of listed invoices only when asked, once per invoice', async () => {
    await stack().data('{ invoices(first: 6) { nodes { total { amount } status } } }');
    expect(stack().calls()).toHaveLength(1);
    stack().emulator.clearLog();
    const data = await stack().data(`{ invoices(first: 6) { nodes { leasewebId ${LINES} again: lineItems { contractId } } } }`);
    expect(data.invoices.nodes).toEqual(
      invoices()
        .slice(0, 6)
        .map((i) => ({ leasewebId: i.id, ...linesOf(i), again: i.lineItems.map((l) => ({ contractId: l.contractId })) })),
    );
    expect(stack().calls()).toHaveLength(1 + 6);
    expect(
      stack()
        .calls({ path: /^\/invoices\/v1\/invoices\/\d+$/ })
        .map((c) => c.path)
        .sort(),
    ).toEqual(
      invoices()
        .slice(0, 6)
        .map((i) => `/invoices/v1/invoices/${i.id}`)
        .sort(),
    );
  });

  it('reads one invoice by Leaseweb id or global id; null when there is none', async () => {
    const i = invoices().find((x) => x.credits.length)!;
    const query = `query($id: ID!) { invoice(id: $id) { ${SUMMARY} ${LINES} } }`;
    const data = await stack().data(query, { id: i.id });
    expect(data.invoice).toEqual({ ...summaryOf(i), ...linesOf(i) });
    expect(stack().calls()).toHaveLength(1);
    expect((await stack().data(query, { id: `gid://leaseweb/Invoice/${i.id}` })).invoice.leasewebId).toBe(i.id);
    const foreign = stack().emulator.dataset(OTHER_API_KEY).invoices.invoices[0]!.id;
    const missing = await stack().query(query, { id: foreign });
    expect(missing.data?.invoice).toBeNull();
    expect(missing.errors).toBeUndefined();
    const wrongType = await stack().query(query, { id: 'gid://leaseweb/Service/1' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('bills what the services say, with amounts that add up to the cent', async () => {
    const data = await stack()
      .data(`{ invoices(first: 100) { nodes { leasewebId status isPartialPaymentAllowed netAmount { amount } taxAmount { amount } total { amount } openAmount { amount }
      lineItems { contractId equipmentId quantity unitAmount { amount } total { amount } fromDate toDate } credits { total { amount } } } } }`);
    const byContract = new Map(services().map((r) => [r.service.contractId, r.service]));
    const vat = stack().demo.invoices.vatRate;
    const hourly = (equipmentId: string | null) =>
      stack().demo.publicCloud.instances.get(equipmentId ?? '')?.instance.contract.type === 'HOURLY';
    let hourlyLines = 0;
    for (const node of data.invoices.nodes) {
      const net = sum(node.lineItems.map((l: any) => num(l.total)));
      expect(node.netAmount.amount).toBe(decimalText(net));
      expect(node.taxAmount.amount).toBe(decimalText(cents(net * vat)));
      expect(node.total.amount).toBe(decimalText(cents(net + num(node.taxAmount))));
      const credited = sum(node.credits.map((c: any) => num(c.total)));
      expect(node.openAmount.amount).toBe(decimalText(node.status === 'PAID' ? 0 : cents(num(node.total) - credited)));
      expect(node.isPartialPaymentAllowed).toBe(node.status !== 'PAID');
      for (const line of node.lineItems) {
        expect(line.total.amount).toBe(decimalText(cents(line.quantity * num(line.unitAmount))));
        const service = byContract.get(line.contractId)!;
        expect(service, line.contractId).toBeDefined();
        expect(line.equipmentId).toBe(service.equipmentId ?? null);
        if (hourly(line.equipmentId)) {
          // An hourly instance pays for each hour of the month billed (toDate is its last day).
          expect(line.quantity).toBe((Date.parse(line.toDate) + 86_400_000 - Date.parse(line.fromDate)) / 3_600_000);
          hourlyLines++;
        } else {
          // Anything else: one unit at the service's price per billing cycle.
          expect([line.quantity, line.unitAmount.amount]).toEqual([1, decimalText(service.pricePerFrequency)]);
        }
      }
    }
    expect(hourlyLines).toBeGreaterThan(0);
    // The newest is not yet due; the one before is overdue with a credit note that lowers what is open.
    const [open, overdue] = data.invoices.nodes;
    expect(open.status).toBe('OPEN');
    expect(overdue.status).toBe('OVERDUE');
    expect(overdue.credits.length).toBeGreaterThan(0);
    expect(num(overdue.openAmount)).toBeLessThan(num(overdue.total));
    expect(new Set(data.invoices.nodes.flatMap((n: any) => n.lineItems.map((l: any) => byContract.get(l.contractId)!.productId)))).toEqual(
      new Set(['DEDICATED_SERVER', 'PUBLIC_CLOUD', 'VPS', 'PUBLIC_CLOUD_LOAD_BALANCER', 'NETWORK_EQUIPMENT', 'PRIVATE_RACK', 'DOMAIN']),
    );
  });

  it('keeps two customers’ invoices apart', async () => {
    const other = await stack().data('{ invoices(first: 100) { totalCount nodes { leasewebId } } }', undefined, { key: OTHER_API_KEY });
    expect(other.invoices.totalCount).toBe(defaultKeys[OTHER_API_KEY]!.invoices);
    expect(other.invoices.nodes.map((n: any) => n.leasewebId)).toEqual(
      stack()
        .emulator.dataset(OTHER_API_KEY)
        .invoices.invoices.map((i) => i.id),
    );
    expect(other.invoices.nodes.some((n: any) => invoices().some((i) => i.id === n.leasewebId))).toBe(false);
  });

  it('answers bad paging parameters with 400 and Leaseweb’s details', async () => {
    for (const path of ['/invoices/v1/invoices?limit=abc', '/invoices/v1/invoices/proforma?offset=-1']) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, path).toBe(400);
      expect(Object.keys(res.body.errorDetails), path).toEqual([path.includes('limit') ? 'limit' : 'offset']);
    }
  });
});

describe('pro forma', () => {
  const PROFORMA = `query($first: Int, $after: String) { proformaInvoice(first: $first, after: $after) { date currency subTotal { amount currency } vatAmount { amount } total { amount }
    items { totalCount pageInfo { hasNextPage endCursor } nodes { product price { amount currency } startDate endDate poNumber reference contractId equipmentId } } } }`;

  it('shows next month’s items, paged, with the totals of the whole pro forma', async () => {
    const items = proformaItems(stack().demo);
    const subTotal = sum(items.map((i) => i.price));
    const vat = cents(subTotal * stack().demo.invoices.vatRate);
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const { proformaInvoice: p }: any = await stack().data(PROFORMA, { first: 30, after });
      expect(p).toMatchObject({
        date: utc(serviceDate(proformaDate())),
        currency: 'EUR',
        subTotal: eur(subTotal),
        vatAmount: { amount: decimalText(vat) },
        total: { amount: decimalText(cents(subTotal + vat)) },
      });
      expect(p.items.totalCount).toBe(items.length);
      seen.push(...p.items.nodes);
      if (!p.items.pageInfo.hasNextPage) break;
      after = p.items.pageInfo.endCursor;
    }
    expect(seen).toEqual(
      items.map((i) => ({
        product: i.product,
        price: eur(i.price),
        startDate: utc(i.startDate),
        endDate: utc(i.endDate),
        poNumber: stack().demo.invoices.poNumber,
        reference: i.reference ?? null,
        contractId: i.contractId,
        equipmentId: i.equipmentId ?? null,
      })),
    );
    expect(
      stack()
        .calls()
        .map((c) => c.search),
    ).toEqual(Array.from({ length: Math.ceil(items.length / 30) }, (_, k) => `?limit=30&offset=${k * 30}`));
    expect(stack().calls()[0]!.path).toBe('/invoices/v1/invoices/proforma');
  });

  it('follows the services: a new reference shows on the next invoice', async () => {
    const item = proformaItems(stack().demo).find((i) => i.equipmentId)!;
    const service = services().find((r) => r.service.contractId === item.contractId)!;
    await stack().data('mutation($input: UpdateServiceInput!) { updateService(input: $input) { userErrors { message } } }', {
      input: { serviceId: service.service.id, reference: 'next-month-ref' },
    });
    const data = await stack().data('{ proformaInvoice(first: 100) { items { nodes { contractId reference } } } }');
    expect(data.proformaInvoice.items.nodes.find((n: any) => n.contractId === item.contractId).reference).toBe('next-month-ref');
  });
});

describe('invoice edges', () => {
  it('answers 20 invoices with line items → service → equipment in 1 + 20 + the services pages + the server list + one GET per other equipment', async () => {
    // Two years of monthly invoices: a page of 20 is full.
    expect(stack().demo.invoices.invoices.length).toBeGreaterThan(20);
    const data = await stack()
      .data(`{ invoices(first: 20) { nodes { leasewebId lineItems { contractId equipmentId service { contractId productId equipment { __typename
      ... on DedicatedServer { leasewebId reference } ... on PublicCloudInstance { leasewebId reference } ... on Vps { leasewebId reference } ... on PublicCloudLoadBalancer { leasewebId reference } ... on NetworkEquipment { leasewebId reference } ... on DedicatedRack { leasewebId reference } } } } } } }`);
    const first20 = stack().demo.invoices.invoices.slice(0, 20);
    expect(data.invoices.nodes.map((n: any) => n.leasewebId)).toEqual(first20.map((i) => i.id));
    const lines = data.invoices.nodes.flatMap((n: any) => n.lineItems);
    expect(lines).toHaveLength(sum(first20.map((i) => i.lineItems.length)));
    for (const line of lines) {
      expect(line.service.contractId).toBe(line.contractId);
      const typename = {
        DEDICATED_SERVER: 'DedicatedServer',
        PUBLIC_CLOUD: 'PublicCloudInstance',
        VPS: 'Vps',
        PUBLIC_CLOUD_LOAD_BALANCER: 'PublicCloudLoadBalancer',
        NETWORK_EQUIPMENT: 'NetworkEquipment',
        PRIVATE_RACK: 'DedicatedRack',
      }[line.service.productId as string];
      expect(line.service.equipment?.__typename).toBe(typename);
      expect(line.service.equipment?.leasewebId).toBe(line.equipmentId ?? undefined);
    }
    const equipment = new Set(first20.flatMap((i) => i.lineItems.flatMap((l) => (l.equipmentId ? [l.equipmentId] : []))));
    const servers = [...equipment].filter((id) => stack().demo.dedicatedServers.servers.has(id));
    const servicePages = Math.ceil(stack().demo.services.services.size / 100);
    expect(stack().calls({ path: /^\/invoices\/v1\/invoices$/ })).toHaveLength(1);
    expect(stack().calls({ path: /^\/invoices\/v1\/invoices\/\d+$/ })).toHaveLength(20);
    expect(stack().calls({ path: '/services/v1/services' })).toHaveLength(servicePages);
    // The servers (several) from the server list's one page, which carries their reference;
    // every other piece of equipment by id.
    expect(servers.length).toBeGreaterThan(1);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers$/ })).toHaveLength(1);
    expect(
      stack().calls({
        path: /^\/(bareMetals\/v2\/(servers|networkEquipments|privateRacks)|publicCloud\/v1\/instances|publicCloud\/v1\/vps|publicCloud\/v1\/loadBalancers)\/[^/]+$/,
      }),
    ).toHaveLength(equipment.size - servers.length);
    expect(stack().calls()).toHaveLength(1 + 20 + servicePages + 1 + equipment.size - servers.length);
  });

  it('reads the services list beside the invoices, not after them', async () => {
    stack().emulator.latencyMs = 20; // so calls overlap when they may
    const data = await stack().data('{ invoices(first: 3) { nodes { lineItems { contractId service { contractId } } } } }');
    for (const line of data.invoices.nodes.flatMap((n: any) => n.lineItems)) expect(line.service.contractId).toBe(line.contractId);
    expect(stack().calls()).toHaveLength(1 + 3 + Math.ceil(stack().demo.services.services.size / 100));
    // The three invoice details and the services list were in flight together.
    expect(stack().emulator.maxInFlight).toBe(4);
  });

  it('line → equipment: the kind from the service when the services are listed anyway, else tried by id', async () => {
    const i = invoices()[0]!;
    const withEquipment = new Set(i.lineItems.flatMap((l) => (l.equipmentId ? [l.equipmentId] : [])));
    const kindOf = (id: string) =>
      stack().demo.dedicatedServers.servers.has(id)
        ? 'DedicatedServer'
        : stack().demo.networkEquipment.equipment.has(id)
          ? 'NetworkEquipment'
          : stack().demo.dedicatedRacks.racks.has(id)
            ? 'DedicatedRack'
            : stack().demo.vps.servers.has(id)
              ? 'Vps'
              : stack().demo.loadBalancers.balancers.has(id)
                ? 'PublicCloudLoadBalancer'
                : 'PublicCloudInstance';
    const alone = await stack().data(`{ invoice(id: "${i.id}") { lineItems { equipment { __typename id } } } }`);
    expect(alone.invoice.lineItems).toEqual(
      i.lineItems.map((l) => ({
        equipment: l.equipmentId
          ? { __typename: kindOf(l.equipmentId), id: `gid://leaseweb/${kindOf(l.equipmentId)}/${l.equipmentId}` }
          : null,
      })),
    );
    // Without the kind, each id is looked up where ids of its shape live, in manifest order
    // among the kinds whose ids look alike: numeric ones as a server, network equipment, a
    // rack, then a VPS; UUIDs as an instance, then a load balancer (a 404 for each miss). The
    // numeric ids (several) are first looked for in the server list, one call for all: the
    // servers are found there, and the others known to be no server without a 404.
    const numeric = [...withEquipment].filter((id) => /^\d+$/.test(id));
    expect(numeric.length).toBeGreaterThan(1);
    const tries: Record<string, number> = {
      DedicatedServer: -1,
      PublicCloudInstance: 0,
      NetworkEquipment: 0,
      DedicatedRack: 1,
      Vps: 2,
      PublicCloudLoadBalancer: 1,
    };
    const extra = [...withEquipment].reduce((n, id) => n + tries[kindOf(id)]!, 0);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers\/\d+$/ })).toHaveLength(0);
    expect(stack().calls()).toHaveLength(1 + 1 + withEquipment.size + extra);

    stack().emulator.clearLog();
    const hinted = await stack().data(`{ invoice(id: "${i.id}") { lineItems { service { productId } equipment { __typename id } } } }`);
    expect(hinted.invoice.lineItems.map((l: any) => l.equipment)).toEqual(alone.invoice.lineItems.map((l: any) => l.equipment));
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual([`/invoices/v1/invoices/${i.id}`, ...Array(Math.ceil(services().length / 100)).fill('/services/v1/services')]);
  });

  it('line → service when a contract holds two services (the list sample: a server and a domain under one contract)', async () => {
    const i = invoices()[0]!;
    const serverLine = i.lineItems.find((l) => stack().demo.dedicatedServers.servers.has(l.equipmentId ?? ''))!;
    const domainLine = i.lineItems.find((l) => !l.equipmentId)!;
    const server = services().find((r) => r.service.contractId === serverLine.contractId)!;
    const domain = services().find((r) => r.service.contractId === domainLine.contractId)!;
    // Put the domain under the server's contract, in the services and on the invoice alike.
    domain.service.contractId = server.service.contractId;
    domainLine.contractId = server.service.contractId;
    const data = await stack().data(`{ invoice(id: "${i.id}") { lineItems { contractId equipmentId service { leasewebId productId } } } }`);
    const lines = data.invoice.lineItems.filter((l: any) => l.contractId === server.service.contractId);
    expect(lines).toEqual(
      [serverLine, domainLine].map((l) => ({
        contractId: server.service.contractId,
        equipmentId: l.equipmentId ?? null,
        service:
          l === serverLine
            ? { leasewebId: server.service.id, productId: 'DEDICATED_SERVER' }
            : { leasewebId: domain.service.id, productId: 'DOMAIN' },
      })),
    );
  });

  it('a failed services list fails only the lines’ `service`, not the invoice', async () => {
    const i = invoices()[0]!;
    stack().emulator.failNext({ match: '/services/v1/services', kind: 'status', status: 500 });
    const res = await stack().query(`{ invoice(id: "${i.id}") { leasewebId lineItems { product service { leasewebId } } } }`);
    expect(res.data?.invoice.leasewebId).toBe(i.id);
    expect(res.data?.invoice.lineItems).toEqual(i.lineItems.map((l) => ({ product: l.product, service: null })));
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_ERROR']));
    expect(res.errors).toHaveLength(i.lineItems.length);
    // The index is built once per request: one failed call, not one per line.
    expect(stack().calls({ path: '/services/v1/services' })).toHaveLength(1);
  });

  it('pro forma item → service and equipment, the services listed once', async () => {
    const items = proformaItems(stack().demo).slice(0, 100);
    const data = await stack().data(
      '{ proformaInvoice(first: 100) { items { nodes { contractId service { contractId leasewebId } equipment { __typename ... on DedicatedServer { reference } ... on PublicCloudInstance { reference } ... on Vps { reference } ... on PublicCloudLoadBalancer { reference } ... on NetworkEquipment { reference } ... on DedicatedRack { reference } } } } } }',
    );
    const nodes = data.proformaInvoice.items.nodes;
    expect(nodes.map((n: any) => n.service.contractId)).toEqual(items.map((i) => i.contractId));
    expect(nodes.map((n: any) => n.equipment?.reference ?? null)).toEqual(items.map((i) => (i.equipmentId ? (i.reference ?? null) : null)));
    const equipment = new Set(items.flatMap((i) => (i.equipmentId ? [i.equipmentId] : [])));
    const servers = [...equipment].filter((id) => stack().demo.dedicatedServers.servers.has(id));
    expect(stack().calls({ path: '/services/v1/services' })).toHaveLength(Math.ceil(services().length / 100));
    // The servers (several) from the server list's one page, the rest of the equipment by id.
    expect(servers.length).toBeGreaterThan(1);
    expect(stack().calls({ path: /^\/bareMetals\/v2\/servers$/ })).toHaveLength(1);
    expect(stack().calls()).toHaveLength(1 + Math.ceil(services().length / 100) + 1 + equipment.size - servers.length);
  });
});

/** What is wrong with a PDF's cross-reference table: `startxref` and every entry must point where they say. */
function xrefProblems(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? -1);
  if (!text.startsWith('xref', start)) return [`startxref ${start} does not point at the xref table`];
  const [, first, count] = /^xref\s+(\d+) (\d+)\s/.exec(text.slice(start)) ?? [];
  const entries = text
    .slice(start)
    .split('\n')
    .slice(2, 2 + Number(count));
  return entries.flatMap((entry, k) => {
    const [offset, , kind] = entry.trim().split(' ');
    const object = Number(first) + k;
    return kind === 'f' || text.startsWith(`${object} 0 obj`, Number(offset)) ? [] : [`object ${object} is not at ${offset}`];
  });
}

describe('invoice PDF download', () => {
  const download = (path: string, headers: Record<string, string> = { 'x-lsw-auth': DEMO_API_KEY }, init: RequestInit = {}) =>
    fetch(origin() + path, { headers, ...init });

  it('streams the PDF of pdfUrl with the caller’s key, as an attachment', async () => {
    const i = invoices()[1]!;
    const { invoice } = await stack().data(`{ invoice(id: "${i.id}") { pdfUrl } }`);
    expect(invoice.pdfUrl).toBe(`/downloads/invoices/${i.id}.pdf`);
    stack().emulator.clearLog();
    const res = await download(invoice.pdfUrl);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="invoice-${i.id}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.toString('latin1')).toContain(`Leaseweb invoice ${i.id}`);
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(xrefProblems(bytes)).toEqual([]);
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}${c.search}`),
    ).toEqual([`GET /invoices/v1/invoices/${i.id}/pdf`]);
  });

  it('takes the key from Authorization: Bearer too, and reads nothing from a cache', async () => {
    const path = `/downloads/invoices/${invoices()[0]!.id}.pdf`;
    for (let n = 0; n < 2; n++) expect((await download(path, { authorization: `Bearer ${DEMO_API_KEY}` })).status).toBe(200);
    expect(stack().calls({ path: '/pdf' })).toHaveLength(2);
  });

  it('uses the gateway’s own key when the request brings none, and the caller’s when it does', async () => {
    const trusted = await startStack({ gateway: { apiKey: DEMO_API_KEY } });
    try {
      const path = `/downloads/invoices/${trusted.demo.invoices.invoices[0]!.id}.pdf`;
      const base = trusted.gateway.url.replace(/\/graphql$/, '');
      expect((await fetch(base + path)).status).toBe(200);
      // The other customer has no such invoice: proof that their key, not the gateway's, was sent.
      expect((await fetch(base + path, { headers: { 'x-lsw-auth': OTHER_API_KEY } })).status).toBe(404);
    } finally {
      await trusted.close();
    }
  });

  it('answers 401 without a key, before any upstream call', async () => {
    const res = await download(`/downloads/invoices/${invoices()[0]!.id}.pdf`, {});
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(stack().calls()).toHaveLength(0);
  });

  it('maps upstream errors to their status with a small JSON body of its own, never Leaseweb’s', async () => {
    const path = `/downloads/invoices/${invoices()[0]!.id}.pdf`;
    const cases: Array<[() => Promise<Response>, number, string]> = [
      [() => download('/downloads/invoices/99999999.pdf'), 404, 'NOT_FOUND'],
      [() => download(path, { 'x-lsw-auth': 'not-a-customer-key' }), 401, 'UNAUTHENTICATED'],
      [() => (stack().emulator.failNext({ match: '/pdf', kind: 'status', status: 503 }), download(path)), 503, 'UPSTREAM_ERROR'],
      [() => (stack().emulator.failNext({ match: '/pdf', kind: 'status', status: 500 }), download(path)), 502, 'UPSTREAM_ERROR'],
    ];
    for (const [send, status, code] of cases) {
      const res = await send();
      expect(res.status, code).toBe(status);
      const text = await res.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
      // Neither the emulator's message nor its correlation id is passed on.
      expect(text).not.toMatch(/could not be found|not authorized|temporarily unavailable|correlationId/);
    }
    // A download is never retried: one upstream call each.
    expect(stack().calls({ path: '/pdf' })).toHaveLength(4);
  });

  it('keeps the invoice id inside its path segment, and refuses dot segments and other methods before any call', async () => {
    const res = await download('/downloads/invoices/..%2F..%2Fservices%2Fv1%2Fservices.pdf');
    expect(res.status).toBe(404);
    expect(
      stack()
        .calls()
        .map((c) => c.path),
    ).toEqual(['/invoices/v1/invoices/..%2F..%2Fservices%2Fv1%2Fservices/pdf']);
    stack().emulator.clearLog();
    expect((await download('/downloads/invoices/%2E%2E.pdf')).status).toBe(400);
    expect((await download('/downloads/invoices/%E0%A4%A.pdf')).status).toBe(400);
    expect((await download(`/downloads/invoices/${invoices()[0]!.id}`)).status).toBe(404);
    const post = await download(`/downloads/invoices/${invoices()[0]!.id}.pdf`, { 'x-lsw-auth': DEMO_API_KEY }, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
    expect(stack().calls()).toHaveLength(0);
  });

  it('never puts a key in pdfUrl or in any log line', async () => {
    const { invoices: page } = await stack().data('{ invoices(first: 100) { nodes { pdfUrl } } }', undefined, { bearer: true });
    for (const { pdfUrl } of page.nodes) expect(pdfUrl).toMatch(/^\/downloads\/invoices\/\d+\.pdf$/);
    await download(page.nodes[0].pdfUrl);
    await download(page.nodes[0].pdfUrl, { authorization: `Bearer ${OTHER_API_KEY}` });
    await download(page.nodes[0].pdfUrl, { 'x-lsw-auth': 'a-wrong-key-7f3e' });
    // The capture works: it holds this file's access and download lines …
    expect(logLines.some((l) => l.includes('"msg":"graphql"'))).toBe(true);
    expect(logLines.filter((l) => l.includes('"msg":"download"')).length).toBeGreaterThanOrEqual(3);
    // … and none of them, nor the emulator's request log, holds a key.
    for (const key of [DEMO_API_KEY, OTHER_API_KEY, 'a-wrong-key-7f3e', 'not-a-customer-key']) {
      expect(logLines.filter((l) => l.includes(key))).toEqual([]);
      expect(JSON.stringify(stack().emulator.log)).not.toContain(key);
    }
  });

  it('reached every documented invoices operation through GraphQL or the download route', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(4);
    expect(reached.missing()).toEqual([]);
  });
});

describeIf(samplesAvailable)('sample conformance: invoices', () => {
  it('serves every JSON read with the documented shape', async () => {
    const withCredits = invoices().find((i) => i.credits.length)!;
    const gets: Record<string, string> = {
      listInvoices: '/invoices/v1/invoices',
      inspectInvoice: `/invoices/v1/invoices/${withCredits.id}`,
      getProforma: '/invoices/v1/invoices/proforma',
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`invoices.${op}`)), op).toEqual([]);
    }
  });
});
