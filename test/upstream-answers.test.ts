import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { useStack } from './support/stack.js';

const stack = useStack({ gateway: { upstream: { retryBaseMs: 5, maxRetries: 1 } } });
const firstServer = () => [...stack().demo.dedicatedServers.servers.values()][0]!.server;

/** What the emulator itself answers (Leaseweb's side), to hold it to the documented samples. */
async function upstream(path: string, init: RequestInit = {}) {
  const res = await fetch(stack().emulator.url + path, {
    ...init,
    headers: { 'x-lsw-auth': DEMO_API_KEY, 'content-type': 'application/json', ...init.headers },
  });
  return (await res.json()) as any;
}

describe('answers that are not what they claim', () => {
  it.each(['html', 'empty'] as const)('fails the field with UPSTREAM_ERROR on a 200 with an %s body, the rest answering', async (kind) => {
    stack().emulator.failNext({ match: '/domains', kind });
    const res = await stack().query('{ dedicatedServers(first: 1) { totalCount } domains(first: 1) { totalCount } }');
    expect(res.status).toBe(200);
    expect(res.data?.dedicatedServers.totalCount).toBe(stack().demo.dedicatedServers.servers.size);
    expect(res.data?.domains).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ path: ['domains'], extensions: { code: 'UPSTREAM_ERROR', leaseweb: { status: 200 } } });
    expect(res.errors?.[0]?.message).toMatch(
      kind === 'html' ? /text\/html body where JSON was expected/ : /empty body where JSON was expected/,
    );
  });

  it('fails a nested field, never answering it as empty data', async () => {
    stack().emulator.failNext({ match: '/ipMgmt', kind: 'html' });
    const res = await stack().query('{ dedicatedServers(first: 2) { nodes { leasewebId ips { totalCount } } } }');
    expect(res.data?.dedicatedServers.nodes[0].leasewebId).toBeTruthy();
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors?.every((e) => e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
  });

  it('keeps a 204 without a body a success', async () => {
    const server = firstServer();
    const res = await stack().query('mutation($s: ID!) { powerCycleEquipment(input: { equipmentId: $s }) { userErrors { message } } }', {
      s: `gid://leaseweb/DedicatedServer/${server.id}`,
    });
    expect(res.errors).toBeUndefined();
  });
});

describe('the emulator answers the documented shapes', () => {
  it('answers a server datatraffic setting PUT with {frequency, threshold, unit}, and the mutation still answers settingId', async () => {
    const server = firstServer();
    const setting = stack().demo.dedicatedServers.servers.get(server.id)!.datatrafficSettings[0]!;
    const raw = await upstream(`/bareMetals/v2/servers/${server.id}/notificationSettings/datatraffic/${setting.id}`, {
      method: 'PUT',
      body: JSON.stringify({ frequency: 'DAILY', threshold: '1', unit: 'MB' }),
    });
    expect(raw).toEqual({ frequency: 'DAILY', threshold: '1', unit: 'MB' });
    const res = await stack().data(
      'mutation($i: UpdateNotificationSettingInput!) { updateNotificationSetting(input: $i) { notificationSetting { settingId unit } userErrors { message } } }',
      {
        i: {
          equipmentId: `gid://leaseweb/DedicatedServer/${server.id}`,
          kind: 'DATATRAFFIC',
          settingId: setting.id,
          frequency: 'WEEKLY',
          threshold: 2,
          unit: 'GB',
        },
      },
    );
    expect(res.updateNotificationSetting).toEqual({ notificationSetting: { settingId: setting.id, unit: 'GB' }, userErrors: [] });
  });

  it('shows network interface IPs as bare addresses', async () => {
    const raw = await upstream(`/bareMetals/v2/servers/${firstServer().id}`);
    for (const nic of Object.values(raw.networkInterfaces) as Array<{ ip?: string } | null>) if (nic?.ip) expect(nic.ip).not.toContain('/');
  });

  it('gives every server IP a reverseLookup string', async () => {
    const raw = await upstream(`/bareMetals/v2/servers/${firstServer().id}/ips?limit=50`);
    for (const ip of raw.ips) expect(typeof ip.reverseLookup).toBe('string');
  });

  it('names the granularity in metrics _metadata even when none was asked', async () => {
    const raw = await upstream(
      `/bareMetals/v2/servers/${firstServer().id}/metrics/datatraffic?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z&aggregation=SUM`,
    );
    expect(raw._metadata.granularity).toBe('DAY');
  });

  it('lists standard images with a region', async () => {
    const raw = await upstream('/publicCloud/v1/images?standard=true');
    for (const image of raw.images) expect(typeof image.region).toBe('string');
  });

  it('names a pro forma line’s product by its category', async () => {
    const raw = await upstream('/invoices/v1/invoices/proforma');
    const products = new Set(raw.contractItems.map((i: { product: string }) => i.product));
    expect([...products].every((p) => ['Dedicated server', 'Public cloud', 'Domain'].includes(p as string))).toBe(true);
  });
});
