import { randomBytes } from 'node:crypto';
import type { Image } from '../../datasources/types/public-cloud.js';
import { consoleRoutes } from '../families/console.js';
import { credentialRoutes } from '../families/credentials.js';
import { ipRoutes, publicCloudIps } from '../families/ips.js';
import { isoRoutes } from '../families/iso.js';
import { metricRoutes } from '../families/metrics.js';
import { opIds } from '../families/owner.js';
import { powerRoutes } from '../families/power.js';
import { snapshotRoutes } from '../families/snapshots.js';
import { badRequest, boolParam, ok, paginate, validateBody } from '../http.js';
import { imageSummary, isos, standardImages } from '../public-cloud/catalogues.js';
import { isoTime, snapshotTime, toInstanceIp } from '../public-cloud/data.js';
import type { Route } from '../types.js';
import { findVps, refused, vpsDetail, vpsIpRecords, vpsSummary, type VpsDataset, type VpsRecord, type VpsRequest } from './data.js';

const BASE = '/publicCloud/v1';
const VPS = { path: `${BASE}/vps/{vpsId}`, find: findVps, noun: 'VPS' };
const STATES = ['RUNNING', 'STARTING', 'STOPPED', 'STOPPING'];

const running = (r: VpsRecord) => r.vps.state === 'RUNNING';
/** Writes on a VPS in a transitional state are refused (the emulator has no clock, so only by seeding). */
const writable = (r: VpsRecord) => {
  if (r.vps.state === 'STARTING' || r.vps.state === 'STOPPING') throw refused(`The VPS is ${r.vps.state.toLowerCase()}.`);
};

/** The images a VPS may be installed with: the standard ones and the customer's ready custom images. */
function vpsImages(req: VpsRequest): Image[] {
  return [...standardImages, ...req.data.publicCloud.customImages.filter((i) => i.state === 'READY')];
}

function getVpsList(req: VpsRequest) {
  const q = req.query;
  const state = q.get('state');
  if (state && !STATES.includes(state)) throw badRequest({ state: [`The value should be one of: ${STATES.join(', ')}.`] });
  const list = [...req.data.vps.servers.values()].filter(
    (r) =>
      (!q.get('id') || r.vps.id === q.get('id')) &&
      (!q.get('reference') || r.vps.reference === q.get('reference')) &&
      (!state || r.vps.state === state) &&
      (!q.get('pack') || r.vps.pack === q.get('pack')) &&
      (!q.get('region') || r.vps.region === q.get('region')) &&
      (!q.get('ip') || vpsIpRecords(req.data, r).some((ip) => ip.ip === q.get('ip'))),
  );
  return paginate(
    req,
    list.map((r) => vpsSummary(req.data, r)),
    'vps',
  );
}

const getVpsDetails = (req: VpsRequest) => ok(vpsDetail(req.data, findVps(req)));

function updateVpsDetails(req: VpsRequest) {
  const record = findVps(req);
  const body = validateBody<{ reference?: string }>(req, { reference: 'string' });
  if (body.reference !== undefined && body.reference.length > 255) throw badRequest({ reference: ['At most 255 characters.'] });
  if (body.reference !== undefined) record.vps.reference = body.reference;
  return ok(vpsDetail(req.data, record));
}

function resetVpsPassword(req: VpsRequest) {
  const record = findVps(req);
  writable(record);
  // The agent inside the machine sets the new password: it must be running.
  if (!running(record)) throw refused('The password can only be reset while the VPS is RUNNING.');
  const os = record.credentials.find((c) => c.type === 'OPERATING_SYSTEM');
  const password = randomBytes(8).toString('hex');
  if (os) os.password = password;
  else record.credentials.push({ type: 'OPERATING_SYSTEM', username: 'root', password });
  return { status: 202 };
}

function listVpsReinstallImages(req: VpsRequest) {
  findVps(req);
  const standard = boolParam(req, 'standard');
  return paginate(
    req,
    vpsImages(req).filter((i) => standard === undefined || !i.custom === standard),
    'images',
  );
}

function reinstallVps(req: VpsRequest) {
  const record = findVps(req);
  writable(record);
  const body = validateBody<{ imageId: string; marketAppId?: string }>(req, { imageId: 'string', marketAppId: 'string' }, ['imageId']);
  const image = vpsImages(req).find((i) => i.id === body.imageId);
  if (!image) throw badRequest({ imageId: ['Not an image this VPS can be reinstalled with.'] });
  if (body.marketAppId && !image.marketApps.includes(body.marketAppId))
    throw badRequest({ marketAppId: ['The image does not offer this market app.'] });
  record.vps.image = imageSummary(image);
  record.vps.marketAppId = body.marketAppId ?? null;
  record.vps.iso = null;
  return { status: 204 };
}

