import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, LeasewebGraphClient } from '../examples/client.js';
import { IpEquipmentDocument, ServerListDocument } from '../examples/generated/graphql.js';
import { allServers, ipEquipment, latestInvoices, renameServer, UserInputError, whereRecordsPoint } from '../examples/portal.js';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { useStack } from './support/stack.js';

// The example client of examples/ (typed by codegen's client preset from
// examples/operations/*.graphql) run as a portal would run it, against the demo data.
const stack = useStack();
const client = () => new LeasewebGraphClient({ url: stack().gateway.url, apiKey: DEMO_API_KEY });

const demoServers = () => [...stack().demo.dedicatedServers.servers.values()].map((r) => r.server);
const ipRecord = (address: string) => stack().demo.ipManagement.ips.get(address);

describe('examples/ client', () => {
  it('walks every dedicated server page by page', async () => {
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of allServers(client(), 25)) {
      pages.push(page.length);
      for (const server of page) {
        seen.push(server.leasewebId);
        expect(server.id).toBe(`gid://leaseweb/DedicatedServer/${server.leasewebId}`);
        const ips = stack().demo.ipManagement.byEquipment.get(server.leasewebId) ?? [];
        expect(server.ips?.totalCount).toBe(ips.length);
        for (const ip of server.ips?.nodes ?? []) expect(ips.map((r) => r.ip)).toContain(ip.ip);
      }
    }
    const all = demoServers();
    expect(pages).toEqual([25, 25, all.length - 50]);
    expect(new Set(seen).size).toBe(all.length);
    expect(seen.sort()).toEqual(all.map((s) => s.id).sort());
  });

  it("finds an IP's equipment, a server's and an instance's, and null for an IP that is not the account's", async () => {
    const server = demoServers()[3]!;
    const serverIp = stack().demo.ipManagement.byEquipment.get(server.id)![0]!.ip;
    const instance = [...stack().demo.publicCloud.instances.values()][0]!.instance;
    const instanceIp = stack().demo.ipManagement.byEquipment.get(instance.id)![0]!.ip;

    const onServer = await ipEquipment(client(), serverIp);
    expect(onServer?.equipment).toMatchObject({
      __typename: 'DedicatedServer',
      leasewebId: server.id,
      reference: server.contract.reference,
    });
    const onInstance = await ipEquipment(client(), instanceIp);
    expect(onInstance?.equipment).toMatchObject({ __typename: 'PublicCloudInstance', leasewebId: instance.id });
    expect(await ipEquipment(client(), '192.0.2.1')).toBeNull();
  });

  it("follows a domain's A records to the servers they point at", async () => {
    const domain = [...stack().demo.domains.domains.values()].find((d) => d.zone?.some((s) => s.type === 'A'))!;
    const records = await whereRecordsPoint(client(), domain.domainName);
    const expected = domain.zone!.filter((s) => s.type === 'A');
    expect(records?.map((r) => r.name)).toEqual(expected.map((s) => s.name));
    const targets = records!.flatMap((r) => r.targets);
    expect(targets.map((t) => t.address)).toEqual(expected.flatMap((s) => s.content));
    for (const target of targets) {
      const owner = ipRecord(target.address)?.equipmentId;
      expect(target.equipment).toBe(owner ? `DedicatedServer ${owner}` : null);
    }
    expect(targets.some((t) => t.equipment)).toBe(true);
    expect(await whereRecordsPoint(client(), 'no-such-domain.example')).toBeNull();
  });

  it('lists the latest invoices with their lines and the equipment each line bills', async () => {
    const invoices = await latestInvoices(client(), 3);
    const demo = stack().demo.invoices.invoices.slice(0, 3);
    expect(invoices.map((i) => i.id)).toEqual(demo.map((i) => i.id));
    for (const [k, invoice] of invoices.entries()) {
      const source = demo[k]!;
      expect(invoice.status).toBe(source.status);
      expect(invoice.total).toBe(`${source.total} ${source.currency}`);
      expect(invoice.lines.map((l) => [l.product, l.quantity, l.total])).toEqual(
        source.lineItems.map((l) => [l.product, l.quantity, l.total]),
      );
      const billed = invoice.lines.filter((l) => l.equipment);
      expect(billed.length).toBeGreaterThan(0);
      for (const [i, line] of invoice.lines.entries()) {
        const equipmentId = source.lineItems[i]!.equipmentId;
        if (line.equipment) expect(line.equipment).toMatch(new RegExp(` ${equipmentId}$`));
      }
    }
  });

  it('renames a server, and reports a refusal as a user error', async () => {
    const server = demoServers()[0]!;
    const renamed = await renameServer(client(), `gid://leaseweb/DedicatedServer/${server.id}`, 'portal-example');
    expect(renamed).toEqual({ id: `gid://leaseweb/DedicatedServer/${server.id}`, reference: 'portal-example' });
    expect(stack().demo.dedicatedServers.servers.get(server.id)!.server.contract.reference).toBe('portal-example');

    const refused = await renameServer(client(), '999999999', 'x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).errors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('returns partial answers from execute and throws GraphQLRequestError from request', async () => {
    const anonymous = new LeasewebGraphClient({ url: stack().gateway.url });
    const denied = await anonymous.request(ServerListDocument, { first: 1 }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(GraphQLRequestError);
    expect((denied as GraphQLRequestError).status).toBe(401);
    expect((denied as GraphQLRequestError).errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const result = await client().execute(IpEquipmentDocument, { ip: 'not an ip' });
    expect(result.data).toBeNull();
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
