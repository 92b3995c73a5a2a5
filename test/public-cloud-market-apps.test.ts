import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, OTHER_API_KEY } from '../src/emulator/dataset.js';
import { imageSummary, marketApps, standardImages } from '../src/emulator/public-cloud/catalogues.js';
import { useStack } from './support/stack.js';

/**
 * Market apps end to end: the catalogue (`GET /publicCloud/v1/marketApps`, no GET by id),
 * `node(id:)`, and the links to it from instances, VPSs and images, each with its upstream
 * call count. The list itself, its paging and its documented shape are in
 * test/public-cloud.test.ts, which counts the operation for Public Cloud's coverage.
 */
const stack = useStack();

const LIST_OP = 'publicCloud.listMarketApps';
/** The operation ids the emulator served since the last clear, in order. */
const ops = () =>
  stack()
    .calls()
    .map((c) => c.operationId);
const marketAppCalls = () => ops().filter((id) => id === LIST_OP).length;

const app = (id: string) => {
  const found = marketApps.find((a) => a.id === id);
  if (!found) throw new Error(`no market app ${id} in the catalogue`);
  return found;
};

/** Launches an hourly instance straight on the emulator (not through the gateway). */
async function launch(imageId: string, marketAppId: string): Promise<string> {
  const res = await fetch(`${stack().emulator.url}/publicCloud/v1/instances`, {
    method: 'POST',
    headers: { 'x-lsw-auth': DEMO_API_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({
      region: 'eu-west-3',
      type: 'lsw.m3.large',
      imageId,
      marketAppId,
      contractType: 'HOURLY',
      contractTerm: 0,
      billingFrequency: 1,
      rootDiskStorageType: 'CENTRAL',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('the emulator’s market app catalogue', () => {
  it('agrees with the image catalogue both ways, and holds the documented LOADBALANCER', () => {
    const byId = new Map(marketApps.map((a) => [a.id, a]));
    expect(byId.size).toBe(marketApps.length);
    for (const image of standardImages) {
      for (const id of image.marketApps) expect(byId.get(id)?.image.id, `${image.id} offers ${id}`).toBe(image.id);
    }
    for (const a of marketApps) {
      const image = standardImages.find((i) => i.id === a.image.id);
      expect(image, a.id).toBeDefined();
      expect(a.image, a.id).toEqual(imageSummary(image!));
      // Every app but the load balancers' is offered by its image.
      if (a.id !== 'LOADBALANCER') expect(image!.marketApps, a.id).toContain(a.id);
    }
    // The ids Leaseweb's OpenAPI document lists as `marketAppId`.
    const documented = [
      ...['CPANEL_30', 'CPANEL_100', 'CPANEL_ADMIN', 'CPANEL_PRO', 'CPANEL_PLUS', 'CPANEL_PREMIER'],
      ...['PLESK_WEB_PRO', 'PLESK_WEB_ADMIN', 'PLESK_WEB_HOST'],
    ];
    expect([...byId.keys()].sort()).toEqual(['LOADBALANCER', ...documented].sort());
    expect(app('LOADBALANCER')).toEqual({
      id: 'LOADBALANCER',
      name: 'Load Balancer',
      category: 'LOAD_BALANCER',
      version: null,
      family: 'loadbalancer',
      image: { id: 'UBUNTU_22_04_64BIT', name: 'Ubuntu 22.04 LTS (x86_64)', family: 'linux', flavour: 'ubuntu', custom: false },
    });
  });

  it('gives demo instances and VPSs apps their images offer', () => {
    const instances = [...stack().demo.publicCloud.instances.values()].map((r) => r.instance).filter((i) => i.marketAppId);
    const vpss = [...stack().demo.vps.servers.values()].map((r) => r.vps).filter((v) => v.marketAppId);
    expect(instances.length).toBeGreaterThan(0);
    expect(vpss.length).toBeGreaterThan(0);
    for (const x of [...instances, ...vpss]) {
      expect(standardImages.find((i) => i.id === x.image.id)?.marketApps, x.id).toContain(x.marketAppId);
    }
  });
});

describe('Public Cloud market apps', () => {
  const ONE = `query($id: ID!) { publicCloudMarketApp(id: $id) { id leasewebId name category version family image { leasewebId } } }`;

  it('reads one app by its id or global id, null when the catalogue does not list it', async () => {
    const cpanel = app('CPANEL_30');
    const expected = {
      id: 'gid://leaseweb/PublicCloudMarketApp/CPANEL_30',
      leasewebId: 'CPANEL_30',
      name: cpanel.name,
      category: cpanel.category,
      version: cpanel.version,
      family: cpanel.family,
      image: { leasewebId: cpanel.image.id },
    };
    stack().emulator.clearLog();
    expect((await stack().data(ONE, { id: 'CPANEL_30' })).publicCloudMarketApp).toEqual(expected);
    expect((await stack().data(ONE, { id: expected.id })).publicCloudMarketApp).toEqual(expected);
    expect((await stack().data(ONE, { id: 'NO_SUCH_APP' })).publicCloudMarketApp).toBeNull();
    // One catalogue call per request (there is no GET by id).
    expect(ops()).toEqual([LIST_OP, LIST_OP, LIST_OP]);
    const wrongType = await stack().query(ONE, { id: 'gid://leaseweb/PublicCloudImage/CPANEL_30' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves node(id:) and nodes(ids:) from one catalogue call, null for an unknown app', async () => {
    const gid = (id: string) => `gid://leaseweb/PublicCloudMarketApp/${id}`;
    stack().emulator.clearLog();
    const data = await stack().data(
      `query($id: ID!, $ids: [ID!]!) {
        node(id: $id) { id ... on PublicCloudMarketApp { leasewebId name } }
        nodes(ids: $ids) { id ... on PublicCloudMarketApp { leasewebId } }
      }`,
      { id: gid('LOADBALANCER'), ids: [gid('PLESK_WEB_PRO'), gid('NO_SUCH_APP'), gid('CPANEL_ADMIN')] },
    );
    expect(data.node).toEqual({ id: gid('LOADBALANCER'), leasewebId: 'LOADBALANCER', name: 'Load Balancer' });
    expect(data.nodes).toEqual([
      { id: gid('PLESK_WEB_PRO'), leasewebId: 'PLESK_WEB_PRO' },
      null,
      { id: gid('CPANEL_ADMIN'), leasewebId: 'CPANEL_ADMIN' },
    ]);
    expect(ops()).toEqual([LIST_OP]);
  });

  it('fills an app’s image from the image catalogue: one call for each list, whatever the number of apps', async () => {
    stack().emulator.clearLog();
    const data = await stack().data(
      '{ publicCloudMarketApps(first: 100) { nodes { leasewebId image { leasewebId version state marketApps } } } }',
    );
    expect(data.publicCloudMarketApps.nodes).toHaveLength(marketApps.length);
    for (const node of data.publicCloudMarketApps.nodes) {
      const image = standardImages.find((i) => i.id === app(node.leasewebId).image.id)!;
      expect(node.image, node.leasewebId).toEqual({
        leasewebId: image.id,
        version: image.version,
        state: 'READY',
        marketApps: image.marketApps,
      });
    }
    expect(ops().sort()).toEqual(['publicCloud.listImages', LIST_OP]);
  });
});

describe('links to market apps', () => {
  it('PublicCloudInstance.marketApp: 20 instances with an app cost one catalogue call', async () => {
    const offered = standardImages.flatMap((i) => i.marketApps.map((a) => [i.id, a] as const));
    const demo = [...stack().demo.publicCloud.instances.values()].filter((r) => r.instance.marketAppId).length;
    const launched = Array.from({ length: 20 - demo }, (_, k) => offered[k % offered.length]!);
    for (const [imageId, appId] of launched) await launch(imageId, appId);
    stack().emulator.clearLog();

    const data = await stack().data(
      '{ publicCloudInstances(first: 100) { totalCount nodes { leasewebId marketAppId marketApp { id leasewebId name image { leasewebId } } } } }',
    );
    const nodes: any[] = data.publicCloudInstances.nodes;
    expect(nodes).toHaveLength(data.publicCloudInstances.totalCount);
    const withApp = nodes.filter((n) => n.marketAppId);
    expect(withApp).toHaveLength(20);
    for (const n of nodes) {
      if (!n.marketAppId) {
        expect(n.marketApp, n.leasewebId).toBeNull();
        continue;
      }
      const a = app(n.marketAppId);
      expect(n.marketApp, n.leasewebId).toEqual({
        id: `gid://leaseweb/PublicCloudMarketApp/${a.id}`,
        leasewebId: a.id,
        name: a.name,
        image: { leasewebId: a.image.id },
      });
    }
    expect(ops()).toEqual(['publicCloud.getInstanceList', LIST_OP]);
  });

  it('Vps.marketApp shares the catalogue call with instances', async () => {
    const vpss = [...stack().demo.vps.servers.values()].map((r) => r.vps);
    stack().emulator.clearLog();
    const data = await stack().data(`{
      vpsList(first: 100) { nodes { leasewebId marketAppId marketApp { leasewebId category } } }
      publicCloudInstances(first: 100) { nodes { marketApp { leasewebId } } }
    }`);
    expect(data.vpsList.nodes).toEqual(
      vpss.map((v) => ({
        leasewebId: v.id,
        marketAppId: v.marketAppId,
        marketApp: v.marketAppId ? { leasewebId: v.marketAppId, category: app(v.marketAppId).category } : null,
      })),
    );
    expect(data.vpsList.nodes.some((n: any) => n.marketApp)).toBe(true);
    expect(marketAppCalls()).toBe(1);
  });

  it('costs no catalogue call when no instance has an app, or the field is not asked', async () => {
    const other = stack().emulator.dataset(OTHER_API_KEY);
    expect([...other.publicCloud.instances.values()].every((r) => r.instance.marketAppId === null)).toBe(true);
    stack().emulator.clearLog();
    const none = await stack().data('{ publicCloudInstances { nodes { marketApp { leasewebId } } } }', undefined, { key: OTHER_API_KEY });
    expect(none.publicCloudInstances.nodes.every((n: any) => n.marketApp === null)).toBe(true);
    await stack().data('{ publicCloudInstances(first: 100) { nodes { marketAppId } } }');
    expect(marketAppCalls()).toBe(0);
  });

  it('PublicCloudImage.availableMarketApps: the apps each image offers, one catalogue call for every image', async () => {
    const custom = stack().demo.publicCloud.customImages;
    stack().emulator.clearLog();
    const data = await stack().data(
      '{ publicCloudImages(first: 100) { nodes { leasewebId marketApps availableMarketApps { leasewebId image { leasewebId } } } } }',
    );
    const expected = [...standardImages, ...custom].map((i) => ({
      leasewebId: i.id,
      marketApps: i.marketApps,
      availableMarketApps: i.marketApps.map((id) => ({ leasewebId: id, image: { leasewebId: i.id } })),
    }));
    expect(data.publicCloudImages.nodes).toEqual(expected);
    expect(expected.filter((i) => i.availableMarketApps.length).length).toBeGreaterThan(1);
    expect(ops().sort()).toEqual(['publicCloud.listImages', LIST_OP]);
  });

  it('an instance’s image needs the image catalogue first: three calls for every instance and app, none for images without apps', async () => {
    const records = [...stack().demo.publicCloud.instances.values()];
    stack().emulator.clearLog();
    // The root list's call is over before the images ask theirs: the catalogue is kept for the request, not only shared in flight.
    const data = await stack().data(
      '{ publicCloudMarketApps { totalCount } publicCloudInstances(first: 100) { nodes { leasewebId image { leasewebId availableMarketApps { leasewebId } } } } }',
    );
    expect(data.publicCloudMarketApps.totalCount).toBe(marketApps.length);
    for (const n of data.publicCloudInstances.nodes) {
      const image = records.find((r) => r.instance.id === n.leasewebId)!.instance.image;
      const offers = standardImages.find((i) => i.id === image.id)?.marketApps ?? [];
      expect(n.image.availableMarketApps, n.leasewebId).toEqual(offers.map((leasewebId) => ({ leasewebId })));
    }
    expect(ops().sort()).toEqual(['publicCloud.getInstanceList', 'publicCloud.listImages', LIST_OP]);

    // Images that offer nothing ask no market app catalogue.
    stack().emulator.clearLog();
    await stack().data('{ publicCloudImages(first: 100, filter: { custom: true }) { nodes { availableMarketApps { leasewebId } } } }');
    expect(ops()).toEqual(['publicCloud.listImages']);
  });

  it('a failing catalogue fails the market app fields alone', async () => {
    stack().emulator.failNext({ match: '/marketApps', kind: 'status', status: 500 });
    stack().emulator.clearLog();
    const res = await stack().query('{ publicCloudInstances(first: 100) { nodes { leasewebId marketAppId marketApp { leasewebId } } } }');
    const nodes: any[] = res.data?.publicCloudInstances.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.marketAppId).every((n) => n.marketApp === null)).toBe(true);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors!.every((e) => e.path?.at(-1) === 'marketApp' && e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
    expect(marketAppCalls()).toBe(1);
  });
});
