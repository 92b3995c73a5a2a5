import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../src/emulator/dataset.js';
import { instanceTypesIn, standardImages } from '../src/emulator/public-cloud/catalogues.js';
import type { InstanceRecord } from '../src/emulator/public-cloud/data.js';
import { typesForUpdate } from '../src/emulator/public-cloud/routes.js';
import { sample, describeIf, samplesAvailable, shapeDifferences } from './support/samples.js';
import { trackOperations } from './support/operations.js';
import { useStack } from './support/stack.js';
import { utc } from './support/values.js';

const stack = useStack();
// Public Cloud core: every operation but load balancers, auto scaling and target groups.
const core = (op: { id: string }) => !/loadBalancer|autoScaling|targetGroup|listener|Targets$/i.test(op.id);
const reached = trackOperations(
  stack,
  (op) => op.product === 'publicCloud' && !op.family,
  (suite) => !suite.includes('samples'),
);

const records = () => [...stack().demo.publicCloud.instances.values()];
const record = (id: string) => stack().demo.publicCloud.instances.get(id)!;
const publicIps = (id: string) => stack().demo.ipManagement.byEquipment.get(id) ?? [];
const find = (pick: (r: InstanceRecord) => boolean) => {
  const found = records().find(pick);
  if (!found) throw new Error('the demo data set has no such instance');
  return found;
};
const ERRORS = 'userErrors { field message code leasewebCode }';
const INSTANCE = `instance { leasewebId state reference type rootDiskSize contract { type state endsAt } iso { isoId } privateNetwork { privateNetworkId } image { leasewebId } } ${ERRORS}`;

/** Runs a mutation taking `input` and returns its payload. */
async function mutate(name: string, input: Record<string, unknown>, selection = INSTANCE): Promise<any> {
  const data = await stack().data(`mutation($input: ${inputTypeOf(name)}!) { ${name}(input: $input) { ${selection} } }`, { input });
  return data[name];
}

function inputTypeOf(name: string): string {
  const special: Record<string, string> = {
    terminatePublicCloudInstance: 'PublicCloudInstanceInput',
    cancelPublicCloudInstanceTermination: 'PublicCloudInstanceInput',
    resetPublicCloudInstancePassword: 'PublicCloudInstanceInput',
    addPublicCloudInstanceToPrivateNetwork: 'PublicCloudInstanceInput',
    removePublicCloudInstanceFromPrivateNetwork: 'PublicCloudInstanceInput',
  };
  return special[name] ?? name[0]!.toUpperCase() + name.slice(1) + 'Input';
}

const LAUNCH = {
  region: 'eu-west-3',
  type: 'lsw.m3.large',
  imageId: 'UBUNTU_22_04_64BIT',
  reference: 'launched-by-test',
  contractType: 'HOURLY',
  contractTerm: 0,
  billingFrequency: 1,
  rootDiskSize: 20,
  rootDiskStorageType: 'CENTRAL',
};

