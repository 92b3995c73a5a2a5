import { describe, expect, it } from 'vitest';
import { instanceTypesIn, isos, marketApps, regions, standardImages } from '../src/emulator/public-cloud/catalogues.js';
import { typesForUpdate } from '../src/emulator/public-cloud/routes.js';
import type { InstanceRecord } from '../src/emulator/public-cloud/data.js';
import { OTHER_API_KEY } from '../src/emulator/dataset.js';
import { emulatorGet, sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';
import { cursor, decimalText, money, utc } from './support/values.js';

const stack = useStack();
// Public Cloud core: every operation but load balancers, auto scaling and target groups.
const core = (op: { id: string }) => !/loadBalancer|autoScaling|targetGroup|listener|Targets$/i.test(op.id);
const reached = trackOperations(
  stack,
  (op) => op.product === 'publicCloud' && !op.family,
  (suite) => !suite.includes('samples'),
);

const records = () => [...stack().demo.publicCloud.instances.values()];
const publicIps = (id: string) => stack().demo.ipManagement.byEquipment.get(id) ?? [];
const find = (pick: (r: InstanceRecord) => boolean) => {
  const record = records().find(pick);
  if (!record) throw new Error('the demo data set has no such instance');
  return record;
};
const ids = (conn: { nodes: Array<{ leasewebId: string }> }) => conn.nodes.map((n) => n.leasewebId);
const paths = (path: string | RegExp) =>
  stack()
    .calls({ path })
    .map((c) => c.path + c.search);

describe('Public Cloud catalogues', () => {
  it('lists the regions', async () => {
    const data = await stack().data('{ publicCloudRegions(first: 100) { totalCount nodes { name location } } }');
    expect(data.publicCloudRegions.totalCount).toBe(regions.length);
    expect(data.publicCloudRegions.nodes).toEqual(regions);
  });

  it('lists the instance types of one region with that region’s prices, and requires a known region', async () => {
    const query = `query($r: String!) { publicCloudInstanceTypes(region: $r, first: 100) { totalCount nodes { name regionName storageTypes resources { cpu { value unit } memory { value } } prices { currency compute { hourly { amount currency } monthly { amount currency } } centralStorage { monthly { amount } } } } } }`;
    for (const region of ['eu-west-3', 'us-west-1']) {
      const expected = instanceTypesIn(region);
      const { publicCloudInstanceTypes: conn } = await stack().data(query, { r: region });
      expect(conn.totalCount).toBe(expected.length);
      expect(conn.nodes.map((t: any) => t.name)).toEqual(expected.map((t) => t.name));
      const first = conn.nodes[0];
      expect(first.regionName).toBe(region);
      expect(first.prices.compute).toEqual({
        hourly: money(expected[0]!.prices.compute.hourlyPrice, expected[0]!.prices.currency),
        monthly: money(expected[0]!.prices.compute.monthlyPrice, expected[0]!.prices.currency),
      });
      expect(first.prices.centralStorage.monthly.amount).toBe(decimalText(expected[0]!.prices.storage.central.monthlyPrice));
      expect(first.resources.cpu).toEqual(expected[0]!.resources.cpu);
    }
    // Regions differ in what they offer, and in price.
    expect(instanceTypesIn('us-west-1').length).toBeLessThan(instanceTypesIn('eu-west-3').length);
    expect(paths('/instanceTypes')).toEqual([
      '/publicCloud/v1/instanceTypes?region=eu-west-3&limit=100&offset=0',
      '/publicCloud/v1/instanceTypes?region=us-west-1&limit=100&offset=0',
    ]);
    const bad = await stack().query(query, { r: 'mars-1' });
    expect(bad.data?.publicCloudInstanceTypes).toBeNull();
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.leaseweb.errorDetails.region).toBeDefined();
  });

  it('lists standard and custom images with filters', async () => {
    const query = `query($f: PublicCloudImageFilter, $first: Int, $after: String) { publicCloudImages(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id leasewebId name custom flavour state region { name } storageSize { size unit } } } }`;
    const custom = stack().demo.publicCloud.customImages;
    const all = await stack().data(query, { first: 100 });
    expect(all.publicCloudImages.totalCount).toBe(standardImages.length + custom.length);

    const onlyCustom = await stack().data(query, { f: { custom: true } });
    expect(ids(onlyCustom.publicCloudImages)).toEqual(custom.map((i) => i.id));
    expect(onlyCustom.publicCloudImages.nodes[0]).toMatchObject({
      id: `gid://leaseweb/PublicCloudImage/${custom[0]!.id}`,
      custom: true,
      state: 'READY',
      region: { name: custom[0]!.region },
      storageSize: custom[0]!.storageSize,
    });

    const ubuntu = await stack().data(query, { f: { flavour: 'ubuntu', standard: true } });
    expect(ids(ubuntu.publicCloudImages)).toEqual(standardImages.filter((i) => i.flavour === 'ubuntu').map((i) => i.id));

    // In a region: its custom images only, and standard images shown as that region's.
    const inRegion = await stack().data(query, { f: { region: 'us-east-1' }, first: 100 });
    expect(ids(inRegion.publicCloudImages)).toEqual(
      [...standardImages, ...custom.filter((i) => i.region === 'us-east-1')].map((i) => i.id),
    );
    expect(inRegion.publicCloudImages.nodes.every((n: any) => n.region.name === 'us-east-1')).toBe(true);

    const page = await stack().data(query, { first: 3, after: cursor(2) });
    expect(ids(page.publicCloudImages)).toEqual(standardImages.slice(3, 6).map((i) => i.id));
    expect(paths('/images').at(-1)).toBe('/publicCloud/v1/images?limit=3&offset=3');
  });

  it('lists the market apps, read whole in one call (no paging is documented) and paged by the gateway', async () => {
    const query = `query($first: Int, $after: String) { publicCloudMarketApps(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id leasewebId name category version family image { leasewebId name family flavour custom } }
    } }`;
    const all = await stack().data(query, { first: 100 });
    expect(all.publicCloudMarketApps.totalCount).toBe(marketApps.length);
    expect(all.publicCloudMarketApps.nodes).toEqual(
      marketApps.map(({ id, image, ...rest }) => ({
        id: `gid://leaseweb/PublicCloudMarketApp/${id}`,
        leasewebId: id,
        ...rest,
        image: { leasewebId: image.id, name: image.name, family: image.family, flavour: image.flavour, custom: image.custom },
      })),
    );
    const page = await stack().data(query, { first: 3, after: cursor(2) });
    expect(ids(page.publicCloudMarketApps)).toEqual(marketApps.slice(3, 6).map((a) => a.id));
    expect(page.publicCloudMarketApps.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    expect(paths('/marketApps')).toEqual(['/publicCloud/v1/marketApps', '/publicCloud/v1/marketApps']);
  });

  it('lists the ISOs', async () => {
    const data = await stack().data('{ publicCloudIsos { totalCount nodes { isoId name } } }');
    expect(data.publicCloudIsos.nodes).toEqual(isos.map((i) => ({ isoId: i.id, name: i.name })));
  });
});

describe('Public Cloud instances', () => {
  const LIST = `query($f: PublicCloudInstanceFilter, $first: Int, $after: String) {
    publicCloudInstances(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { leasewebId }
    }
  }`;

  it('pages through every instance', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await stack().data(LIST, { first: 10, after });
      seen.push(...ids(data.publicCloudInstances));
      if (!data.publicCloudInstances.pageInfo.hasNextPage) break;
      after = data.publicCloudInstances.pageInfo.endCursor;
    }
    expect(seen).toEqual(records().map((r) => r.instance.id));
    expect(
      stack()
        .calls({ path: '/publicCloud/v1/instances' })
        .map((c) => new URLSearchParams(c.search).get('offset')),
    ).toEqual(Array.from({ length: Math.ceil(records().length / 10) }, (_, k) => String(k * 10)));
  });

  it('applies every filter of the list', async () => {
    const stopped = find((r) => r.instance.state === 'STOPPED');
    const withIp = find((r) => publicIps(r.instance.id).length > 0);
    const cases: Array<[Record<string, unknown>, (r: InstanceRecord) => boolean]> = [
      [{ region: 'us-east-1' }, (r) => r.instance.region === 'us-east-1'],
      [{ type: stopped.instance.type }, (r) => r.instance.type === stopped.instance.type],
      [{ states: ['STOPPED'] }, (r) => r.instance.state === 'STOPPED'],
      [{ states: ['STOPPED', 'RUNNING'] }, (r) => ['STOPPED', 'RUNNING'].includes(r.instance.state)],
      [{ contractType: 'MONTHLY' }, (r) => r.instance.contract.type === 'MONTHLY'],
      [{ contractState: 'DELETE_SCHEDULED' }, (r) => r.instance.contract.state === 'DELETE_SCHEDULED'],
      [{ imageId: stopped.instance.image.id }, (r) => r.instance.image.id === stopped.instance.image.id],
      [{ reference: 'web' }, (r) => (r.instance.reference ?? '').includes('web')],
      [{ ip: publicIps(withIp.instance.id)[0]!.ip }, (r) => r.instance.id === withIp.instance.id],
      [{ id: `gid://leaseweb/PublicCloudInstance/${stopped.instance.id}` }, (r) => r.instance.id === stopped.instance.id],
    ];
    for (const [filter, keep] of cases) {
      const expected = records()
        .filter(keep)
        .map((r) => r.instance.id);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const data = await stack().data(LIST, { f: filter, first: 100 });
      expect(ids(data.publicCloudInstances), JSON.stringify(filter)).toEqual(expected);
    }
    const sent = stack()
      .calls({ path: '/publicCloud/v1/instances' })
      .map((c) => new URLSearchParams(c.search));
    expect(sent[3]!.get('state')).toBe('STOPPED,RUNNING');
    expect(sent[9]!.get('id')).toBe(stopped.instance.id);
  });

  it('reports a refused filter as BAD_USER_INPUT with Leaseweb’s details', async () => {
    const res = await stack().query(LIST, { f: { region: 'mars-1' } });
    expect(res.data?.publicCloudInstances).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.leaseweb).toMatchObject({ status: 400, errorDetails: { region: [expect.any(String)] } });
  });

  it('reads one instance by UUID or global id, null when unknown', async () => {
    const r = find((x) => x.instance.contract.type === 'MONTHLY');
    const query = `query($id: ID!) { publicCloudInstance(id: $id) { id leasewebId reference state type regionName rootDiskSize rootDiskStorageType hasPublicIpV4 hasPrivateNetwork hasUserData startedAt resources { memory { value unit } } contract { type term billingFrequency state createdAt renewalsAt endsAt } image { leasewebId name custom } } }`;
    const data = await stack().data(query, { id: r.instance.id });
    const i = r.instance;
    expect(data.publicCloudInstance).toEqual({
      id: `gid://leaseweb/PublicCloudInstance/${i.id}`,
      leasewebId: i.id,
      reference: i.reference,
      state: i.state,
      type: i.type,
      regionName: i.region,
      rootDiskSize: i.rootDiskSize,
      rootDiskStorageType: i.rootDiskStorageType,
      hasPublicIpV4: i.hasPublicIpV4,
      hasPrivateNetwork: i.hasPrivateNetwork,
      hasUserData: i.hasUserData,
      startedAt: utc(i.startedAt),
      resources: { memory: i.resources.memory },
      contract: {
        ...i.contract,
        createdAt: utc(i.contract.createdAt),
        renewalsAt: utc(i.contract.renewalsAt),
        endsAt: utc(i.contract.endsAt),
      },
      image: { leasewebId: i.image.id, name: i.image.name, custom: i.image.custom },
    });
    const byGid = await stack().data(query, { id: `gid://leaseweb/PublicCloudInstance/${i.id}` });
    expect(byGid.publicCloudInstance.leasewebId).toBe(i.id);
    const missing = await stack().data(query, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.publicCloudInstance).toBeNull();
    const wrongType = await stack().query(query, { id: 'gid://leaseweb/DedicatedServer/1' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps two customers’ instances apart', async () => {
    const query = '{ publicCloudInstances(first: 100) { totalCount nodes { leasewebId } } }';
    const other = await stack().data(query, undefined, { key: OTHER_API_KEY });
    const otherIds = [...stack().emulator.dataset(OTHER_API_KEY).publicCloud.instances.keys()];
    expect(ids(other.publicCloudInstances)).toEqual(otherIds);
    expect(otherIds.some((id) => stack().demo.publicCloud.instances.has(id))).toBe(false);
    const foreign = await stack().data(`{ publicCloudInstance(id: "${records()[0]!.instance.id}") { leasewebId } }`, undefined, {
      key: OTHER_API_KEY,
    });
    expect(foreign.publicCloudInstance).toBeNull();
  });

  it('fetches the detail only when a field the list lacks is asked', async () => {
    const summary = await stack().data('{ publicCloudInstances(first: 6) { nodes { leasewebId state type contract { type } } } }');
    expect(summary.publicCloudInstances.nodes).toHaveLength(6);
    expect(stack().calls()).toHaveLength(1);

    stack().emulator.clearLog();
    const data = await stack().data(
      '{ publicCloudInstances(first: 6) { nodes { leasewebId iso { isoId name } privateNetwork { privateNetworkId subnet } } } }',
    );
    const first6 = records().slice(0, 6);
    expect(data.publicCloudInstances.nodes).toEqual(
      first6.map((r) => ({
        leasewebId: r.instance.id,
        iso: r.instance.iso ? { isoId: r.instance.iso.id, name: r.instance.iso.name } : null,
        privateNetwork: r.instance.privateNetwork
          ? { privateNetworkId: r.instance.privateNetwork.privateNetworkId, subnet: r.instance.privateNetwork.subnet }
          : null,
      })),
    );
    expect(first6.some((r) => r.instance.iso) && first6.some((r) => r.instance.privateNetwork)).toBe(true);
    // One list, one detail per instance (iso and privateNetwork share it).
    expect(stack().calls()).toHaveLength(1 + 6);
    expect(stack().calls({ path: /^\/publicCloud\/v1\/instances\/[^/]+$/ })).toHaveLength(6);

    stack().emulator.clearLog();
    await stack().data(`{ publicCloudInstance(id: "${first6[0]!.instance.id}") { iso { isoId } privateNetwork { status } } }`);
    expect(stack().calls()).toHaveLength(1);
  });
});

