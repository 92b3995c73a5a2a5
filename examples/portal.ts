// What a customer portal does with the graph: each function runs one of the documents in
// operations/ and shapes the answer for a page. Every type below comes from the schema
// through codegen; change a document, run `npm run codegen`, and the compiler shows what moved.
import type { LeasewebGraphClient } from './client.js';
import {
  DomainRecordSetsDocument,
  InvoicesWithLinesDocument,
  IpEquipmentDocument,
  RenameServerDocument,
  ServerListDocument,
  type IpEquipmentQuery,
  type ServerListQuery,
} from './generated/graphql.js';

export type ServerSummary = NonNullable<ServerListQuery['dedicatedServers']>['nodes'][number];
export type IpWithEquipment = NonNullable<IpEquipmentQuery['ip']>;

/** Every dedicated server, page by page (`first`/`after`: pass each page's `endCursor` on). */
export async function* allServers(client: LeasewebGraphClient, pageSize = 20): AsyncGenerator<ServerSummary[]> {
  let after: string | null = null;
  for (;;) {
    const data: ServerListQuery = await client.request(ServerListDocument, { first: pageSize, after });
    const page = data.dedicatedServers;
    if (!page) return;
    yield page.nodes;
    if (!page.pageInfo.hasNextPage) return;
    after = page.pageInfo.endCursor;
  }
}

/** One IP and what it is assigned to; null when the account has no such IP. */
export async function ipEquipment(client: LeasewebGraphClient, ip: string): Promise<IpWithEquipment | null> {
  return (await client.request(IpEquipmentDocument, { ip })).ip;
}

/** For each A record of a domain: its name and, per address, the machine it points at (null: not yours). */
export async function whereRecordsPoint(
  client: LeasewebGraphClient,
  domainName: string,
): Promise<Array<{ name: string; targets: Array<{ address: string; equipment: string | null }> }> | null> {
  const { domain } = await client.request(DomainRecordSetsDocument, { domainName, type: 'A' });
  if (!domain) return null;
  return (domain.recordSets?.nodes ?? []).map((set) => ({
    name: set.name,
    targets: set.content.map((address, i) => {
      const equipment = set.ips?.[i]?.equipment;
      return { address, equipment: equipment ? `${equipment.__typename} ${equipment.leasewebId}` : null };
    }),
  }));
}

/** The latest invoices with their lines, and which of your machines each line bills. */
export async function latestInvoices(client: LeasewebGraphClient, first = 5) {
  const { invoices } = await client.request(InvoicesWithLinesDocument, { first });
  return (invoices?.nodes ?? []).map((invoice) => ({
    id: invoice.leasewebId,
    date: invoice.date,
    status: invoice.status,
    total: `${invoice.total.amount} ${invoice.total.currency}`,
    lines: (invoice.lineItems ?? []).map((line) => ({
      product: line.product,
      quantity: line.quantity,
      total: Number(line.total.amount),
      equipment: line.service?.equipment ? `${line.service.equipment.__typename} ${line.service.equipment.leasewebId}` : null,
    })),
  }));
}

/** A refusal the user can fix, from a mutation's `userErrors`. */
export class UserInputError extends Error {
  constructor(readonly errors: Array<{ field: string[] | null; message: string; code: string | null }>) {
    super(errors.map((e) => `${e.field?.join('.') ?? 'input'}: ${e.message}`).join('; '));
    this.name = 'UserInputError';
  }
}

/** Sets a server's reference; a refusal (unknown server, invalid reference) throws UserInputError. */
export async function renameServer(client: LeasewebGraphClient, serverId: string, reference: string) {
  const { updateDedicatedServer: payload } = await client.request(RenameServerDocument, { serverId, reference });
  if (!payload || payload.userErrors.length) throw new UserInputError(payload?.userErrors ?? []);
  return payload.dedicatedServer;
}