describe('launching and changing instances', () => {
  it('launches an instance whose public IP is registered in ipMgmt under it', async () => {
    const before = records().length;
    const res = await mutate(
      'launchPublicCloudInstance',
      LAUNCH,
      `instance { leasewebId state regionName type reference rootDiskSize ips { nodes { ip equipment { __typename ... on PublicCloudInstance { leasewebId } } } } } ${ERRORS}`,
    );
    expect(res.userErrors).toEqual([]);
    const id = res.instance.leasewebId;
    expect(records()).toHaveLength(before + 1);
    expect(res.instance).toMatchObject({
      state: 'RUNNING',
      regionName: 'eu-west-3',
      type: 'lsw.m3.large',
      reference: 'launched-by-test',
      rootDiskSize: 20,
    });
    const [ip] = publicIps(id);
    expect(ip).toMatchObject({ equipmentId: id, networkType: 'PUBLIC', primary: true });
    expect(res.instance.ips.nodes).toEqual([{ ip: ip!.ip, equipment: { __typename: 'PublicCloudInstance', leasewebId: id } }]);
    expect(record(id).credentials.map((c) => c.username)).toEqual(['root']);
    const [post] = stack().calls({ method: 'POST' });
    expect(post!.path).toBe('/publicCloud/v1/instances');
    const listed = await stack().data('{ publicCloudInstances(filter: { reference: "launched-by-test" }) { nodes { leasewebId } } }');
    expect(listed.publicCloudInstances.nodes).toEqual([{ leasewebId: id }]);
  });

  it('turns refused launch input into userErrors per field', async () => {
    // A type Amsterdam offers and Singapore does not; a storage type lsw.m3.large lacks.
    const notInSingapore = instanceTypesIn('eu-west-3').find((t) => !instanceTypesIn('ap-southeast-1').some((x) => x.name === t.name))!;
    const m3 = instanceTypesIn('eu-west-3').find((t) => t.name === LAUNCH.type)!;
    expect(m3.storageTypes).not.toContain('LOCAL');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: notInSingapore.name, region: 'ap-southeast-1' }, 'type'],
      [{ contractTerm: 12 }, 'contractTerm'],
      [{ sshKey: 'ssh-ed25519 AAAA', userData: '#cloud-config' }, 'userData'],
      [{ imageId: 'WINDOWS_SERVER_2022_STANDARD_64BIT', rootDiskSize: 20 }, 'rootDiskSize'],
      [{ imageId: stack().demo.publicCloud.customImages.find((i) => i.region !== 'eu-west-3')!.id }, 'imageId'],
      [{ rootDiskStorageType: 'LOCAL' }, 'rootDiskStorageType'],
    ];
    const before = records().length;
    for (const [change, field] of cases) {
      const res = await mutate('launchPublicCloudInstance', { ...LAUNCH, ...change });
      expect(res.instance, field).toBeNull();
      expect(
        res.userErrors.map((e: any) => e.field),
        field,
      ).toContainEqual(['input', field]);
      // The type is checked against the region's catalogue by the gateway, before the write.
      expect(res.userErrors[0].leasewebCode).toBe(field === 'type' ? null : 'VALIDATION_FAILED');
    }
    expect(records()).toHaveLength(before);
    stack().emulator.clearLog();
    const badForm = await mutate('launchPublicCloudInstance', { ...LAUNCH, type: 'M3 large' });
    expect(badForm.userErrors).toEqual([expect.objectContaining({ field: ['input', 'type'], code: 'INVALID', leasewebCode: null })]);
    expect(stack().calls()).toEqual([]);
  });

  it('updates reference, type and disk, and refuses a smaller disk or a type it cannot take', async () => {
    const r = find((x) => x.instance.state === 'RUNNING' && typesForUpdate(x).length > 0);
    const target = typesForUpdate(r)[0]!;
    const gidOf = `gid://leaseweb/PublicCloudInstance/${r.instance.id}`;
    const bigger = r.instance.rootDiskSize + 10;
    const res = await mutate('updatePublicCloudInstance', {
      instanceId: gidOf,
      reference: 'renamed',
      type: target.name,
      rootDiskSize: bigger,
    });
    expect(res.userErrors).toEqual([]);
    expect(res.instance).toMatchObject({ reference: 'renamed', type: target.name, rootDiskSize: bigger });
    expect(r.instance).toMatchObject({ reference: 'renamed', type: target.name, resources: target.resources, rootDiskSize: bigger });
    expect(
      stack()
        .calls({ method: 'PUT' })
        .map((c) => c.path),
    ).toEqual([`/publicCloud/v1/instances/${r.instance.id}`]);

    const shrink = await mutate('updatePublicCloudInstance', { instanceId: r.instance.id, rootDiskSize: 5 });
    expect(shrink.userErrors[0].field).toEqual(['input', 'rootDiskSize']);
    const smaller = instanceTypesIn(r.instance.region).find((t) => t.resources.cpu.value < target.resources.cpu.value)!;
    const downgrade = await mutate('updatePublicCloudInstance', { instanceId: r.instance.id, type: smaller.name });
    expect(downgrade.userErrors[0].field).toEqual(['input', 'type']);
    expect(r.instance.type).toBe(target.name);
  });
});

// Start, stop and reboot are the power family (test/families/power.test.ts); IPs,
// credentials, ISO and snapshots are families too (test/families/).
describe('terminating instances', () => {
  it('terminates an hourly instance at once and refuses to cancel it', async () => {
    const r = find((x) => x.instance.contract.type === 'HOURLY' && x.instance.state === 'RUNNING');
    const input = { instanceId: r.instance.id };
    const res = await mutate('terminatePublicCloudInstance', input);
    expect(res.userErrors).toEqual([]);
    expect(res.instance).toMatchObject({ state: 'DESTROYING', contract: { state: 'DELETE_SCHEDULED', endsAt: expect.any(String) } });
    expect(
      stack()
        .calls({ method: 'DELETE' })
        .map((c) => c.path),
    ).toEqual([`/publicCloud/v1/instances/${r.instance.id}`]);
    expect((await mutate('cancelPublicCloudInstanceTermination', input)).userErrors).toHaveLength(1);
    const stop = await stack().data(`mutation($id: ID!) { powerOffEquipment(input: { equipmentId: $id }) { ${ERRORS} } }`, {
      id: `gid://leaseweb/PublicCloudInstance/${r.instance.id}`,
    });
    expect(stop.powerOffEquipment.userErrors[0].message).toMatch(/destroying/);
    expect(r.instance.state).toBe('DESTROYING');
  });

  it('schedules a monthly instance for the end of its contract, and cancels that', async () => {
    const r = find(
      (x) => x.instance.contract.type === 'MONTHLY' && x.instance.contract.state === 'ACTIVE' && x.instance.state === 'RUNNING',
    );
    const input = { instanceId: r.instance.id };
    const res = await mutate('terminatePublicCloudInstance', input);
    expect(res.instance).toMatchObject({
      state: 'RUNNING',
      contract: { state: 'DELETE_SCHEDULED', endsAt: utc(r.instance.contract.renewalsAt) },
    });
    expect((await mutate('terminatePublicCloudInstance', input)).userErrors[0].message).toMatch(/already scheduled/);
    const cancel = await mutate('cancelPublicCloudInstanceTermination', input);
    expect(cancel).toMatchObject({ instance: { contract: { state: 'ACTIVE', endsAt: null } }, userErrors: [] });
    expect((await mutate('cancelPublicCloudInstanceTermination', input)).userErrors[0].message).toMatch(/not scheduled/);
  });
});

