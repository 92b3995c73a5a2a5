import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isos, standardImages } from '../src/emulator/public-cloud/catalogues.js';
import { routeTable } from '../src/emulator/server.js';
import type { VpsRecord } from '../src/emulator/vps/data.js';
import { describeIf, emulatorGet, sample, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';
import { utc } from './support/values.js';

/**
 * VPS end to end: the list and the detail, the catalogues, the writes of its own
 * (update, password reset, reinstall) and its edges (IPs → `Ip.equipment`, service,
 * image, ISO, `node(id:)`). Its families (IPs, credentials, power, metrics, snapshots,
 * ISO, console) are tested with every other owner in test/families/.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.product === 'vps' && !op.family,
  (suite) => !suite.includes('samples'),
);

const records = () => [...stack().demo.vps.servers.values()];
const find = (pick: (r: VpsRecord) => boolean = () => true) => {
  const found = records().find(pick);
  if (!found) throw new Error('the demo data set has no such VPS');
  return found;
};
const publicIp = (id: string) => stack().demo.ipManagement.byEquipment.get(id)![0]!;
const ERRORS = 'userErrors { field message code leasewebCode }';
const calls = () =>
  stack()
    .calls()
    .map((c) => `${c.method} ${c.path}${c.search}`);

describe('VPS reads', () => {
  it('lists the VPSs with their summaries; contract and resources cost one detail call per VPS, only when asked', async () => {
    const all = records();
    const LIST = `{ vpsList(first: 50) { totalCount nodes { id leasewebId reference state pack regionName datacenter hasPublicIpV4 rootDiskSize startedAt image { leasewebId name } } } }`;
    const data = await stack().data(LIST);
    expect(data.vpsList.totalCount).toBe(all.length);
    expect(data.vpsList.nodes).toEqual(
      all.map((r) => ({
        id: `gid://leaseweb/Vps/${r.vps.id}`,
        leasewebId: r.vps.id,
        reference: r.vps.reference,
        state: r.vps.state,
        pack: r.vps.pack,
        regionName: r.vps.region,
        datacenter: r.vps.datacenter,
        hasPublicIpV4: true,
        rootDiskSize: r.vps.rootDiskSize,
        startedAt: r.vps.startedAt ? utc(r.vps.startedAt) : null,
        image: { leasewebId: r.vps.image.id, name: r.vps.image.name },
      })),
    );
    expect(calls()).toEqual(['GET /publicCloud/v1/vps/?limit=50&offset=0']);

    stack().emulator.clearLog();
    const detailed = await stack().data(
      '{ vpsList(first: 2) { nodes { leasewebId contract { contractId type term sla dataTraffic { value unit } } resources { cpu { value } } iso { isoId } } } }',
    );
    const first = find((r) => r.vps.id === detailed.vpsList.nodes[0].leasewebId);
    expect(detailed.vpsList.nodes[0]).toMatchObject({
      contract: {
        contractId: first.vps.contract.id,
        type: 'MONTHLY',
        term: 12,
        sla: 'Basic',
        dataTraffic: first.vps.contract.dataTraffic,
      },
      resources: { cpu: { value: first.vps.resources.cpu.value } },
    });
    // The list, then one GET /vps/{id} per VPS, shared by contract, resources and iso.
    expect(calls()).toHaveLength(3);
    expect(calls().filter((c) => /\/vps\/\d+$/.test(c))).toHaveLength(2);
  });

  it('filters the list by state, pack and reference, as Leaseweb does', async () => {
    const stopped = records().filter((r) => r.vps.state === 'STOPPED');
    const data = await stack().data(`{ s: vpsList(filter: { state: STOPPED }) { nodes { leasewebId } }
      p: vpsList(filter: { pack: "Leaseweb VPS 2" }) { nodes { pack } } }`);
    expect(data.s.nodes.map((n: any) => n.leasewebId)).toEqual(stopped.map((r) => r.vps.id));
    expect(data.p.nodes.length).toBeGreaterThan(0);
    for (const n of data.p.nodes) expect(n.pack).toBe('Leaseweb VPS 2');
    expect(calls()).toEqual([
      'GET /publicCloud/v1/vps/?limit=20&offset=0&state=STOPPED',
      'GET /publicCloud/v1/vps/?limit=20&offset=0&pack=Leaseweb+VPS+2',
    ]);
  });

  it('reads one VPS by Leaseweb id or global id (one call), with its ISO, and null for an unknown one', async () => {
    const r = find((x) => x.vps.iso !== null);
    const data = await stack().data(
      `query($id: ID!, $gid: ID!) { a: vps(id: $id) { leasewebId iso { isoId name } contract { controlPanel inModification } }
        b: vps(id: $gid) { leasewebId } none: vps(id: "1") { leasewebId } }`,
      { id: r.vps.id, gid: `gid://leaseweb/Vps/${r.vps.id}` },
    );
    expect(data.a).toEqual({
      leasewebId: r.vps.id,
      iso: { isoId: r.vps.iso!.id, name: r.vps.iso!.name },
      contract: { controlPanel: r.vps.contract.controlPanel, inModification: false },
    });
    expect(data.b).toEqual({ leasewebId: r.vps.id });
    expect(data.none).toBeNull();
    expect(calls()).toEqual([`GET /publicCloud/v1/vps/${r.vps.id}`, 'GET /publicCloud/v1/vps/1']);
  });

  it('lists the VPS catalogues: images, ISOs, and the images one VPS can be reinstalled with', async () => {
    const r = find();
    const data = await stack().data(
      `query($id: ID!) { vpsImages(first: 100) { totalCount nodes { leasewebId custom } }
        std: vpsImages(filter: { custom: false }, first: 100) { totalCount }
        vpsIsos { totalCount nodes { isoId name } }
        vps(id: $id) { reinstallImages(standard: true, first: 100) { totalCount nodes { leasewebId } } } }`,
      { id: r.vps.id },
    );
    const custom = stack().demo.publicCloud.customImages.filter((i) => i.state === 'READY');
    expect(data.vpsImages.totalCount).toBe(standardImages.length + custom.length);
    expect(data.std.totalCount).toBe(standardImages.length);
    expect(data.vpsIsos.nodes).toEqual(isos.map((i) => ({ isoId: i.id, name: i.name })));
    expect(data.vps.reinstallImages.nodes.map((n: any) => n.leasewebId)).toEqual(standardImages.map((i) => i.id));
    expect(calls()).toContain(`GET /publicCloud/v1/vps/${r.vps.id}/reinstall/images?limit=100&offset=0&standard=true`);
  });
});

describe('VPS edges', () => {
  it('resolves an IP of a VPS to the VPS (Ip.equipment): the numeric id is tried as the kinds before it in the manifest first, a 404 each', async () => {
    const r = find();
    const ip = publicIp(r.vps.id).ip;
    const data = await stack().data(`{ ip(ip: "${ip}") { equipmentId equipment { __typename id ... on Vps { leasewebId pack } } } }`);
    expect(data.ip).toEqual({
      equipmentId: r.vps.id,
      equipment: { __typename: 'Vps', id: `gid://leaseweb/Vps/${r.vps.id}`, leasewebId: r.vps.id, pack: r.vps.pack },
    });
    expect(calls().filter((c) => !c.includes('/ipMgmt/'))).toEqual([
      `GET /bareMetals/v2/servers/${r.vps.id}`,
      `GET /bareMetals/v2/networkEquipments/${r.vps.id}`,
      `GET /bareMetals/v2/privateRacks/${r.vps.id}`,
      `GET /publicCloud/v1/vps/${r.vps.id}`,
    ]);
    expect(calls()).toHaveLength(5);
  });

  it('reads the IPs of every VPS of a page in one ipMgmt call, and each IP answers its VPS without a call', async () => {
    const data = await stack().data('{ vpsList { nodes { leasewebId ips { nodes { ip equipment { __typename id } } } } } }');
    for (const node of data.vpsList.nodes) {
      expect(node.ips.nodes).toEqual([
        { ip: publicIp(node.leasewebId).ip, equipment: { __typename: 'Vps', id: `gid://leaseweb/Vps/${node.leasewebId}` } },
      ]);
    }
    // The list and one batched ipMgmt call: the IP → VPS edge is answered from the path.
    expect(calls()).toHaveLength(2);
    expect(calls()[1]).toMatch(/^GET \/ipMgmt\/v2\/ips\?equipmentIds=/);
  });

  it('gives the service of a VPS (billed as productId VPS), whose equipment is the VPS again without a call', async () => {
    const r = find();
    const data = await stack().data(`query($id: ID!) { vps(id: $id) { service { productId contractId equipment { __typename id } } } }`, {
      id: r.vps.id,
    });
    expect(data.vps.service).toEqual({
      productId: 'VPS',
      contractId: r.vps.contract.id,
      equipment: { __typename: 'Vps', id: `gid://leaseweb/Vps/${r.vps.id}` },
    });
    expect(calls()).toEqual([
      `GET /publicCloud/v1/vps/${r.vps.id}`,
      `GET /services/v1/services?equipmentId=${r.vps.id}&limit=100&offset=0`,
    ]);
  });

  it('resolves a VPS and its region through node(id:) and nodes(ids:)', async () => {
    const [a, b] = records();
    const data = await stack().data(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Vps { leasewebId region { name location } } } }`,
      { ids: [`gid://leaseweb/Vps/${a!.vps.id}`, `gid://leaseweb/Vps/${b!.vps.id}`] },
    );
    expect(data.nodes.map((n: any) => n.leasewebId)).toEqual([a!.vps.id, b!.vps.id]);
    expect(data.nodes[0].region.name).toBe(a!.vps.region);
    expect(data.nodes[0].region.location).toEqual(expect.any(String));
  });
});

describe('VPS writes', () => {
  const mutate = async (
    name: string,
    type: string,
    input: Record<string, unknown>,
    selection = `vps { leasewebId reference image { leasewebId } } ${ERRORS}`,
  ) => (await stack().data(`mutation($input: ${type}!) { r: ${name}(input: $input) { ${selection} } }`, { input })).r;

  it('updates the reference, answering the VPS as Leaseweb returns it', async () => {
    const r = find();
    const res = await mutate('updateVps', 'UpdateVpsInput', { vpsId: `gid://leaseweb/Vps/${r.vps.id}`, reference: 'shop-eu' });
    expect(res).toEqual({ vps: { leasewebId: r.vps.id, reference: 'shop-eu', image: { leasewebId: r.vps.image.id } }, userErrors: [] });
    expect(r.vps.reference).toBe('shop-eu');
    expect(calls()).toEqual([`PUT /publicCloud/v1/vps/${r.vps.id}`]);
    const long = await mutate('updateVps', 'UpdateVpsInput', { vpsId: r.vps.id, reference: 'x'.repeat(256) });
    expect(long.userErrors).toEqual([
      { field: ['input', 'reference'], message: expect.any(String), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
    ]);
  });

  it('resets the password of a running VPS only; a stopped one is a userError on vpsId', async () => {
    const running = find((x) => x.vps.state === 'RUNNING');
    const before = running.credentials.find((c) => c.type === 'OPERATING_SYSTEM')!.password;
    const ok = await mutate('resetVpsPassword', 'VpsInput', { vpsId: running.vps.id }, ERRORS);
    expect(ok).toEqual({ userErrors: [] });
    expect(running.credentials.find((c) => c.type === 'OPERATING_SYSTEM')!.password).not.toBe(before);
    // Without `vps` in the selection, no read-back.
    expect(calls()).toEqual([`POST /publicCloud/v1/vps/${running.vps.id}/resetPassword`]);
    const stopped = find((x) => x.vps.state === 'STOPPED');
    const refused = await mutate('resetVpsPassword', 'VpsInput', { vpsId: stopped.vps.id });
    expect(refused).toEqual({
      vps: null,
      userErrors: [
        { field: ['input', 'vpsId'], message: expect.stringMatching(/RUNNING/), code: 'INVALID', leasewebCode: 'VALIDATION_FAILED' },
      ],
    });
    const missing = await mutate('resetVpsPassword', 'VpsInput', { vpsId: '1' }, ERRORS);
    expect(missing.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reinstalls with an image it offers, refusing another, and reads the VPS back when asked', async () => {
    const r = find((x) => x.vps.state === 'RUNNING' && x.vps.iso === null);
    const image = standardImages.find((i) => i.id !== r.vps.image.id && i.family !== 'windows')!;
    const res = await mutate('reinstallVps', 'ReinstallVpsInput', { vpsId: r.vps.id, imageId: image.id });
    expect(res).toEqual({ vps: { leasewebId: r.vps.id, reference: r.vps.reference, image: { leasewebId: image.id } }, userErrors: [] });
    expect(calls()).toEqual([`PUT /publicCloud/v1/vps/${r.vps.id}/reinstall`, `GET /publicCloud/v1/vps/${r.vps.id}`]);
    const bad = await mutate('reinstallVps', 'ReinstallVpsInput', { vpsId: r.vps.id, imageId: 'NOPE' });
    expect(bad.userErrors[0]).toMatchObject({ field: ['input', 'imageId'], code: 'INVALID' });
    expect(r.vps.image.id).toBe(image.id);
  });
});

describeIf(samplesAvailable)('VPS emulator answers match the documented samples', () => {
  /** Keys the emulator answers that the sample does not document (the shapes must be exactly the documented ones). */
  const extra = (actual: any, documented: any, path = '$'): string[] => {
    if (!actual || !documented || typeof actual !== 'object' || typeof documented !== 'object') return [];
    if (Array.isArray(documented)) return documented.length && actual.length ? extra(actual[0], documented[0], `${path}[0]`) : [];
    return Object.keys(actual).flatMap((k) =>
      k in documented ? extra(actual[k], documented[k], `${path}.${k}`) : [`${path}.${k}: extra`],
    );
  };

  it('serves every read with the documented shape, and no more', async () => {
    const r = find((x) => x.snapshots.length > 0);
    const id = r.vps.id;
    const ip = publicIp(id).ip;
    const gets: Record<string, string> = {
      getVpsList: '/publicCloud/v1/vps/',
      getVpsDetails: `/publicCloud/v1/vps/${id}`,
      listVpsImages: '/publicCloud/v1/vps/images',
      listVpsIsos: '/publicCloud/v1/vps/isos',
      listVpsReinstallImages: `/publicCloud/v1/vps/${id}/reinstall/images`,
      listVpsIps: `/publicCloud/v1/vps/${id}/ips`,
      getVpsIp: `/publicCloud/v1/vps/${id}/ips/${ip}`,
      listVpsCredentials: `/publicCloud/v1/vps/${id}/credentials`,
      listVpsCredentialsByType: `/publicCloud/v1/vps/${id}/credentials/OPERATING_SYSTEM`,
      getVpsCredential: `/publicCloud/v1/vps/${id}/credentials/OPERATING_SYSTEM/root`,
      listVpsSnapshots: `/publicCloud/v1/vps/${id}/snapshots`,
      getVpsSnapshot: `/publicCloud/v1/vps/${id}/snapshots/${r.snapshots[0]!.id}`,
      getVpsDataTrafficMetrics: `/publicCloud/v1/vps/${id}/metrics/datatraffic?from=2025-12-01&to=2025-12-03`,
    };
    for (const [op, path] of Object.entries(gets)) {
      const res = await emulatorGet(stack().emulator, path);
      expect(res.status, op).toBe(200);
      expect(shapeDifferences(res.body, sample(`vps.${op}`)), op).toEqual([]);
      expect(extra(res.body, sample(`vps.${op}`)), op).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('serves all 32 vps.* operations, with the documented ids and paths', () => {
    const routes = routeTable().filter((op) => op.product === 'vps');
    expect(routes).toHaveLength(32);
    expect(routes.filter((op) => op.family)).toHaveLength(24);
    const endpoints = fileURLToPath(new URL('../../shared/leaseweb-api/endpoints.tsv', import.meta.url));
    if (!existsSync(endpoints)) return;
    const documented = readFileSync(endpoints, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('vps.'))
      .map((l) => {
        const [id, product, method, path] = l.split('\t');
        return `${id} ${method} /${product}${path}`;
      })
      .sort();
    expect(routes.map((r) => `${r.id} ${r.method} ${r.path}`).sort()).toEqual(documented);
  });

  it('reached every VPS operation outside the families through GraphQL (the families count theirs)', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(8);
    expect(reached.missing()).toEqual([]);
  });
});