describe('Public Cloud edges', () => {
  it('answers 20 instances with IPs, image, region and priced type in 4 + (distinct regions) calls', async () => {
    const data = await stack().data(`{ publicCloudInstances(first: 20) { nodes {
      leasewebId regionName
      ips { totalCount nodes { ip nullRouted equipmentId } }
      image { leasewebId version architecture }
      region { name location }
      instanceType { name prices { compute { hourly { amount } } } storageTypes }
    } } }`);
    const nodes = data.publicCloudInstances.nodes;
    const first20 = records().slice(0, 20);
    expect(nodes).toHaveLength(20);
    const distinctRegions = new Set(first20.map((r) => r.instance.region)).size;
    expect(distinctRegions).toBeGreaterThan(1);
    expect(stack().calls({ path: '/publicCloud/v1/instances' })).toHaveLength(1);
    expect(stack().calls({ path: '/ipMgmt/v2/ips' })).toHaveLength(1);
    expect(stack().calls({ path: '/publicCloud/v1/images' })).toHaveLength(1);
    expect(stack().calls({ path: '/publicCloud/v1/regions' })).toHaveLength(1);
    expect(stack().calls({ path: '/publicCloud/v1/instanceTypes' })).toHaveLength(distinctRegions);
    expect(stack().calls()).toHaveLength(4 + distinctRegions);
    expect(new URLSearchParams(stack().calls({ path: '/ipMgmt/v2/ips' })[0]!.search).get('equipmentIds')!.split(',')).toEqual(
      first20.map((r) => r.instance.id),
    );

    nodes.forEach((n: any, k: number) => {
      const r = first20[k]!;
      expect(n.leasewebId).toBe(r.instance.id);
      expect(n.ips.nodes).toEqual(
        publicIps(r.instance.id).map((ip) => ({ ip: ip.ip, nullRouted: ip.nullRouted, equipmentId: r.instance.id })),
      );
      const image = [...standardImages, ...stack().demo.publicCloud.customImages].find((i) => i.id === r.instance.image.id)!;
      expect(n.image).toEqual({ leasewebId: image.id, version: image.version, architecture: image.architecture });
      expect(n.region).toEqual(regions.find((x) => x.name === r.instance.region));
      const type = instanceTypesIn(r.instance.region).find((t) => t.name === r.instance.type)!;
      expect(n.instanceType).toEqual({
        name: type.name,
        prices: { compute: { hourly: { amount: decimalText(type.prices.compute.hourlyPrice) } } },
        storageTypes: type.storageTypes,
      });
    });
    // Some instances have no public IP: ipMgmt knows none for them.
    expect(nodes.some((n: any) => n.ips.totalCount === 0)).toBe(true);
  });

  it('answers what the instance embeds without touching the catalogues', async () => {
    const data = await stack().data(
      '{ publicCloudInstances(first: 20) { nodes { image { leasewebId name flavour custom } region { name } instanceType { name regionName } } } }',
    );
    expect(data.publicCloudInstances.nodes[0].image.name).toBe(records()[0]!.instance.image.name);
    expect(stack().calls()).toHaveLength(1);
  });

  it('resolves an instance IP back to its instance, and its network view from the instance', async () => {
    const r = find((x) => publicIps(x.instance.id).length > 0);
    const address = publicIps(r.instance.id)[0]!;
    const data = await stack().data(
      `{ ip(ip: "${address.ip}") { ip networkType ddos { detectionProfile } equipmentId equipment { __typename id ... on PublicCloudInstance { leasewebId reference } } } }`,
    );
    expect(data.ip).toEqual({
      ip: address.ip,
      networkType: 'PUBLIC',
      ddos: { detectionProfile: address.ddos.detectionProfile },
      equipmentId: r.instance.id,
      equipment: {
        __typename: 'PublicCloudInstance',
        id: `gid://leaseweb/PublicCloudInstance/${r.instance.id}`,
        leasewebId: r.instance.id,
        reference: r.instance.reference,
      },
    });
    expect(paths(/./).sort()).toEqual(
      [
        `/ipMgmt/v2/ips/${address.ip}`,
        `/publicCloud/v1/instances/${r.instance.id}`,
        `/publicCloud/v1/instances/${r.instance.id}/ips`,
      ].sort(),
    );
  });

  it('resolves instances, snapshots and images by global id', async () => {
    const r = find((x) => x.snapshots.length > 0);
    const snap = r.snapshots[0]!;
    const custom = stack().demo.publicCloud.customImages[0]!;
    const data = await stack().data(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Snapshot { name equipment { ... on PublicCloudInstance { leasewebId } } } ... on PublicCloudImage { name } ... on PublicCloudInstance { leasewebId } } }`,
      {
        ids: [
          `gid://leaseweb/PublicCloudInstance/${r.instance.id}`,
          `gid://leaseweb/Snapshot/PublicCloudInstance/${r.instance.id}/${snap.id}`,
          `gid://leaseweb/PublicCloudImage/${custom.id}`,
          'gid://leaseweb/PublicCloudImage/NOPE',
        ],
      },
    );
    expect(data.nodes).toEqual([
      { __typename: 'PublicCloudInstance', id: `gid://leaseweb/PublicCloudInstance/${r.instance.id}`, leasewebId: r.instance.id },
      {
        __typename: 'Snapshot',
        id: `gid://leaseweb/Snapshot/PublicCloudInstance/${r.instance.id}/${snap.id}`,
        name: snap.displayName,
        equipment: { leasewebId: r.instance.id },
      },
      { __typename: 'PublicCloudImage', id: `gid://leaseweb/PublicCloudImage/${custom.id}`, name: custom.name },
      null,
    ]);
  });
});

