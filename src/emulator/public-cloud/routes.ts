import { randomBytes, randomUUID } from 'node:crypto';
import type { Image, Instance, InstanceContract, InstanceType } from '../../datasources/types/public-cloud.js';
import { badRequest, listParam, boolParam, noContent, ok, paginate, requireParam, validateBody, whole } from '../http.js';
import type { Route } from '../types.js';
import type { PublicCloudDataset, PublicCloudRequest as EmulatorRequest } from './data.js';
import { instanceTypeIn, instanceTypesIn, isos, marketApps, regions, standardImages } from './catalogues.js';
import {
  addMonths,
  allImages,
  createInstance,
  findInstance,
  instanceDetail,
  instanceIpRecords,
  instanceSummary,
  isoTime,
  refused,
  usable,
  type InstanceRecord,
} from './data.js';
import { instanceFamilyRoutes } from './families.js';
import { instanceRoutes } from './routes-instance.js';

const BASE = '/publicCloud/v1';

const STATES: Instance['state'][] = [
  'CREATING',
  'DESTROYED',
  'DESTROYING',
  'FAILED',
  'RUNNING',
  'STARTING',
  'STOPPED',
  'STOPPING',
  'UNKNOWN',
];
const CONTRACT_TERMS = [0, 1, 3, 6, 12];
const BILLING_FREQUENCIES = [1, 3, 6, 12];

function regionParam(value: string | null | undefined, field = 'region'): string | undefined {
  if (!value) return undefined;
  if (!regions.some((r) => r.name === value))
    throw badRequest({ [field]: [`The value should be one of: ${regions.map((r) => r.name).join(', ')}.`] });
  return value;
}

function enumParam<T extends string>(req: EmulatorRequest, name: string, values: readonly T[]): T | undefined {
  const raw = req.query.get(name);
  if (!raw) return undefined;
  if (!values.includes(raw as T)) throw badRequest({ [name]: [`The value should be one of: ${values.join(', ')}.`] });
  return raw as T;
}

/** Types an instance may change to: same region, at least as big, on its storage type. */
export function typesForUpdate(record: InstanceRecord): InstanceType[] {
  const { region, type, rootDiskStorageType } = record.instance;
  const current = instanceTypeIn(region, type);
  return instanceTypesIn(region).filter(
    (t) =>
      t.name !== type &&
      t.storageTypes.includes(rootDiskStorageType) &&
      (!current || (t.resources.cpu.value >= current.resources.cpu.value && t.resources.memory.value >= current.resources.memory.value)),
  );
}

/** Contract fields shared by launch and update; errors go into `details`. */
function checkContract(details: Record<string, string[]>, contract: { type?: string; term?: number; billingFrequency?: number }): void {
  if (contract.term !== undefined && !CONTRACT_TERMS.includes(contract.term))
    details.contractTerm = [`The value should be one of: ${CONTRACT_TERMS.join(', ')}.`];
  if (contract.billingFrequency !== undefined && !BILLING_FREQUENCIES.includes(contract.billingFrequency)) {
    details.billingFrequency = [`The value should be one of: ${BILLING_FREQUENCIES.join(', ')}.`];
  }
  if (details.contractTerm) return;
  if (contract.type === 'HOURLY' && contract.term !== 0)
    details.contractTerm = ['An HOURLY contract has no commitment: contractTerm must be 0.'];
  if (contract.type === 'MONTHLY' && contract.term === 0)
    details.contractTerm = ['A MONTHLY contract needs a contractTerm of 1, 3, 6 or 12.'];
}

function checkDiskSize(
  details: Record<string, string[]>,
  size: number | undefined,
  image: { family: string } | undefined,
  minimum = 5,
): void {
  if (size === undefined) return;
  if (!Number.isInteger(size) || size < 5 || size > 1000) details.rootDiskSize = ['This value should be between 5 and 1000.'];
  else if (image?.family === 'windows' && size < 50) details.rootDiskSize = ['Windows instances need at least 50 GB.'];
  else if (size < minimum) details.rootDiskSize = [`The root disk cannot shrink below its current ${minimum} GB.`];
}

interface LaunchBody {
  region: string;
  type: string;
  imageId: string;
  marketAppId?: string;
  reference?: string;
  contractType: 'HOURLY' | 'MONTHLY';
  contractTerm: number;
  billingFrequency: number;
  rootDiskSize?: number;
  rootDiskStorageType: 'LOCAL' | 'CENTRAL';
  sshKey?: string;
  userData?: string;
}

