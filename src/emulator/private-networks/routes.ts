import { badRequest, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import type { Route } from '../types.js';
import { findNetwork, membersOf, networkTime, type PrivateNetworksDataset, type PrivateNetworksRequest } from './data.js';

const BASE = '/bareMetals/v2/privateNetworks';
const ONE = `${BASE}/{privateNetworkId}`;

function listPrivateNetworks(req: PrivateNetworksRequest) {
  const items = [...req.data.privateNetworks.networks.values()].map(({ network }) => ({
    equipmentCount: membersOf(req.data, network.id).length,
    ...network,
  }));
  return paginate(req, items, 'privateNetworks');
}

function createPrivateNetwork(req: PrivateNetworksRequest) {
  const body = validateBody<{ name?: string }>(req, { name: 'string' });
  const id = String(req.data.privateNetworks.nextId++);
  const at = networkTime(Date.now());
  const network = { id, name: body.name ?? 'default', createdAt: at, updatedAt: at };
  req.data.privateNetworks.networks.set(id, { network, reservations: [] });
  return ok({ ...network, equipmentCount: 0, servers: [] }, 201);
}

function inspectPrivateNetwork(req: PrivateNetworksRequest) {
  return ok(findNetwork(req).network);
}

function updatePrivateNetwork(req: PrivateNetworksRequest) {
  const record = findNetwork(req);
  const body = validateBody<{ name?: string }>(req, { name: 'string' });
  if (body.name !== undefined) record.network.name = body.name;
  record.network.updatedAt = networkTime(Date.now());
  return ok({ ...record.network, servers: [] });
}

function deletePrivateNetwork(req: PrivateNetworksRequest) {
  const record = findNetwork(req);
  if (membersOf(req.data, record.network.id).length) {
    throw badRequest({ privateNetworkId: ['The private network still has servers in it; remove them first.'] });
  }
  req.data.privateNetworks.networks.delete(record.network.id);
  return noContent();
}

function listDhcpReservations(req: PrivateNetworksRequest) {
  return paginate(req, findNetwork(req).reservations, 'reservations');
}

const MAC = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

function createDhcpReservation(req: PrivateNetworksRequest) {
  const record = findNetwork(req);
  const body = validateBody<{ ip: string; mac: string; sticky: boolean }>(req, { ip: 'string', mac: 'string', sticky: 'boolean' }, [
    'ip',
    'mac',
    'sticky',
  ]);
  if (!IPV4.test(body.ip)) throw badRequest({ ip: ['This value is not a valid IP address.'] });
  if (!MAC.test(body.mac)) throw badRequest({ mac: ['This value is not a valid MAC address.'] });
  if (record.reservations.some((r) => r.ip === body.ip)) throw badRequest({ ip: ['This IP address is already reserved.'] });
  const reservation = { ip: body.ip, mac: body.mac.toLowerCase().replace(/-/g, ':'), sticky: body.sticky };
  record.reservations.push(reservation);
  return ok(reservation);
}

function deleteDhcpReservation(req: PrivateNetworksRequest) {
  const record = findNetwork(req);
  const at = record.reservations.findIndex((r) => r.ip === req.params.ip);
  if (at < 0) throw notFound('reservation');
  record.reservations.splice(at, 1);
  return noContent();
}

export const routes: Array<Route<PrivateNetworksDataset>> = [
  { id: 'privateNetworks.listPrivateNetworks', method: 'GET', path: BASE, handler: listPrivateNetworks },
  { id: 'privateNetworks.createPrivateNetwork', method: 'POST', path: BASE, handler: createPrivateNetwork },
  { id: 'privateNetworks.inspectPrivateNetwork', method: 'GET', path: ONE, handler: inspectPrivateNetwork },
  { id: 'privateNetworks.updatePrivateNetwork', method: 'PUT', path: ONE, handler: updatePrivateNetwork },
  { id: 'privateNetworks.deletePrivateNetwork', method: 'DELETE', path: ONE, handler: deletePrivateNetwork },
  { id: 'privateNetworks.listDhcpReservations', method: 'GET', path: `${ONE}/reservations`, handler: listDhcpReservations },
  { id: 'privateNetworks.createDhcpReservation', method: 'POST', path: `${ONE}/reservations`, handler: createDhcpReservation },
  { id: 'privateNetworks.deleteDhcpReservation', method: 'DELETE', path: `${ONE}/reservations/{ip}`, handler: deleteDhcpReservation },
];