// The families an instance shares with servers (IPs, credentials, metrics, power, snapshots,
// ISO and console) are tested in test/families/.
describe('Public Cloud per-instance reads', () => {
  it('lists the types an instance can change to, and its reinstall images', async () => {
    const r = find((x) => x.instance.region === 'us-east-1');
    const data = await stack().data(
      `query($id: ID!) { publicCloudInstance(id: $id) {
      instanceTypesForUpdate(first: 100) { nodes { name regionName prices { compute { monthly { amount } } } } }
      reinstallImages(first: 100) { totalCount nodes { leasewebId } }
      customOnly: reinstallImages(custom: true) { nodes { leasewebId custom } }
    } }`,
      { id: r.instance.id },
    );
    const types = typesForUpdate(r);
    expect(data.publicCloudInstance.instanceTypesForUpdate.nodes).toEqual(
      types.map((t) => ({
        name: t.name,
        regionName: 'us-east-1',
        prices: { compute: { monthly: { amount: decimalText(t.prices.compute.monthlyPrice) } } },
      })),
    );
    const custom = stack().demo.publicCloud.customImages.filter((i) => i.region === 'us-east-1');
    expect(data.publicCloudInstance.reinstallImages.totalCount).toBe(standardImages.length + custom.length);
    expect(data.publicCloudInstance.customOnly.nodes).toEqual(custom.map((i) => ({ leasewebId: i.id, custom: true })));
    expect(stack().calls({ path: '/instanceTypesUpdate' })).toHaveLength(1);
  });

  it('reads what an instance cost in a month', async () => {
    const r = records()[0]!;
    const created = Date.parse(r.instance.contract.createdAt);
    const from = Date.UTC(2025, 11, 1);
    // Billed from the later of the month's start and the contract's, to the month's end (or now).
    const expectedHours = Math.floor((Math.min(Date.UTC(2026, 0, 1), Date.now()) - Math.max(from, created)) / 3_600_000);
    expect(created).toBeLessThan(Date.UTC(2026, 0, 1));
    const query = `query($id: ID!, $from: DateTime!) { publicCloudExpenses(equipmentId: $id, from: $from) {
      totalPrice trafficUnit trafficTiers { tier usage price }
      instances { instanceId reference hours price rootDiskSize billingType contract { type } instance { leasewebId } }
    } }`;
    const data = await stack().data(query, { id: r.instance.id, from: '2025-12-01' });
    const e = data.publicCloudExpenses;
    expect(e.instances).toHaveLength(1);
    expect(e.instances[0]).toMatchObject({
      instanceId: r.instance.id,
      reference: r.instance.reference,
      hours: expectedHours,
      rootDiskSize: r.instance.rootDiskSize,
      billingType: r.instance.contract.type === 'HOURLY' ? 'POSTPAID' : 'PREPAID',
      contract: { type: r.instance.contract.type },
      instance: { leasewebId: r.instance.id },
    });
    expect(e.trafficTiers.map((t: any) => t.tier)).toEqual(['tier_0', 'tier_1', 'tier_2', 'tier_3']);
    const tiers = e.trafficTiers.reduce((sum: number, t: any) => sum + Number(t.price), 0);
    expect(Number(e.totalPrice)).toBeCloseTo(Number(e.instances[0].price) + tiers, 2);
    expect(stack().calls({ path: '/expenses' })[0]!.search).toBe('?from=2025-12-01');

    const before = await stack().data(query, { id: r.instance.id, from: '2020-01-01' });
    expect(before.publicCloudExpenses).toMatchObject({ instances: [], totalPrice: '0' });
    const notFirst = await stack().query(query, { id: r.instance.id, from: '2025-12-15' });
    expect(notFirst.errors?.[0]?.extensions?.leaseweb.errorDetails.from).toBeDefined();
  });

  it('sends the UTC date of from/to, whatever offset they were written with, as null routes and metrics do', async () => {
    const r = records()[0]!;
    const query = `query($id: ID!, $from: DateTime!, $to: DateTime) {
      publicCloudExpenses(equipmentId: $id, from: $from, to: $to) { totalPrice }
      publicCloudInstance(id: $id) { expenses(from: $from, to: $to) { totalPrice } }
    }`;
    stack().emulator.clearLog();
    // 2025-11-30T23:00-02:00 is 2025-12-01T01:00Z: December in UTC, though the date as typed is November 30.
    await stack().data(query, { id: r.instance.id, from: '2025-11-30T23:00:00-02:00', to: '2025-12-31T23:00:00-02:00' });
    expect(
      stack()
        .calls({ path: '/expenses' })
        .map((c) => c.search),
    ).toEqual(['?from=2025-12-01&to=2026-01-01', '?from=2025-12-01&to=2026-01-01']);
  });
});

