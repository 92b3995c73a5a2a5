import { credentialRoutes } from '../families/credentials.js';
import { bareMetalsIps, ipRoutes } from '../families/ips.js';
import { opIds } from '../families/owner.js';
import { powerRoutes } from '../families/power.js';
import { boolParam, ok, paginate, updateContractReference } from '../http.js';
import { toProductIp } from '../ip-management/data.js';
import type { Route } from '../types.js';
import {
  CREDENTIAL_TYPES,
  findNetworkEquipment,
  type NetworkEquipmentDataset,
  type NetworkEquipmentRecord,
  type NetworkEquipmentRequest,
} from './data.js';

const BASE = '/bareMetals/v2/networkEquipments';
const OWNER = { path: `${BASE}/{networkEquipmentId}`, find: findNetworkEquipment };

/** The list's summary: the documented keys of a list entry (no name, rack, specs, power ports). */
function summary(r: NetworkEquipmentRecord) {
  const { contract, featureAvailability, id, location, networkInterfaces, type } = r.equipment;
  const { customerId, deliveryStatus, id: contractId, reference, salesOrgId } = contract;
  return {
    contract: { customerId, deliveryStatus, id: contractId, reference, salesOrgId },
    featureAvailability,
    id,
    location,
    networkInterfaces,
    type,
  };
}

const ipsOf = (req: NetworkEquipmentRequest, r: NetworkEquipmentRecord) => req.data.ipManagement.byEquipment.get(r.equipment.id) ?? [];

function listNetworkEquipment(req: NetworkEquipmentRequest) {
  const q = (name: string) => req.query.get(name);
  const mac = q('macAddress');
  const capable = boolParam(req, 'privateNetworkCapable');
  const enabled = boolParam(req, 'privateNetworkEnabled');
  const items = [...req.data.networkEquipment.equipment.values()]
    .filter((r) => !q('reference') || (r.equipment.contract.reference ?? '').includes(q('reference')!))
    .filter((r) => !q('ip') || ipsOf(req, r).some((i) => i.ip === q('ip')!.split('/')[0]))
    // Network equipment records carry no MAC address: a MAC filter matches none.
    .filter(() => !mac)
    .filter((r) => !q('site') || r.equipment.location.site === q('site'))
    .filter((r) => !q('privateRackId') || (r.inDedicatedRack && r.equipment.rack.id === q('privateRackId')))
    .filter((r) => capable === undefined || r.equipment.featureAvailability.privateNetwork === capable)
    .filter((r) => enabled === undefined || enabled === false);
  return paginate(req, items, 'networkEquipments', { project: summary });
}

function getNetworkEquipment(req: NetworkEquipmentRequest) {
  return ok(findNetworkEquipment(req).equipment);
}

function updateNetworkEquipment(req: NetworkEquipmentRequest) {
  return updateContractReference(req, findNetworkEquipment(req).equipment.contract);
}

/** Keeps the equipment's `networkInterfaces.public.nullRouted` in line with its main IP. */
function syncInterface(req: NetworkEquipmentRequest, record: NetworkEquipmentRecord): void {
  record.equipment.networkInterfaces.public.nullRouted = ipsOf(req, record).find((r) => r.primary)?.nullRouted ?? false;
}

export const routes: Array<Route<NetworkEquipmentDataset>> = [
  { id: 'networkEquipments.listNetworkEquipment', method: 'GET', path: BASE, handler: listNetworkEquipment },
  { id: 'networkEquipments.getNetworkEquipment', method: 'GET', path: OWNER.path, handler: getNetworkEquipment },
  { id: 'networkEquipments.updateNetworkEquipment', method: 'PUT', path: OWNER.path, handler: updateNetworkEquipment },
  ...ipRoutes<NetworkEquipmentDataset, NetworkEquipmentRecord>({
    ...OWNER,
    ops: opIds('networkEquipments', {
      list: 'listNetworkEquipmentIps',
      get: 'showNetworkEquipmentIp',
      update: 'updateNetworkEquipmentIp',
      nullRoute: 'nullRouteNetworkEquipmentIp',
      removeNullRoute: 'removeNetworkEquipmentIpNullRoute',
      nullRouteHistory: 'showNetworkEquipmentNullRouteHistory',
    }),
    id: (r) => r.equipment.id,
    ips: ipsOf,
    view: toProductIp,
    ...bareMetalsIps,
    nullRoute: { status: 202, publicIpv4Only: false, defaultComment: 'Null routed through the Network Equipment API' },
    afterNullRoute: syncInterface,
  }),
  ...credentialRoutes<NetworkEquipmentDataset, NetworkEquipmentRecord>({
    ...OWNER,
    ops: opIds('networkEquipments', {
      list: 'listNetworkEquipmentCredentials',
      create: 'createNetworkEquipmentCredential',
      listByType: 'listNetworkEquipmentCredentialsByType',
      get: 'showNetworkEquipmentCredential',
      update: 'updateNetworkEquipmentCredential',
      delete: 'deleteNetworkEquipmentCredential',
    }),
    credentials: (r) => r.credentials,
    types: CREDENTIAL_TYPES,
    paging: 'paged',
  }),
  ...powerRoutes<NetworkEquipmentDataset, NetworkEquipmentRecord>({
    ...OWNER,
    style: 'switched',
    pduOnly: true,
    ops: opIds('networkEquipments', {
      info: 'showNetworkEquipmentPowerStatus',
      on: 'powerOnNetworkEquipment',
      off: 'powerOffNetworkEquipment',
      cycle: 'powerCycleNetworkEquipment',
    }),
    power: (r) => r.power,
  }),
];
