import { describe, expect, it, vi } from 'vitest';
import { decodeCursor, encodeCursor } from '../src/resolvers/connection.js';
import { decimal, money, subtractDecimals, sumDecimals } from '../src/resolvers/money.js';
import { DateTime } from '../src/resolvers/scalars.js';
import { captureLogLines } from './support/logs.js';
import { useStack } from './support/stack.js';
import { cursor } from './support/values.js';

// The unknown-enum warning is a log line: capture them (and keep them off the console).
// The level is set before the logger is first imported.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'warn';
});
const logLines = captureLogLines();

const stack = useStack();

describe('enums over Leaseweb values', () => {
  it('answers UNKNOWN for a value Leaseweb added, logging it once per enum and value', async () => {
    const invoices = stack().demo.invoices.invoices;
    invoices[0]!.status = 'REFUNDED';
    invoices[1]!.status = 'REFUNDED';
    const server = [...stack().demo.dedicatedServers.servers.values()][0]!;
    (server.power as { ipmi: string }).ipmi = 'standby';
    const query = `query($id: ID!) {
      invoices(first: 3) { nodes { leasewebId status } }
      dedicatedServer(id: $id) { powerStatus { ipmi pdu } }
    }`;
    const first = await stack().data(query, { id: server.server.id });
    expect(first.invoices.nodes.map((n: any) => n.status)).toEqual(['UNKNOWN', 'UNKNOWN', invoices[2]!.status]);
    expect(first.dedicatedServer.powerStatus).toEqual({ ipmi: 'UNKNOWN', pdu: server.power.pdu.toUpperCase() });
    await stack().data(query, { id: server.server.id });
    const warnings = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg.startsWith('unknown enum value'));
    expect(warnings.map((w) => [w.level, w.enum, w.value])).toEqual([
      ['warn', 'InvoiceStatus', 'REFUNDED'],
      ['warn', 'PowerState', 'standby'],
    ]);
  });

  it('takes enums in filters and sends Leaseweb its own strings', async () => {
    const server = [...stack().demo.dedicatedServers.servers.values()].find((r) => r.jobs.some((j) => j.type === 'install'))!;
    const data = await stack().data(
      `query($id: ID!) { dedicatedServer(id: $id) { jobs(filter: { type: INSTALL, status: FINISHED }) { nodes { type status } } } }`,
      { id: server.server.id },
    );
    expect(data.dedicatedServer.jobs.nodes.length).toBeGreaterThan(0);
    expect(new Set(data.dedicatedServer.jobs.nodes.map((n: any) => `${n.type} ${n.status}`))).toEqual(new Set(['INSTALL FINISHED']));
    expect(new URLSearchParams(stack().calls({ path: /\/jobs$/ })[0]!.search).get('type')).toBe('install');
  });
});

describe('DateTime', () => {
  it('answers every offset form Leaseweb writes in UTC with Z', () => {
    expect(DateTime.serialize('2021-01-09T08:54:15+0000')).toBe('2021-01-09T08:54:15Z');
    expect(DateTime.serialize('2021-01-09T08:54:15+00:00')).toBe('2021-01-09T08:54:15Z');
    expect(DateTime.serialize('2021-01-09T08:54:15Z')).toBe('2021-01-09T08:54:15Z');
    expect(DateTime.serialize('2021-01-09T10:54:15+0200')).toBe('2021-01-09T08:54:15Z');
    expect(DateTime.serialize('2021-01-09T08:54:15.250-01:00')).toBe('2021-01-09T09:54:15.250Z');
    expect(DateTime.serialize('2021-01-09')).toBe('2021-01-09T00:00:00Z');
    expect(() => DateTime.serialize('yesterday')).toThrow(/DateTime cannot represent/);
  });

  it('refuses input that is no date-time, and passes a valid one on as written', () => {
    expect(DateTime.parseValue('2030-01-01T00:00:00+0100')).toBe('2030-01-01T00:00:00+0100');
    expect(() => DateTime.parseValue('2030-13-01T00:00:00Z')).toThrow(/DateTime cannot represent/);
    expect(() => DateTime.parseValue(1_700_000_000)).toThrow(/DateTime cannot represent/);
  });

  it('answers Leaseweb’s +0000 snapshot times in the same form end to end', async () => {
    const instance = [...stack().demo.publicCloud.instances.values()].find((r) => r.snapshots.length)!;
    const data = await stack().data(`query($id: ID!) { publicCloudInstance(id: $id) { snapshots { nodes { createdAt } } } }`, {
      id: instance.instance.id,
    });
    expect(instance.snapshots[0]!.created).toMatch(/\+0000$/);
    expect(data.publicCloudInstance.snapshots.nodes[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });
});

describe('Money', () => {
  it('keeps amounts exact: decimal strings, sums and differences without float rounding', () => {
    expect(decimal(49)).toBe('49');
    expect(decimal(12.5)).toBe('12.5');
    expect(decimal('0.0500')).toBe('0.05');
    expect(decimal(1e-7)).toBe('0.0000001');
    expect(decimal(1e21)).toBe('1000000000000000000000');
    expect(sumDecimals([0.1, 0.2])).toBe('0.3');
    expect(sumDecimals(['0.72', 15.54, 13.45, 2.34, 0])).toBe('32.05');
    expect(sumDecimals([])).toBe('0');
    expect(subtractDecimals(121.1, 21.01)).toBe('100.09');
    expect(subtractDecimals(1, 2.5)).toBe('-1.5');
    expect(money('10.00', 'EUR')).toEqual({ amount: '10', currency: 'EUR' });
    expect(() => decimal('1,5')).toThrow(/Not a decimal amount/);
  });
});

describe('cursors', () => {
  it('are opaque, versioned offsets; a bare offset or a tampered cursor is refused before any call', async () => {
    expect(encodeCursor(3)).toBe(cursor(3));
    expect(decodeCursor(cursor(41))).toBe(41);
    const query = `query($after: String) { invoices(first: 2, after: $after) { edges { cursor } pageInfo { startCursor endCursor } } }`;
    const page = await stack().data(query, { after: cursor(1) });
    expect(page.invoices.edges.map((e: any) => e.cursor)).toEqual([cursor(2), cursor(3)]);
    expect(page.invoices.pageInfo).toEqual({ startCursor: cursor(2), endCursor: cursor(3) });
    expect(new URLSearchParams(stack().calls()[0]!.search).get('offset')).toBe('2');
    stack().emulator.clearLog();
    for (const after of ['1', Buffer.from('v2:1').toString('base64url'), Buffer.from('v1:-1').toString('base64url'), `${cursor(1)}=`]) {
      const res = await stack().query(query, { after });
      expect(res.errors?.[0]?.extensions, after).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    }
    expect(stack().calls()).toHaveLength(0);
  });
});

describe('Equipment', () => {
  it('is a Node: its id reads back through node(id:)', async () => {
    const server = [...stack().demo.dedicatedServers.servers.values()][0]!;
    const data = await stack().data(`query($id: ID!) { node(id: $id) { ... on Equipment { id leasewebId } } }`, {
      id: `gid://leaseweb/DedicatedServer/${server.server.id}`,
    });
    expect(data.node).toEqual({ id: `gid://leaseweb/DedicatedServer/${server.server.id}`, leasewebId: server.server.id });
  });
});