function launch(req: EmulatorRequest) {
  const body = validateBody<LaunchBody & Record<string, unknown>>(
    req,
    {
      region: 'string',
      type: 'string',
      imageId: 'string',
      marketAppId: 'string',
      reference: 'string',
      contractType: ['HOURLY', 'MONTHLY'],
      contractTerm: 'number',
      billingFrequency: 'number',
      rootDiskSize: 'number',
      rootDiskStorageType: ['LOCAL', 'CENTRAL'],
      sshKey: 'string',
      userData: 'string',
    },
    ['region', 'type', 'imageId', 'contractType', 'contractTerm', 'billingFrequency', 'rootDiskStorageType'],
  );
  const details: Record<string, string[]> = {};
  const region = regions.find((r) => r.name === body.region);
  if (!region) details.region = [`The value should be one of: ${regions.map((r) => r.name).join(', ')}.`];
  const type = region ? instanceTypeIn(region.name, body.type) : undefined;
  if (region && !type) details.type = [`The instance type is not available in ${region.name}.`];
  const image = allImages(req.data).find((i) => i.id === body.imageId && (!i.custom || (i.region === body.region && i.state === 'READY')));
  if (!image) details.imageId = ['Unknown image, or a custom image of another region.'];
  checkContract(details, { type: body.contractType, term: body.contractTerm, billingFrequency: body.billingFrequency });
  checkDiskSize(details, body.rootDiskSize, image);
  if (type && !type.storageTypes.includes(body.rootDiskStorageType))
    details.rootDiskStorageType = [`${body.type} supports ${type.storageTypes.join(', ')} storage.`];
  if (body.sshKey && body.userData) details.userData = ['userData cannot be combined with sshKey.'];
  if (body.sshKey && image?.family === 'windows') details.sshKey = ['SSH keys can only be installed on Linux and FreeBSD instances.'];
  if (body.marketAppId && image && !image.marketApps.includes(body.marketAppId))
    details.marketAppId = ['The image does not offer this market app.'];
  if (Object.keys(details).length || !type || !image) throw badRequest(details);

  const now = Date.now();
  const contract: InstanceContract = {
    billingFrequency: body.billingFrequency,
    term: body.contractTerm,
    type: body.contractType,
    endsAt: null,
    renewalsAt: isoTime(addMonths(now, body.contractType === 'MONTHLY' ? body.contractTerm : 1)),
    createdAt: isoTime(now),
    state: 'ACTIVE',
  };
  // As the reference's launch sample: RUNNING at once, `startedAt` still null.
  const record = createInstance(req.data, {
    id: randomUUID(),
    region: body.region,
    type,
    image,
    reference: body.reference ?? null,
    contract,
    rootDiskSize: body.rootDiskSize ?? (image.family === 'windows' ? 50 : 5),
    rootDiskStorageType: body.rootDiskStorageType,
    marketAppId: body.marketAppId ?? null,
    hasUserData: Boolean(body.userData),
    withPublicIp: true,
    state: 'RUNNING',
    startedAt: null,
    contractId: String(10_000_000 + (randomBytes(4).readUInt32BE() % 90_000_000)),
    ddos: { detectionProfile: 'STANDARD_DEFAULT', protectionType: 'STANDARD' },
  });
  record.credentials.push({
    type: 'OPERATING_SYSTEM',
    username: image.family === 'windows' ? 'Administrator' : 'root',
    password: randomBytes(8).toString('hex'),
  });
  return ok(instanceDetail(req.data, record), 201);
}