describeIf(samplesAvailable)('Public Cloud emulator answers match the documented samples', () => {
  it('serves every read with the documented shape', async () => {
    const r = find((x) => x.snapshots.length > 0 && publicIps(x.instance.id).length > 0 && x.credentials.length > 0);
    const id = r.instance.id;
    const cred = r.credentials[0]!;
    const gets: Record<string, string> = {
      listRegions: '/publicCloud/v1/regions',
      listInstanceTypes: '/publicCloud/v1/instanceTypes?region=eu-west-3',
      getInstanceList: '/publicCloud/v1/instances',
      getInstanceDetails: `/publicCloud/v1/instances/${id}`,
      listInstanceTypesForUpdate: `/publicCloud/v1/instances/${id}/instanceTypesUpdate`,
      listInstanceCredentials: `/publicCloud/v1/instances/${id}/credentials`,
      listInstanceCredentialsByType: `/publicCloud/v1/instances/${id}/credentials/${cred.type}`,
      getInstanceCredential: `/publicCloud/v1/instances/${id}/credentials/${cred.type}/${cred.username}`,
      getExpenses: `/publicCloud/v1/equipments/${id}/expenses?from=2025-12-01`,
      listIsos: '/publicCloud/v1/isos',
      listImages: '/publicCloud/v1/images',
      listMarketApps: '/publicCloud/v1/marketApps',
      listInstanceReinstallImages: `/publicCloud/v1/instances/${id}/reinstall/images`,
      listInstanceIps: `/publicCloud/v1/instances/${id}/ips`,
      getInstanceIp: `/publicCloud/v1/instances/${id}/ips/${publicIps(id)[0]!.ip}`,
      getInstanceDataTrafficMetrics: `/publicCloud/v1/instances/${id}/metrics/datatraffic?from=2025-12-01&to=2025-12-03`,
      getInstanceCpuMetrics: `/publicCloud/v1/instances/${id}/metrics/cpu?from=2025-12-01&to=2025-12-02`,
      listInstanceSnapshots: `/publicCloud/v1/instances/${id}/snapshots`,
      getInstanceSnapshot: `/publicCloud/v1/instances/${id}/snapshots/${r.snapshots[0]!.id}`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
    }
  });

  it('answers the market apps with exactly the documented keys, and the documented LOADBALANCER', async () => {
    const documented = sample('publicCloud.listMarketApps') as any;
    const { body } = await emulatorGet(stack().emulator, '/publicCloud/v1/marketApps');
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(body)).toEqual(keys(documented));
    expect(keys(body._metadata)).toEqual(keys(documented._metadata));
    for (const app of body.marketApps) {
      expect(keys(app), app.id).toEqual(keys(documented.marketApps[0]));
      expect(keys(app.image), app.id).toEqual(keys(documented.marketApps[0].image));
    }
    expect(body.marketApps).toContainEqual(documented.marketApps[0]);
  });
});

describe('operation coverage', () => {
  it('reached every Public Cloud core read through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    const reads = (op: { id: string; method: string }) => core(op) && op.method === 'GET';
    expect(reached.count(reads)).toBe(10);
    expect(reached.missing(reads)).toEqual([]);
  });
});
