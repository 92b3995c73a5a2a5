import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';

// The GraphiQL page at GET /graphql (Accept: text/html). @graphql-yoga/render-graphiql
// renders one self-contained HTML page (~9 MB: GraphiQL, Monaco and its workers inlined),
// so it works offline where Apollo's landing page needs a CDN. The page is the same for
// every caller (no key in it), so it is rendered and compressed once per process, on the
// first request, and the browser may cache it.

/** The example operations GraphiQL opens with, one tab each: walks along the graph's edges, not only lists. */
export const GRAPHIQL_TABS: ReadonlyArray<{ query: string; variables?: string }> = [
  {
    query: `# Welcome to leaseweb-graph: one GraphQL API over the Leaseweb API.
# Each tab is an example; run it with ▶ (Ctrl-Enter). Ctrl-Space completes, the Docs
# panel describes every type. Send your key in Headers: {"X-LSW-Auth": "<your API key>"}
# (the demo needs none).
#
# Servers → their IPs → each IP's null routes.
query ServersIpsNullRoutes {
  dedicatedServers(first: 5) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      reference
      location { site suite rack }
      ips(first: 10) {
        nodes {
          ip
          nullRouted
          nullRouteHistory(first: 3) {
            nodes { nulledAt unnulledAt comment nullLevel }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# A domain's A records → the IPs they point at → the machine behind each IP.
# One request; the gateway reads every address in one ipMgmt call.
query DomainARecordsToEquipment {
  domains(first: 3) {
    nodes {
      domainName
      recordSets(filter: { type: A }) {
        nodes {
          name
          content
          ips {
            ip
            equipment {
              __typename
              ... on DedicatedServer { leasewebId reference location { site } }
              ... on PublicCloudInstance { leasewebId reference region { name } }
            }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# Invoices → their lines → the service of each line → the equipment it bills.
query InvoicesLinesServicesEquipment {
  invoices(first: 3) {
    nodes {
      leasewebId
      date
      status
      total { amount currency }
      lineItems {
        product
        total { amount currency }
        service {
          leasewebId
          productId
          equipment {
            __typename
            ... on DedicatedServer { leasewebId reference }
            ... on PublicCloudInstance { leasewebId reference }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# Any object by its global id: paste an \`id\` from another answer into the variables.
query AnyNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on DedicatedServer { reference ips(first: 3) { nodes { ip } } service { status } }
    ... on Ip { ip equipment { __typename id } }
  }
}
`,
    variables: '{ "id": "gid://leaseweb/DedicatedServer/<leaseweb id>" }',
  },
];

/** How long a browser keeps the page before asking again; it then revalidates with the ETag (304). */
const MAX_AGE_SECONDS = 3600;

interface Page {
  etag: string;
  gzip: Buffer;
  /** Brotli takes a few seconds more: until it is ready, gzip is sent. */
  brotli?: Buffer;
  brotliReady: Promise<void>;
}

let page: Promise<Page> | undefined;

/** The page, rendered and gzipped on first use (shared by every gateway of the process). */
export function graphiqlPage(): Promise<Page> {
  page ??= render().catch((error: unknown) => {
    page = undefined; // a failed render is tried again on the next request
    throw error;
  });
  return page;
}

async function render(): Promise<Page> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(
    renderGraphiQL({
      title: 'leaseweb-graph',
      endpoint: '/graphql',
      defaultTabs: GRAPHIQL_TABS,
    } as never),
  );
  const hash = createHash('sha256').update(html).digest('base64url').slice(0, 22);
  // The uncompressed page is not kept: the rare client without gzip gets it gunzipped.
  const gzipped = await promisify(gzip)(html, { level: 9 });
  const result: Page = { etag: hash, gzip: gzipped, brotliReady: Promise.resolve() };
  // Quality 9: 1.86 MB in ~4 s of one thread-pool thread; 11 saves 150 KB more for ~26 s of CPU.
  result.brotliReady = promisify(brotliCompress)(html, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: html.length },
  }).then(
    (compressed) => void (result.brotli = compressed),
    () => undefined, // gzip stays
  );
  return result;
}

/** Serves the page: br or gzip as the browser accepts, ETag, Cache-Control, 304 on a matching If-None-Match. */
export async function sendGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { etag, gzip: gzipped, brotli } = await graphiqlPage();
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const encoding = brotli && accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : 'identity';
  const headers: Record<string, string | number> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': `public, max-age=${MAX_AGE_SECONDS}`,
    // Representations differ by encoding; /graphql answers JSON to other Accept headers.
    vary: 'Accept, Accept-Encoding',
    etag: `"${etag}${encoding === 'identity' ? '' : `-${encoding}`}"`,
    'x-content-type-options': 'nosniff',
  };
  if (notModified(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = encoding === 'br' ? brotli! : encoding === 'gzip' ? gzipped : await promisify(gunzip)(gzipped);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Encodings the client accepts (q=0 refuses one). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('*')) accepted.add('br').add('gzip');
  return accepted;
}

/** If-None-Match against the page (weak comparison, as RFC 9110 asks for it): any encoding's tag matches. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '');
    return opaque === '*' || opaque === `"${etag}"` || opaque.startsWith(`"${etag}-`);
  });
}