function listVpsImages(req: VpsRequest) {
  const q = req.query;
  const custom = boolParam(req, 'custom');
  const standard = boolParam(req, 'standard');
  const list = vpsImages(req).filter(
    (i) =>
      (custom === undefined || i.custom === custom) &&
      (standard === undefined || !i.custom === standard) &&
      (!q.get('state') || i.state === q.get('state')) &&
      (!q.get('marketAppId') || i.marketApps.includes(q.get('marketAppId')!)) &&
      (!q.get('storageType') || i.storageTypes.includes(q.get('storageType') as never)) &&
      (!q.get('name') || i.name === q.get('name')) &&
      (!q.get('flavour') || i.flavour === q.get('flavour')) &&
      (!q.get('region') || !i.region || i.region === q.get('region')),
  );
  return paginate(req, list, 'images');
}

const listVpsIsos = (req: VpsRequest) => paginate(req, isos, 'isos');

/** The VPS's sub-resources, served by the shared families: one row each. */
const familyRoutes = [
  ...ipRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    ops: opIds('vps', {
      list: 'listVpsIps',
      get: 'getVpsIp',
      update: 'updateVpsIp',
      nullRoute: 'nullRouteVpsIp',
      removeNullRoute: 'removeVpsIpNullRoute',
    }),
    id: (r) => r.vps.id,
    ips: (req, r) => vpsIpRecords(req.data, r),
    view: (ip) => toInstanceIp(ip, true),
    ...publicCloudIps,
    nullRoute: { status: 200, unnullingTime: isoTime, publicIpv4Only: true, defaultComment: null },
    writable,
  }),
  ...credentialRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    ops: opIds('vps', {
      list: 'listVpsCredentials',
      create: 'storeVpsCredential',
      deleteAll: 'deleteAllVpsCredentials',
      listByType: 'listVpsCredentialsByType',
      get: 'getVpsCredential',
      update: 'updateVpsCredential',
      delete: 'deleteVpsCredential',
    }),
    credentials: (r) => r.credentials,
    types: ['OPERATING_SYSTEM', 'CONTROL_PANEL'],
    paging: 'whole',
    usernamePattern: /^[A-Za-z0-9._-]+$/,
  }),
  ...powerRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    style: 'stateful',
    ops: opIds('vps', { start: 'startVps', stop: 'stopVps', reboot: 'rebootVps' }),
    machine: (r) => r.vps,
    writable,
  }),
  ...metricRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    style: 'publicCloud',
    ops: opIds('vps', { datatraffic: 'getVpsDataTrafficMetrics' }),
    id: (r) => r.vps.id,
    running,
    time: isoTime,
  }),
  ...snapshotRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    ops: opIds('vps', {
      list: 'listVpsSnapshots',
      create: 'createVpsSnapshot',
      get: 'getVpsSnapshot',
      restore: 'restoreVpsSnapshot',
      delete: 'deleteVpsSnapshot',
    }),
    snapshots: (r) => r.snapshots,
    running,
    writable,
    time: snapshotTime,
  }),
  ...isoRoutes<VpsDataset, VpsRecord>({
    ...VPS,
    ops: opIds('vps', { attach: 'attachVpsIso', detach: 'detachVpsIso' }),
    isos,
    machine: (r) => r.vps,
    writable,
  }),
  ...consoleRoutes<VpsDataset, VpsRecord>({ ...VPS, ops: opIds('vps', { get: 'getVpsConsoleAccess' }), running }),
];

export const routes: Array<Route<VpsDataset>> = [
  { id: 'vps.getVpsList', method: 'GET', path: `${BASE}/vps/`, handler: getVpsList },
  { id: 'vps.listVpsImages', method: 'GET', path: `${BASE}/vps/images`, handler: listVpsImages },
  { id: 'vps.listVpsIsos', method: 'GET', path: `${BASE}/vps/isos`, handler: listVpsIsos },
  { id: 'vps.getVpsDetails', method: 'GET', path: `${BASE}/vps/{vpsId}`, handler: getVpsDetails },
  { id: 'vps.updateVpsDetails', method: 'PUT', path: `${BASE}/vps/{vpsId}`, handler: updateVpsDetails },
  { id: 'vps.resetVpsPassword', method: 'POST', path: `${BASE}/vps/{vpsId}/resetPassword`, handler: resetVpsPassword },
  { id: 'vps.listVpsReinstallImages', method: 'GET', path: `${BASE}/vps/{vpsId}/reinstall/images`, handler: listVpsReinstallImages },
  { id: 'vps.reinstallVps', method: 'PUT', path: `${BASE}/vps/{vpsId}/reinstall`, handler: reinstallVps },
  ...familyRoutes,
];