function update(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  const inst = record.instance;
  const body = validateBody<{
    type?: string;
    reference?: string;
    contractType?: 'HOURLY' | 'MONTHLY';
    contractTerm?: number;
    billingFrequency?: number;
    rootDiskSize?: number;
  }>(req, {
    type: 'string',
    reference: 'string',
    contractType: ['HOURLY', 'MONTHLY'],
    contractTerm: 'number',
    billingFrequency: 'number',
    rootDiskSize: 'number',
  });
  const details: Record<string, string[]> = {};
  const type = body.type === undefined ? undefined : typesForUpdate(record).find((t) => t.name === body.type);
  if (body.type !== undefined && body.type !== inst.type && !type)
    details.type = ['Not an instance type this instance can change to (see instanceTypesUpdate).'];
  checkContract(details, {
    type: body.contractType ?? inst.contract.type,
    term: body.contractTerm ?? (body.contractType === 'HOURLY' ? 0 : inst.contract.term),
    billingFrequency: body.billingFrequency,
  });
  // A disk can grow, never shrink (the reference gives only the bounds; shrinking loses data).
  checkDiskSize(details, body.rootDiskSize, inst.image, inst.rootDiskSize);
  if (Object.keys(details).length) throw badRequest(details);
  if (type) {
    inst.type = type.name;
    inst.resources = type.resources;
  }
  if (body.reference !== undefined) inst.reference = body.reference;
  if (body.rootDiskSize !== undefined) inst.rootDiskSize = body.rootDiskSize;
  if (body.contractType !== undefined) inst.contract.type = body.contractType;
  if (body.contractTerm !== undefined || body.contractType === 'HOURLY') inst.contract.term = body.contractTerm ?? 0;
  if (body.billingFrequency !== undefined) inst.contract.billingFrequency = body.billingFrequency;
  return ok(instanceDetail(req.data, record));
}

/**
 * DELETE /instances/{id}: an hourly instance goes at once (DESTROYING); a monthly one is
 * scheduled for the end of its contract (`contract.state` DELETE_SCHEDULED) and keeps
 * running until then, which `cancelTermination` can undo.
 */
function terminate(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  const { contract } = record.instance;
  if (contract.state === 'DELETE_SCHEDULED') throw refused('The instance is already scheduled for termination.');
  contract.state = 'DELETE_SCHEDULED';
  if (contract.type === 'HOURLY') {
    record.instance.state = 'DESTROYING';
    contract.endsAt = isoTime(Date.now());
  } else {
    contract.endsAt = contract.renewalsAt;
  }
  return { status: 200 };
}

function cancelTermination(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  const { contract } = record.instance;
  if (contract.type !== 'MONTHLY') throw refused('Only the termination of a monthly instance can be cancelled.');
  if (contract.state !== 'DELETE_SCHEDULED') throw refused('The instance is not scheduled for termination.');
  contract.state = 'ACTIVE';
  contract.endsAt = null;
  return noContent();
}

function imagesPage(req: EmulatorRequest, images: Image[], region?: string) {
  const custom = boolParam(req, 'custom');
  const standard = boolParam(req, 'standard');
  const state = enumParam(req, 'state', ['CREATING', 'READY', 'DESTROYED', 'DESTROYING', 'FAILED'] as const);
  const marketAppId = enumParam(req, 'marketAppId', ['CPANEL_30', 'CPANEL_100', 'PLESK_WEB_PRO', 'PLESK_WEB_ADMIN'] as const);
  const storageType = enumParam(req, 'storageType', ['LOCAL', 'CENTRAL'] as const);
  const flavour = enumParam(req, 'flavour', [
    'ubuntu',
    'debian',
    'freebsd',
    'centos',
    'almalinux',
    'rockylinux',
    'archlinux',
    'windows',
  ] as const);
  const name = req.query.get('name');
  const list = images
    .filter((i) => custom === undefined || i.custom === custom)
    .filter((i) => standard === undefined || !i.custom === standard)
    .filter((i) => !state || i.state === state)
    .filter((i) => !marketAppId || i.marketApps.includes(marketAppId))
    .filter((i) => !storageType || i.storageTypes.includes(storageType))
    .filter((i) => !flavour || i.flavour === flavour)
    .filter((i) => !name || i.name === name)
    .filter((i) => !region || !i.custom || i.region === region)
    .map((i) => (region && !i.custom ? { ...i, region } : i));
  return paginate(req, list, 'images');
}

// Catalogues.
function listRegions(req: EmulatorRequest) {
  return paginate(req, regions, 'regions');
}

function listInstanceTypes(req: EmulatorRequest) {
  const region = regionParam(requireParam(req, 'region'))!;
  return paginate(req, instanceTypesIn(region), 'instanceTypes', { defaultLimit: 50 });
}

function listIsos(req: EmulatorRequest) {
  return paginate(req, isos, 'isos');
}

/** The reference documents no parameter for this list; its sample answers it whole, with `_metadata`. */
function listMarketApps() {
  return whole('marketApps', marketApps);
}

function listImages(req: EmulatorRequest) {
  return imagesPage(req, allImages(req.data), regionParam(req.query.get('region')));
}

