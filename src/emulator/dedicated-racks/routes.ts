import { credentialRoutes } from '../families/credentials.js';
import { bareMetalsIps, ipRoutes } from '../families/ips.js';
import { metricRoutes } from '../families/metrics.js';
import { notificationSettingRoutes } from '../families/notification-settings.js';
import { opIds } from '../families/owner.js';
import { boolParam, ok, paginate, updateContractReference } from '../http.js';
import { toProductIp } from '../ip-management/data.js';
import type { Route } from '../types.js';
import { findRack, RACK_CREDENTIAL_TYPES, rackNotification, type RackRecord, type RacksDataset, type RacksRequest } from './data.js';

const BASE = '/bareMetals/v2/privateRacks';
const OWNER = { path: `${BASE}/{privateRackId}`, find: findRack };

/** The list's summary: the documented keys of a list entry (no power ports, no units). */
function summary(r: RackRecord) {
  const { contract, featureAvailability, id, location, networkInterfaces } = r.rack;
  const { customerId, deliveryStatus, id: contractId, reference, salesOrgId } = contract;
  return {
    contract: { customerId, deliveryStatus, id: contractId, reference, salesOrgId },
    featureAvailability,
    id,
    location,
    networkInterfaces,
  };
}

function listDedicatedRacks(req: RacksRequest) {
  const reference = req.query.get('reference');
  const capable = boolParam(req, 'privateNetworkCapable');
  const enabled = boolParam(req, 'privateNetworkEnabled');
  const racks = [...req.data.dedicatedRacks.racks.values()]
    .filter((r) => !reference || (r.rack.contract.reference ?? '').includes(reference))
    .filter((r) => capable === undefined || r.rack.featureAvailability.privateNetwork === capable)
    .filter((r) => enabled === undefined || enabled === false);
  return paginate(req, racks, 'privateRacks', { project: summary });
}

function inspectDedicatedRack(req: RacksRequest) {
  return ok(findRack(req).rack);
}

function updateDedicatedRack(req: RacksRequest) {
  return updateContractReference(req, findRack(req).rack.contract);
}

const ipsOf = (req: RacksRequest, r: RackRecord) => req.data.ipManagement.byEquipment.get(r.rack.id) ?? [];

export const routes: Array<Route<RacksDataset>> = [
  { id: 'dedicatedRacks.listDedicatedRacks', method: 'GET', path: BASE, handler: listDedicatedRacks },
  { id: 'dedicatedRacks.inspectDedicatedRack', method: 'GET', path: OWNER.path, handler: inspectDedicatedRack },
  { id: 'dedicatedRacks.updateDedicatedRack', method: 'PUT', path: OWNER.path, handler: updateDedicatedRack },
  ...ipRoutes<RacksDataset, RackRecord>({
    ...OWNER,
    ops: opIds('dedicatedRacks', {
      list: 'listRackIps',
      get: 'inspectRackIp',
      update: 'updateRackIp',
      nullRoute: 'nullRouteRackIp',
      removeNullRoute: 'removeRackIpNullRoute',
      nullRouteHistory: 'inspectRackNullRouteHistory',
    }),
    id: (r) => r.rack.id,
    ips: ipsOf,
    view: toProductIp,
    ...bareMetalsIps,
    nullRoute: { status: 202, publicIpv4Only: false, defaultComment: 'Null routed through the Dedicated Racks API' },
  }),
  ...credentialRoutes<RacksDataset, RackRecord>({
    ...OWNER,
    ops: opIds('dedicatedRacks', {
      list: 'listRackCredentials',
      create: 'createRackCredential',
      listByType: 'listRackCredentialsByType',
      get: 'inspectRackCredential',
      update: 'updateRackCredential',
      delete: 'deleteRackCredential',
    }),
    credentials: (r) => r.credentials,
    types: RACK_CREDENTIAL_TYPES,
    paging: 'paged',
  }),
  ...metricRoutes<RacksDataset, RackRecord>({
    ...OWNER,
    style: 'bareMetals',
    ops: opIds('dedicatedRacks', { bandwidth: 'inspectRackBandwidthMetrics', datatraffic: 'inspectRackDatatrafficMetrics' }),
    phase: (r) => Number(r.rack.id) % 89,
  }),
  ...notificationSettingRoutes<RacksDataset, RackRecord>({
    ...OWNER,
    settingParam: 'notificationId',
    ops: {
      bandwidth: opIds('dedicatedRacks', {
        list: 'listRackBandwidthNotificationSettings',
        create: 'createRackBandwidthNotificationSetting',
        get: 'inspectRackBandwidthNotificationSetting',
        update: 'updateRackBandwidthNotificationSetting',
        delete: 'deleteRackBandwidthNotificationSetting',
      }),
      datatraffic: opIds('dedicatedRacks', {
        list: 'listRackDatatrafficNotificationSettings',
        create: 'createRackDatatrafficNotificationSetting',
        get: 'inspectRackDatatrafficNotificationSetting',
        update: 'updateRackDatatrafficNotificationSetting',
        delete: 'deleteRackDatatrafficNotificationSetting',
      }),
      ddos: opIds('dedicatedRacks', { get: 'inspectRackDdosNotificationSettings', update: 'updateRackDdosNotificationSettings' }),
    },
    settings: (r, kind) => (kind === 'bandwidth' ? r.bandwidthSettings : r.datatrafficSettings),
    create: (req, frequency, threshold, unit) => rackNotification(req.data, frequency, threshold, unit),
    ddos: { get: (r) => r.ddos, set: (r, value) => (r.ddos = value) },
  }),
];
