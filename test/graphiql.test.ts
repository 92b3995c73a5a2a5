import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_TABS, graphiqlPage } from '../src/graphiql.js';
import { buildSchema } from '../src/schema.js';
import { useStack } from './support/stack.js';

// GraphiQL at GET /graphql, as a browser gets it: compressed, cacheable, and opening on
// example operations that walk the graph.
const stack = useStack();

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request without fetch's automatic decompression, so sizes are what goes over the wire. */
function get(headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(stack().gateway.url, { method, headers: { accept: 'text/html', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const MB = 1024 * 1024;

beforeAll(async () => {
  // Brotli is made in the background after the first request; wait for it.
  await (
    await graphiqlPage()
  ).brotliReady;
});

describe('GraphiQL page', () => {
  it('is sent with brotli or gzip as accepted, a fifth of its size, and the same page in every encoding', async () => {
    const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get({ 'accept-encoding': 'gzip' });
    const plain = await get({});
    const noBr = await get({ 'accept-encoding': 'br;q=0, gzip;q=0.8' });

    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(noBr.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }

    const html = plain.body;
    expect(html.length).toBeGreaterThan(8 * MB);
    expect(br.body.length).toBeLessThan(2 * MB);
    expect(gz.body.length).toBeLessThan(2.6 * MB);
    expect(brotliDecompressSync(br.body).equals(html)).toBe(true);
    expect(gunzipSync(gz.body).equals(html)).toBe(true);
    expect(html.toString()).toContain('<title>leaseweb-graph</title>');
  });

  it('may be cached by the browser, one ETag per encoding, and revalidates with 304', async () => {
    const br = await get({ 'accept-encoding': 'br' });
    const gz = await get({ 'accept-encoding': 'gzip' });
    const plain = await get({});
    expect(br.headers['cache-control']).toBe('public, max-age=3600');
    expect(br.headers.vary).toBe('Accept, Accept-Encoding');
    const tags = [br, gz, plain].map((r) => r.headers.etag as string);
    expect(new Set(tags).size).toBe(3);
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]+"$/);

    // The tag it got, a tag of another encoding (the same page), a weak tag, or a list holding one.
    for (const ifNoneMatch of [tags[0]!, tags[1]!, `W/${tags[2]}`, `"old", ${tags[0]}`]) {
      const again = await get({ 'accept-encoding': 'br', 'if-none-match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(tags[0]);
      expect(again.headers['cache-control']).toBe('public, max-age=3600');
    }
    const changed = await get({ 'accept-encoding': 'br', 'if-none-match': '"an-older-page-br"' });
    expect(changed.status).toBe(200);
    expect(changed.body.length).toBe(br.body.length);
  });

  it('answers HEAD with the headers only', async () => {
    const head = await get({ 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(MB);
    expect(head.body.length).toBe(0);
  });

  it('opens on example tabs, each valid against the schema and answering edges on the demo data', async () => {
    const html = (await get({})).body.toString();
    const options = html.match(/renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s);
    expect(options).not.toBeNull();
    const { defaultTabs, endpoint } = JSON.parse(options![1]!) as { defaultTabs: typeof GRAPHIQL_TABS; endpoint: string };
    expect(endpoint).toBe('/graphql');
    expect(defaultTabs).toEqual(GRAPHIQL_TABS);
    expect(defaultTabs.length).toBeGreaterThanOrEqual(3);

    const schema = buildSchema();
    for (const tab of defaultTabs) expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);

    const [servers, domains, invoices, node] = defaultTabs.map((t) => t.query);
    const s = await stack().data(servers!);
    const ips = s.dedicatedServers.nodes.flatMap((n: any) => n.ips.nodes);
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.flatMap((ip: any) => ip.nullRouteHistory.nodes).length).toBeGreaterThan(0);

    const d = await stack().data(domains!);
    const targets = d.domains.nodes.flatMap((n: any) => n.recordSets.nodes.flatMap((r: any) => r.ips));
    expect(targets.some((ip: any) => ip?.equipment?.__typename === 'DedicatedServer')).toBe(true);

    const i = await stack().data(invoices!);
    const lines = i.invoices.nodes.flatMap((n: any) => n.lineItems);
    expect(lines.some((l: any) => l.service?.equipment?.leasewebId)).toBe(true);

    const id = s.dedicatedServers.nodes[0].id;
    expect(JSON.parse(defaultTabs[3]!.variables!)).toHaveProperty('id');
    const n = await stack().data(node!, { id });
    expect(n.node).toMatchObject({ __typename: 'DedicatedServer', id });
  });
});