describe('passwords', () => {
  it('resets the password of a running instance only', async () => {
    const r = find((x) => x.instance.state === 'RUNNING' && x.credentials.some((c) => c.type === 'OPERATING_SYSTEM'));
    const os = r.credentials.find((c) => c.type === 'OPERATING_SYSTEM')!;
    const old = os.password;
    expect((await mutate('resetPublicCloudInstancePassword', { instanceId: r.instance.id })).userErrors).toEqual([]);
    const read = await stack().data(
      `{ publicCloudInstance(id: "${r.instance.id}") { credential(type: OPERATING_SYSTEM, username: "${os.username}") { password } } }`,
    );
    expect(read.publicCloudInstance.credential.password).toBe(os.password);
    expect(os.password).not.toBe(old);
    const stopped = find((x) => x.instance.state === 'STOPPED');
    expect((await mutate('resetPublicCloudInstancePassword', { instanceId: stopped.instance.id })).userErrors[0].message).toMatch(
      /RUNNING/,
    );
  });
});

describe('reinstall and private network', () => {
  it('reinstalls an instance without snapshots with a new image and new credentials', async () => {
    const debian = standardImages.find((i) => i.flavour === 'debian')!;
    const r = find(
      (x) =>
        x.snapshots.length === 0 &&
        x.instance.state === 'RUNNING' &&
        x.instance.image.id !== debian.id &&
        x.instance.image.family === 'linux',
    );
    const oldPassword = r.credentials[0]!.password;
    const res = await mutate('reinstallPublicCloudInstance', { instanceId: r.instance.id, imageId: debian.id });
    expect(res).toMatchObject({ instance: { image: { leasewebId: debian.id } }, userErrors: [] });
    expect(r.credentials).toHaveLength(1);
    expect(r.credentials[0]).toMatchObject({ type: 'OPERATING_SYSTEM', username: 'root' });
    expect(r.credentials[0]!.password).not.toBe(oldPassword);
    expect((await mutate('reinstallPublicCloudInstance', { instanceId: r.instance.id, imageId: 'NOPE' })).userErrors[0].field).toEqual([
      'input',
      'imageId',
    ]);
    const withSnapshot = find((x) => x.snapshots.length > 0);
    const refused = await mutate('reinstallPublicCloudInstance', { instanceId: withSnapshot.instance.id, imageId: standardImages[0]!.id });
    expect(refused.userErrors[0].message).toMatch(/snapshots/);
  });

  it('adds an instance to the private network and takes it out, not while it has snapshots', async () => {
    const r = find((x) => !x.instance.privateNetwork && x.snapshots.length === 0 && x.instance.state === 'RUNNING');
    const input = { instanceId: r.instance.id };
    const added = await mutate(
      'addPublicCloudInstanceToPrivateNetwork',
      input,
      `instance { hasPrivateNetwork privateNetwork { privateNetworkId status subnet } } ${ERRORS}`,
    );
    expect(added.instance).toEqual({ hasPrivateNetwork: true, privateNetwork: r.instance.privateNetwork });
    expect(r.instance.privateNetwork).not.toBeNull();
    expect((await mutate('addPublicCloudInstanceToPrivateNetwork', input)).userErrors).toHaveLength(1);
    expect((await mutate('removePublicCloudInstanceFromPrivateNetwork', input)).instance.privateNetwork).toBeNull();
    expect((await mutate('removePublicCloudInstanceFromPrivateNetwork', input)).userErrors).toHaveLength(1);
    const withSnapshot = find((x) => x.snapshots.length > 0 && Boolean(x.instance.privateNetwork));
    expect(
      (await mutate('removePublicCloudInstanceFromPrivateNetwork', { instanceId: withSnapshot.instance.id })).userErrors[0].message,
    ).toMatch(/snapshots/);
    expect(stack().calls({ path: '/addToPrivateNetwork', method: 'PUT' })).toHaveLength(2);
    expect(stack().calls({ path: '/removeFromPrivateNetwork', method: 'DELETE' })).toHaveLength(3);
  });
});