function createCustomImage(req: EmulatorRequest) {
  const body = validateBody<{ name: string; instanceId: string }>(req, { name: 'string', instanceId: 'string' }, ['name', 'instanceId']);
  // No 404 is documented for this operation: an unknown instance is a validation error.
  const record = req.data.publicCloud.instances.get(body.instanceId);
  if (!record) throw badRequest({ instanceId: ['Unknown instance.'] });
  usable(record);
  const now = isoTime(Date.now());
  const { image, region, rootDiskSize } = record.instance;
  const created: Image = {
    id: randomUUID(),
    name: body.name,
    family: image.family,
    flavour: image.flavour,
    custom: true,
    version: null,
    architecture: null,
    marketApps: [],
    storageTypes: [],
    storageSize: { size: Math.round(rootDiskSize * 15) / 100, unit: 'GB' },
    state: 'READY',
    stateReason: null,
    region,
    createdAt: now,
    updatedAt: now,
    minDiskSize: null,
  };
  req.data.publicCloud.customImages.push(created);
  return ok(created, 201);
}

function updateCustomImage(req: EmulatorRequest) {
  const body = validateBody<{ name: string }>(req, { name: 'string' }, ['name']);
  const image = req.data.publicCloud.customImages.find((i) => i.id === req.params.imageId);
  // The reference lists no 404 here either; standard images cannot be renamed.
  if (!image)
    throw badRequest({
      imageId: [standardImages.some((i) => i.id === req.params.imageId) ? 'Only custom images can be updated.' : 'Unknown custom image.'],
    });
  image.name = body.name;
  image.updatedAt = isoTime(Date.now());
  return ok(image, 201); // 201, as documented
}

// Instances.
function getInstanceList(req: EmulatorRequest) {
  const ip = req.query.get('ip');
  const reference = req.query.get('reference');
  const id = req.query.get('id');
  const contractType = enumParam(req, 'contractType', ['HOURLY', 'MONTHLY'] as const);
  const contractState = enumParam(req, 'contractState', ['ACTIVE', 'DELETE_SCHEDULED'] as const);
  const imageId = req.query.get('imageId');
  const states = listParam(req, 'state');
  for (const s of states ?? [])
    if (!STATES.includes(s as Instance['state'])) throw badRequest({ state: [`The value should be one of: ${STATES.join(', ')}.`] });
  const region = regionParam(req.query.get('region'));
  const type = req.query.get('type');
  const list = [...req.data.publicCloud.instances.values()]
    .filter((r) => !ip || instanceIpRecords(req.data, r).some((x) => x.ip === ip.split('/')[0]))
    .filter((r) => !reference || (r.instance.reference ?? '').includes(reference))
    .filter((r) => !id || r.instance.id === id)
    .filter((r) => !contractType || r.instance.contract.type === contractType)
    .filter((r) => !contractState || r.instance.contract.state === contractState)
    .filter((r) => !imageId || r.instance.image.id === imageId)
    .filter((r) => !states || states.includes(r.instance.state))
    .filter((r) => !region || r.instance.region === region)
    .filter((r) => !type || r.instance.type === type);
  return paginate(req, list, 'instances', { project: (r) => instanceSummary(req.data, r) });
}

function getInstanceDetails(req: EmulatorRequest) {
  return ok(instanceDetail(req.data, findInstance(req)));
}

function listInstanceTypesForUpdate(req: EmulatorRequest) {
  return paginate(req, typesForUpdate(findInstance(req)), 'instanceTypes', { defaultLimit: 50 });
}

function getExpenses(req: EmulatorRequest) {
  return expenses(req.data, req);
}

