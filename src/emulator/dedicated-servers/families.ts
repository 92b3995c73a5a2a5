import { credentialRoutes } from '../families/credentials.js';
import { bareMetalsIps, ipRoutes } from '../families/ips.js';
import { metricRoutes } from '../families/metrics.js';
import { notificationSettingRoutes } from '../families/notification-settings.js';
import { powerRoutes } from '../families/power.js';
import { opIds } from '../families/owner.js';
import { toProductIp } from '../ip-management/data.js';
import { findServer, notification, type ServerRecord, type ServersDataset, type ServersRequest } from './data.js';
import { CREDENTIAL_TYPES } from './routes-operations.js';

/** The server's sub-resources, served by the shared families: one row each. */
const SERVER = { path: '/bareMetals/v2/servers/{serverId}', find: findServer };

const serverIps = (req: ServersRequest, record: ServerRecord) => req.data.ipManagement.byEquipment.get(record.server.id) ?? [];

/** Keeps the server's `networkInterfaces.public.nullRouted` in line with its main IP. */
function syncInterface(req: ServersRequest, record: ServerRecord): void {
  const main = serverIps(req, record).find((r) => r.primary);
  record.server.networkInterfaces.public.nullRouted = main?.nullRouted ?? false;
}

export const serverFamilyRoutes = [
  ...ipRoutes<ServersDataset, ServerRecord>({
    ...SERVER,
    ops: opIds('dedicatedServers', {
      list: 'listServerIps',
      get: 'showServerIp',
      update: 'updateServerIp',
      nullRoute: 'nullRouteServerIp',
      removeNullRoute: 'removeServerIpNullRoute',
      nullRouteHistory: 'showServerNullRouteHistory',
    }),
    id: (r) => r.server.id,
    ips: serverIps,
    view: toProductIp,
    ...bareMetalsIps,
    nullRoute: { status: 202, publicIpv4Only: false, defaultComment: 'Null routed through the Dedicated Servers API' },
    afterNullRoute: syncInterface,
  }),
  ...credentialRoutes<ServersDataset, ServerRecord>({
    ...SERVER,
    ops: opIds('dedicatedServers', {
      list: 'listServerCredentials',
      create: 'createServerCredential',
      listByType: 'listServerCredentialsByType',
      get: 'showServerCredential',
      update: 'updateServerCredential',
      delete: 'deleteServerCredential',
    }),
    credentials: (r) => r.credentials,
    types: CREDENTIAL_TYPES,
    paging: 'paged',
  }),
  ...notificationSettingRoutes<ServersDataset, ServerRecord>({
    ...SERVER,
    settingParam: 'notificationSettingId',
    shortUpdateAnswer: ['datatraffic'],
    ops: {
      bandwidth: {
        list: 'dedicatedServers.listBandwidthNotificationSettings',
        create: 'dedicatedServers.createBandwidthNotificationSetting',
        get: 'dedicatedServers.showBandwidthNotificationSetting',
        update: 'dedicatedServers.updateBandwidthNotificationSetting',
        delete: 'dedicatedServers.deleteBandwidthNotificationSetting',
      },
      datatraffic: {
        list: 'dedicatedServers.listDataTrafficNotificationSettings',
        create: 'dedicatedServers.createDataTrafficNotificationSetting',
        get: 'dedicatedServers.showDataTrafficNotificationSetting',
        update: 'dedicatedServers.updateDataTrafficNotificationSetting',
        delete: 'dedicatedServers.deleteDataTrafficNotificationSetting',
      },
      ddos: { get: 'dedicatedServers.inspectDdosNotificationSettings', update: 'dedicatedServers.updateDdosNotificationSettings' },
    },
    settings: (r, kind) => (kind === 'bandwidth' ? r.bandwidthSettings : r.datatrafficSettings),
    create: (req, frequency, threshold, unit) => notification(req.data, frequency, threshold, unit),
    ddos: { get: (r) => r.ddos, set: (r, value) => (r.ddos = value) },
  }),
  ...metricRoutes<ServersDataset, ServerRecord>({
    ...SERVER,
    style: 'bareMetals',
    ops: { bandwidth: 'dedicatedServers.showBandwidthMetrics', datatraffic: 'dedicatedServers.showDatatrafficMetrics' },
    phase: (r) => Number(r.server.id) % 97,
  }),
  ...powerRoutes<ServersDataset, ServerRecord>({
    ...SERVER,
    style: 'switched',
    ops: opIds('dedicatedServers', {
      info: 'showServerPowerStatus',
      on: 'powerOnServer',
      off: 'powerOffServer',
      cycle: 'powerCycleServer',
    }),
    power: (r) => r.power,
  }),
];
