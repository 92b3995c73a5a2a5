import type { PublicCloudCredentialType } from '../../datasources/types/public-cloud.js';
import { consoleRoutes } from '../families/console.js';
import { credentialRoutes } from '../families/credentials.js';
import { ipRoutes, publicCloudIps } from '../families/ips.js';
import { isoRoutes } from '../families/iso.js';
import { metricRoutes } from '../families/metrics.js';
import { powerRoutes } from '../families/power.js';
import { opIds } from '../families/owner.js';
import { snapshotRoutes } from '../families/snapshots.js';
import { isos } from './catalogues.js';
import {
  findInstance,
  instanceIpRecords,
  isoTime,
  snapshotTime,
  toInstanceIp,
  usable,
  type InstanceRecord,
  type PublicCloudDataset,
} from './data.js';

const CREDENTIAL_TYPES: PublicCloudCredentialType[] = ['OPERATING_SYSTEM', 'CONTROL_PANEL'];

/** The instance's sub-resources, served by the shared families: one row each. */
const INSTANCE = { path: '/publicCloud/v1/instances/{instanceId}', find: findInstance, noun: 'instance' };

const running = (r: InstanceRecord) => r.instance.state === 'RUNNING';
const writable = (r: InstanceRecord) => void usable(r);

export const instanceFamilyRoutes = [
  ...ipRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    ops: opIds('publicCloud', {
      list: 'listInstanceIps',
      get: 'getInstanceIp',
      update: 'updateInstanceIp',
      nullRoute: 'nullRouteInstanceIp',
      removeNullRoute: 'removeInstanceIpNullRoute',
    }),
    id: (r) => r.instance.id,
    ips: (req, r) => instanceIpRecords(req.data, r),
    view: (ip) => toInstanceIp(ip, true),
    ...publicCloudIps,
    nullRoute: { status: 200, unnullingTime: isoTime, publicIpv4Only: true, defaultComment: null },
    writable,
  }),
  ...credentialRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    ops: opIds('publicCloud', {
      list: 'listInstanceCredentials',
      create: 'storeInstanceCredential',
      deleteAll: 'deleteAllInstanceCredentials',
      listByType: 'listInstanceCredentialsByType',
      get: 'getInstanceCredential',
      update: 'updateInstanceCredential',
      delete: 'deleteInstanceCredential',
    }),
    credentials: (r) => r.credentials,
    types: CREDENTIAL_TYPES,
    paging: 'whole',
    usernamePattern: /^[A-Za-z0-9._-]+$/,
  }),
  ...powerRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    style: 'stateful',
    ops: { start: 'publicCloud.startInstance', stop: 'publicCloud.stopInstance', reboot: 'publicCloud.rebootInstance' },
    machine: (r) => r.instance,
    writable,
  }),
  ...metricRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    style: 'publicCloud',
    ops: { cpu: 'publicCloud.getInstanceCpuMetrics', datatraffic: 'publicCloud.getInstanceDataTrafficMetrics' },
    id: (r) => r.instance.id,
    running,
    time: isoTime,
  }),
  ...snapshotRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    ops: opIds('publicCloud', {
      list: 'listInstanceSnapshots',
      create: 'createInstanceSnapshot',
      get: 'getInstanceSnapshot',
      restore: 'restoreInstanceSnapshot',
      delete: 'deleteInstanceSnapshot',
    }),
    snapshots: (r) => r.snapshots,
    running,
    writable,
    time: snapshotTime,
  }),
  ...isoRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    ops: { attach: 'publicCloud.attachInstanceIso', detach: 'publicCloud.detachInstanceIso' },
    isos,
    machine: (r) => r.instance,
    writable,
  }),
  ...consoleRoutes<PublicCloudDataset, InstanceRecord>({
    ...INSTANCE,
    ops: { get: 'publicCloud.getInstanceConsoleAccess' },
    running,
  }),
];