describe('custom images', () => {
  const IMAGE = `image { id leasewebId name custom flavour state region { name } } ${ERRORS}`;

  it('makes a custom image from an instance and renames it', async () => {
    const r = find((x) => x.instance.state === 'RUNNING' && !x.instance.image.custom);
    const created = await mutate('createPublicCloudCustomImage', { instanceId: r.instance.id, name: 'golden' }, IMAGE);
    expect(created.userErrors).toEqual([]);
    expect(created.image).toMatchObject({
      name: 'golden',
      custom: true,
      flavour: r.instance.image.flavour,
      state: 'READY',
      region: { name: r.instance.region },
    });
    const id = created.image.leasewebId;
    expect(stack().demo.publicCloud.customImages.map((i) => i.id)).toContain(id);
    const renamed = await mutate('updatePublicCloudCustomImage', { imageId: created.image.id, name: 'golden-v2' }, IMAGE);
    expect(renamed.image).toMatchObject({ leasewebId: id, name: 'golden-v2' });
    const listed = await stack().data('{ publicCloudImages(filter: { custom: true, name: "golden-v2" }) { nodes { leasewebId } } }');
    expect(listed.publicCloudImages.nodes).toEqual([{ leasewebId: id }]);
  });

  it('refuses to rename a standard image or to image an unknown instance', async () => {
    const standard = await mutate('updatePublicCloudCustomImage', { imageId: standardImages[0]!.id, name: 'mine' }, IMAGE);
    expect(standard.userErrors[0]).toMatchObject({ field: ['input', 'imageId'], message: expect.stringMatching(/custom/) });
    const unknown = await mutate('createPublicCloudCustomImage', { instanceId: '00000000-0000-4000-8000-000000000000', name: 'x' }, IMAGE);
    expect(unknown.userErrors[0].field).toEqual(['input', 'instanceId']);
  });
});

describeIf(samplesAvailable)('Public Cloud write answers match the documented samples', () => {
  async function send(method: string, path: string, body?: unknown) {
    const res = await fetch(stack().emulator.url + path, {
      method,
      headers: { 'x-lsw-auth': DEMO_API_KEY, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  it('answers writes with the documented shapes', async () => {
    const r = find(
      (x) => x.instance.state === 'RUNNING' && publicIps(x.instance.id).some((ip) => !ip.nullRouted) && x.credentials.length > 0,
    );
    const base = `/publicCloud/v1/instances/${r.instance.id}`;
    const ip = publicIps(r.instance.id)[0]!.ip;
    const cred = r.credentials[0]!;
    const launched = await send('POST', '/publicCloud/v1/instances', sample('publicCloud.launchInstance.request'));
    const image = await send('POST', '/publicCloud/v1/images', {
      ...(sample('publicCloud.createCustomImage.request') as object),
      instanceId: r.instance.id,
    });
    const writes: Array<[string, { status: number; body: unknown }, number]> = [
      ['launchInstance', launched, 201],
      ['updateInstance', await send('PUT', base, sample('publicCloud.updateInstance.request')), 200],
      [
        'storeInstanceCredential',
        await send('POST', `${base}/credentials`, {
          ...(sample('publicCloud.storeInstanceCredential.request') as object),
          username: 'sampleuser',
        }),
        200,
      ],
      [
        'updateInstanceCredential',
        await send('PUT', `${base}/credentials/${cred.type}/${cred.username}`, sample('publicCloud.updateInstanceCredential.request')),
        200,
      ],
      ['createCustomImage', image, 201],
      [
        'updateCustomImage',
        await send('PUT', `/publicCloud/v1/images/${image.body.id}`, sample('publicCloud.updateCustomImage.request')),
        201,
      ],
      ['updateInstanceIp', await send('PUT', `${base}/ips/${ip}`, sample('publicCloud.updateInstanceIp.request')), 200],
      ['nullRouteInstanceIp', await send('POST', `${base}/ips/${ip}/null`, sample('publicCloud.nullRouteInstanceIp.request')), 200],
      ['removeInstanceIpNullRoute', await send('POST', `${base}/ips/${ip}/unnull`), 200],
    ];
    for (const [op, res, status] of writes) {
      expect(res.status, op).toBe(status);
      expect(shapeDifferences(res.body, sample(`publicCloud.${op}`)), op).toEqual([]);
    }
  });
});

describe('operation coverage', () => {
  it('reached every Public Cloud core write through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    const writes = (op: { id: string; method: string }) => core(op) && op.method !== 'GET';
    expect(reached.count(writes)).toBe(10);
    expect(reached.missing(writes)).toEqual([]);
  });
});
