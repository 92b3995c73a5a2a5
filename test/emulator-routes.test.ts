import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIf } from './support/samples.js';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/emulator/http.js';
import { resource } from '../src/emulator/resource.js';
import { Router } from '../src/emulator/router.js';
import { routeTable } from '../src/emulator/server.js';
import type { EmulatorRequest, EmulatorResponse, FamilyName, HttpMethod } from '../src/emulator/types.js';

const FAMILIES: FamilyName[] = ['ips', 'credentials', 'notificationSettings', 'metrics', 'power', 'snapshots', 'iso', 'console'];

describe('the emulator route table', () => {
  const routes = routeTable();

  it('names every route by a unique operation id, with a method, a path template and a named handler', () => {
    expect(routes.length).toBeGreaterThan(100);
    const ids = routes.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of routes) {
      expect(r.id, r.id).toMatch(/^[a-zA-Z0-9]+\.[a-zA-Z0-9]+$/);
      expect(r.product).toBe(r.id.split('.')[0]);
      expect(['GET', 'POST', 'PUT', 'DELETE'], r.id).toContain(r.method);
      // A trailing slash only where Leaseweb documents one (`GET /publicCloud/v1/vps/`); a parameter
      // inside a segment only as Leaseweb writes it (`lsw-rmvpn-{datacenter}.ovpn`).
      expect(r.path, r.id).toMatch(/^(\/([A-Za-z0-9]+|[A-Za-z0-9-]*\{[A-Za-z]+\}(\.[a-z]+)?))+\/?$/);
      expect(r.handlerName, r.id).toMatch(/^[a-zA-Z]\w*$/);
      if (r.family) expect(FAMILIES, r.id).toContain(r.family);
    }
  });

  it('serves no method and path twice', () => {
    const keys = routes.map((r) => `${r.method} ${r.path.replace(/\{\w+\}/g, '{}')}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('marks the sub-resource families of servers and instances, and leaves the rest to their product', () => {
    const family = (id: string) => routes.find((r) => r.id === id)?.family;
    expect(family('dedicatedServers.showServerPowerStatus')).toBe('power');
    expect(family('dedicatedServers.listServerIps')).toBe('ips');
    expect(family('dedicatedServers.showServerNullRouteHistory')).toBe('ips');
    expect(family('publicCloud.deleteAllInstanceCredentials')).toBe('credentials');
    expect(family('dedicatedServers.updateDdosNotificationSettings')).toBe('notificationSettings');
    expect(family('publicCloud.getInstanceCpuMetrics')).toBe('metrics');
    expect(family('publicCloud.restoreInstanceSnapshot')).toBe('snapshots');
    expect(family('dedicatedServers.getServer')).toBeUndefined();
    const owners: Record<string, string[]> = {
      ips: ['dedicatedRacks', 'dedicatedServers', 'networkEquipments', 'publicCloud', 'vps'],
      credentials: ['dedicatedRacks', 'dedicatedServers', 'networkEquipments', 'publicCloud', 'vps'],
      metrics: ['dedicatedRacks', 'dedicatedServers', 'publicCloud', 'vps'],
      power: ['dedicatedServers', 'networkEquipments', 'publicCloud', 'vps'],
    };
    for (const [name, expected] of Object.entries(owners)) {
      const products = new Set(routes.filter((r) => r.family === name).map((r) => r.product));
      expect([...products].sort(), name).toEqual(expected);
    }
  });
});

/** The emulator's source modules and what each imports (relative imports only). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const deps = [...readFileSync(path, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) =>
          resolve(dirname(path), m[1]!.replace(/\.js$/, '.ts')),
        );
        graph.set(
          path,
          deps.filter((p) => p.startsWith(dir)),
        );
      }
    }
  };
  walk(dir);
  return graph;
}

describe('the emulator modules', () => {
  it('import each other without a cycle (products declare their own sections; the manifest imports them)', () => {
    const dir = fileURLToPath(new URL('../src/emulator', import.meta.url));
    const graph = importGraph(dir);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, stack: string[]) => {
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open')
          cycles.push([...stack.slice(stack.indexOf(next)), node, next].map((p) => p.slice(dir.length + 1)).join(' → '));
        else if (!state.has(next)) visit(next, [...stack, node]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

describe('resource(): a plain collection from a declaration', () => {
  interface Thing {
    id: string;
    name: string;
    colour: string;
  }
  type Data = { things: Thing[]; next: number };
  const routes = resource<Data, Thing>({
    path: '/things/v1/things',
    idParam: 'thingId',
    key: 'things',
    noun: 'thing',
    ops: {
      list: 'things.listThings',
      get: 'things.getThing',
      create: 'things.createThing',
      update: 'things.updateThing',
      delete: 'things.deleteThing',
    },
    items: (req) => req.data.things,
    id: (t) => t.id,
    summary: ({ id, name }) => ({ id, name }),
    filters: { colour: (t, value) => t.colour === value },
    create: {
      rules: { name: 'string', colour: ['RED', 'BLUE'] },
      required: ['name', 'colour'],
      build: (req, body) => ({ id: String(req.data.next++), ...(body as Omit<Thing, 'id'>) }),
    },
    update: { rules: { name: 'string' }, required: ['name'] },
  });
  const router = new Router();
  for (const route of routes) router.add(route);
  const data: Data = {
    things: Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1), name: `thing ${i + 1}`, colour: i % 2 ? 'RED' : 'BLUE' })),
    next: 26,
  };

  async function call(method: HttpMethod, url: string, body?: unknown): Promise<EmulatorResponse> {
    const { pathname, searchParams } = new URL(url, 'http://emulator');
    const match = router.match(method, pathname);
    if (match.kind !== 'found') throw new Error(`no route for ${method} ${pathname}`);
    const req: EmulatorRequest<Data> = { method, path: pathname, params: match.params, query: searchParams, body, data };
    try {
      return await match.route.handler(req);
    } catch (error) {
      if (error instanceof ApiError)
        return { status: error.status, body: { errorMessage: error.message, errorDetails: error.errorDetails } };
      throw error;
    }
  }

  it('declares one named route per operation given', () => {
    expect(routes.map((r) => [r.id, r.method, r.path, r.handler.name])).toEqual([
      ['things.listThings', 'GET', '/things/v1/things', 'listThings'],
      ['things.createThing', 'POST', '/things/v1/things', 'createThing'],
      ['things.getThing', 'GET', '/things/v1/things/{thingId}', 'getThing'],
      ['things.updateThing', 'PUT', '/things/v1/things/{thingId}', 'updateThing'],
      ['things.deleteThing', 'DELETE', '/things/v1/things/{thingId}', 'deleteThing'],
    ]);
  });

  it('lists a page with limit/offset and _metadata, summaries, and filters', async () => {
    const page = await call('GET', '/things/v1/things?limit=5&offset=20');
    expect(page.body).toEqual({
      _metadata: { limit: 5, offset: 20, totalCount: 25 },
      things: [21, 22, 23, 24, 25].map((n) => ({ id: String(n), name: `thing ${n}` })),
    });
    const red = (await call('GET', '/things/v1/things?colour=RED&limit=100')).body as { _metadata: { totalCount: number } };
    expect(red._metadata.totalCount).toBe(12);
    expect((await call('GET', '/things/v1/things?limit=x')).status).toBe(400);
  });

  it('gets, creates, updates and deletes, with 400s for bad bodies and 404s for unknown ids', async () => {
    expect((await call('GET', '/things/v1/things/3')).body).toEqual({ id: '3', name: 'thing 3', colour: 'BLUE' });
    expect(await call('GET', '/things/v1/things/99')).toEqual({
      status: 404,
      body: { errorMessage: 'The requested thing could not be found.', errorDetails: undefined },
    });

    const refused = await call('POST', '/things/v1/things', { name: 'x', colour: 'GREEN', size: 1 });
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as { errorDetails: object }).errorDetails).sort()).toEqual(['colour', 'size']);
    const created = await call('POST', '/things/v1/things', { name: 'new', colour: 'RED' });
    expect(created).toEqual({ status: 201, body: { id: '26', name: 'new', colour: 'RED' } });

    expect((await call('PUT', '/things/v1/things/26', {})).status).toBe(400);
    expect((await call('PUT', '/things/v1/things/26', { name: 'renamed' })).body).toEqual({ id: '26', name: 'renamed', colour: 'RED' });

    expect((await call('DELETE', '/things/v1/things/26')).status).toBe(204);
    expect((await call('DELETE', '/things/v1/things/26')).status).toBe(404);
    expect(data.things).toHaveLength(25);
  });
});

const endpointsFile = fileURLToPath(new URL('../../shared/leaseweb-api/endpoints.tsv', import.meta.url));

describeIf(existsSync(endpointsFile))('the route table against the reference (../shared/leaseweb-api/endpoints.tsv)', () => {
  it('gives every route the id, method and path of one documented operation', () => {
    const [header, ...rows] = readFileSync(endpointsFile, 'utf8').trim().split('\n');
    const col = (name: string) => header!.split('\t').indexOf(name);
    const documented = new Set(
      rows.map((line) => {
        const cells = line.split('\t');
        return `${cells[col('id')]} ${cells[col('method')]} /${cells[col('product')]}${cells[col('path')]}`;
      }),
    );
    const undocumented = routeTable()
      .map((r) => `${r.id} ${r.method} ${r.path}`)
      .filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
  });
});
