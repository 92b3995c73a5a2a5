// Runs every example against a gateway and prints what a portal would show:
//   npm start                      # in another terminal: the gateway in demo mode
//   npx tsx examples/main.ts       # GRAPHQL_URL and LEASEWEB_API_KEY to point elsewhere
import { LeasewebGraphClient } from './client.js';
import { DomainNamesDocument } from './generated/graphql.js';
import { allServers, ipEquipment, latestInvoices, renameServer, whereRecordsPoint } from './portal.js';

const client = new LeasewebGraphClient({
  url: process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql',
  apiKey: process.env.LEASEWEB_API_KEY,
});

let servers = 0;
let firstIp: string | undefined;
for await (const page of allServers(client, 50)) {
  servers += page.length;
  firstIp ??= page.find((s) => s.ips?.nodes.length)?.ips?.nodes[0]?.ip;
}
console.log(`${servers} dedicated servers`);

if (firstIp) {
  const ip = await ipEquipment(client, firstIp);
  console.log(`${firstIp} is on ${ip?.equipment?.__typename} ${ip?.equipment?.leasewebId}`);
}

const { domains } = await client.request(DomainNamesDocument);
for (const { domainName } of domains?.nodes ?? []) {
  for (const record of (await whereRecordsPoint(client, domainName)) ?? []) {
    for (const target of record.targets) console.log(`${record.name} A ${target.address} → ${target.equipment ?? 'not yours'}`);
  }
}

for (const invoice of await latestInvoices(client, 3)) {
  console.log(`invoice ${invoice.id} ${invoice.date.slice(0, 10)} ${invoice.status} ${invoice.total}`);
  for (const line of invoice.lines.slice(0, 3))
    console.log(`  ${line.quantity} × ${line.product}: ${line.total} (${line.equipment ?? '-'})`);
}

if (process.argv.includes('--write')) {
  const [first] = (await allServers(client, 1).next()).value ?? [];
  if (first) console.log('renamed:', await renameServer(client, first.id, `${first.reference ?? 'server'}-renamed`));
}
