import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, boolParam, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import { imageSummary, standardImages } from './catalogues.js';
import {
  findInstance,
  PRIVATE_NETWORK,
  refused,
  usable,
  type InstanceRecord,
  type PublicCloudDataset,
  type PublicCloudRequest as EmulatorRequest,
} from './data.js';

/** Reinstall candidates: every standard image and the customer's ready custom images of the instance's region. */
function reinstallImages(req: EmulatorRequest, record: InstanceRecord) {
  const custom = req.data.publicCloud.customImages.filter((i) => i.region === record.instance.region && i.state === 'READY');
  return [...standardImages.map((i) => ({ ...i, region: record.instance.region })), ...custom];
}

const BASE = '/publicCloud/v1';
const I = `${BASE}/instances/{instanceId}`;

function resetInstancePassword(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  // The new password is set by the agent inside the machine, so it must be running.
  if (record.instance.state !== 'RUNNING') throw refused('The password can only be reset while the instance is RUNNING.');
  const os = record.credentials.find((c) => c.type === 'OPERATING_SYSTEM');
  const password = randomBytes(8).toString('hex');
  if (os) os.password = password;
  else
    record.credentials.push({
      type: 'OPERATING_SYSTEM',
      username: record.instance.image.family === 'windows' ? 'Administrator' : 'root',
      password,
    });
  return { status: 202 };
}

function listInstanceReinstallImages(req: EmulatorRequest) {
  const record = findInstance(req);
  const custom = boolParam(req, 'custom');
  const standard = boolParam(req, 'standard');
  const list = reinstallImages(req, record)
    .filter((i) => custom === undefined || i.custom === custom)
    .filter((i) => standard === undefined || !i.custom === standard);
  return paginate(req, list, 'images');
}

function reinstallInstance(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  const body = validateBody<{ imageId: string; marketAppId?: string }>(req, { imageId: 'string', marketAppId: 'string' }, ['imageId']);
  if (record.snapshots.length) throw refused('An instance with snapshots cannot be reinstalled.');
  const image = reinstallImages(req, record).find((i) => i.id === body.imageId);
  if (!image) throw badRequest({ imageId: ['Not an image this instance can be reinstalled with.'] });
  if (body.marketAppId && !image.marketApps.includes(body.marketAppId))
    throw badRequest({ marketAppId: ['The image does not offer this market app.'] });
  const inst = record.instance;
  inst.image = imageSummary(image);
  inst.marketAppId = body.marketAppId ?? null;
  // A new system: the old credentials no longer apply; the new root password is stored.
  record.credentials = [
    { type: 'OPERATING_SYSTEM', username: image.family === 'windows' ? 'Administrator' : 'root', password: randomBytes(8).toString('hex') },
  ];
  return { status: 202 };
}

// Private network.
function addInstanceToPrivateNetwork(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  if (record.snapshots.length) throw refused('An instance with snapshots cannot join a private network.');
  if (record.instance.privateNetwork) throw refused('The instance is already in the private network.');
  record.instance.privateNetwork = { ...PRIVATE_NETWORK };
  record.instance.hasPrivateNetwork = true;
  return { status: 202 };
}

function removeInstanceFromPrivateNetwork(req: EmulatorRequest) {
  const record = usable(findInstance(req));
  if (record.snapshots.length) throw refused('An instance with snapshots cannot leave a private network.');
  if (!record.instance.privateNetwork) throw refused('The instance is not in a private network.');
  record.instance.privateNetwork = null;
  record.instance.hasPrivateNetwork = false;
  return { status: 202 };
}

export const instanceRoutes: Array<Route<PublicCloudDataset>> = [
  { id: 'publicCloud.resetInstancePassword', method: 'POST', path: `${I}/resetPassword`, handler: resetInstancePassword },
  { id: 'publicCloud.listInstanceReinstallImages', method: 'GET', path: `${I}/reinstall/images`, handler: listInstanceReinstallImages },
  { id: 'publicCloud.reinstallInstance', method: 'PUT', path: `${I}/reinstall`, handler: reinstallInstance },
  { id: 'publicCloud.addInstanceToPrivateNetwork', method: 'PUT', path: `${I}/addToPrivateNetwork`, handler: addInstanceToPrivateNetwork },
  {
    id: 'publicCloud.removeInstanceFromPrivateNetwork',
    method: 'DELETE',
    path: `${I}/removeFromPrivateNetwork`,
    handler: removeInstanceFromPrivateNetwork,
  },
];