export const routes: Array<Route<PublicCloudDataset>> = [
  { id: 'publicCloud.listRegions', method: 'GET', path: `${BASE}/regions`, handler: listRegions },
  { id: 'publicCloud.listInstanceTypes', method: 'GET', path: `${BASE}/instanceTypes`, handler: listInstanceTypes },
  { id: 'publicCloud.listIsos', method: 'GET', path: `${BASE}/isos`, handler: listIsos },
  { id: 'publicCloud.listImages', method: 'GET', path: `${BASE}/images`, handler: listImages },
  { id: 'publicCloud.listMarketApps', method: 'GET', path: `${BASE}/marketApps`, handler: listMarketApps },
  { id: 'publicCloud.createCustomImage', method: 'POST', path: `${BASE}/images`, handler: createCustomImage },
  { id: 'publicCloud.updateCustomImage', method: 'PUT', path: `${BASE}/images/{imageId}`, handler: updateCustomImage },
  { id: 'publicCloud.getInstanceList', method: 'GET', path: `${BASE}/instances`, handler: getInstanceList },
  { id: 'publicCloud.launchInstance', method: 'POST', path: `${BASE}/instances`, handler: launch },
  { id: 'publicCloud.getInstanceDetails', method: 'GET', path: `${BASE}/instances/{instanceId}`, handler: getInstanceDetails },
  { id: 'publicCloud.updateInstance', method: 'PUT', path: `${BASE}/instances/{instanceId}`, handler: update },
  { id: 'publicCloud.terminateInstance', method: 'DELETE', path: `${BASE}/instances/{instanceId}`, handler: terminate },
  {
    id: 'publicCloud.cancelInstanceTermination',
    method: 'POST',
    path: `${BASE}/instances/{instanceId}/cancelTermination`,
    handler: cancelTermination,
  },
  {
    id: 'publicCloud.listInstanceTypesForUpdate',
    method: 'GET',
    path: `${BASE}/instances/{instanceId}/instanceTypesUpdate`,
    handler: listInstanceTypesForUpdate,
  },
  { id: 'publicCloud.getExpenses', method: 'GET', path: `${BASE}/equipments/{equipmentId}/expenses`, handler: getExpenses },
  ...instanceRoutes,
  ...instanceFamilyRoutes,
];

/**
 * GET /equipments/{id}/expenses?from=YYYY-MM-01[&to=…]: what an instance cost in one
 * month. The reference does not explain the equipment UUID; the emulator reads it as an
 * instance id. No 404 is documented: unknown equipment has no costs.
 */
function expenses(d: PublicCloudDataset, req: EmulatorRequest) {
  const fromRaw = requireParam(req, 'from');
  const from = Date.parse(`${fromRaw.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-01/.test(fromRaw) || Number.isNaN(from))
    throw badRequest({ from: ['This value should be the first day of a month (YYYY-MM-01).'] });
  const to = addMonths(from, 1);
  const toRaw = req.query.get('to');
  if (toRaw && Date.parse(`${toRaw.slice(0, 10)}T00:00:00Z`) !== to)
    throw badRequest({ to: ['This value should be exactly one month after from.'] });
  const record = d.publicCloud.instances.get(req.params.equipmentId!);
  const instances = [];
  let usageGb = 0;
  if (record) {
    const inst = record.instance;
    const start = Math.max(from, Date.parse(inst.contract.createdAt));
    const ended = inst.contract.endsAt ? Date.parse(inst.contract.endsAt) : Infinity;
    const end = Math.min(to, ended, Date.now());
    const hours = Math.floor(Math.max(0, end - start) / 3_600_000);
    const type = instanceTypeIn(inst.region, inst.type);
    if (hours > 0 && type) {
      const storage = inst.rootDiskStorageType === 'LOCAL' ? type.prices.storage.local : type.prices.storage.central;
      const hourly = Number(type.prices.compute.hourlyPrice) + Number(storage.hourlyPrice) * inst.rootDiskSize;
      instances.push({
        id: inst.id,
        reference: inst.reference,
        resources: inst.resources,
        contract: inst.contract,
        startedAt: inst.startedAt,
        endedAt: ended <= to ? inst.contract.endsAt : null,
        rootDiskSize: inst.rootDiskSize,
        billingType: inst.contract.type === 'HOURLY' ? 'POSTPAID' : 'PREPAID',
        hours,
        from: isoTime(start),
        to: isoTime(start + hours * 3_600_000),
        rootDiskStorageType: inst.rootDiskStorageType,
        price: (hourly * hours).toFixed(2),
      });
      // Traffic grows with the hours the instance ran: 1.5 GB an hour.
      usageGb = Math.round(hours * 1.5 * 100) / 100;
    }
  }
  // Tiers as in the reference: the first 1000 GB free, then cheaper per GB the more is used.
  const tiers: Array<[number, number]> = [
    [1000, 0],
    [10_000, 0.0015],
    [10_000, 0.0013],
    [Infinity, 0.001],
  ];
  let left = usageGb;
  const values: Record<string, { usage: number; price: number }> = {};
  tiers.forEach(([size, perGb], k) => {
    const usage = Math.min(left, size);
    left -= usage;
    values[`tier_${k}`] = { usage: Math.round(usage * 100) / 100, price: Math.round(usage * perGb * 100) / 100 };
  });
  return ok({ billing: { instances, traffic: { unit: 'GB', values } } });
}
