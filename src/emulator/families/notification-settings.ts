import type { DdosNotificationSettings, NotificationSetting } from '../../datasources/types/dedicated-servers.js';
import { badRequest, noContent, notFound, ok, paginate, validateBody } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, type Owner } from './owner.js';

type Kind = 'bandwidth' | 'datatraffic';
type CrudOps = { list: string; create: string; get: string; update: string; delete: string };

/**
 * An owner's notification settings: bandwidth and datatraffic thresholds (one shape, CRUD)
 * and the DDoS notification switches (`…/{ownerId}/notificationSettings/…`).
 */
export interface NotificationSettingsOwner<D, R> extends Owner<D, R> {
  ops: { bandwidth: CrudOps; datatraffic: CrudOps; ddos?: { get: string; update: string } };
  /** The path parameter naming one setting: `notificationSettingId` on servers, `notificationId` on racks. */
  settingParam: string;
  /** The owner's settings of one kind; the family changes this array in place. */
  settings: (owner: R, kind: Kind) => NotificationSetting[];
  /** A new setting with the next id of the data set. */
  create: (req: EmulatorRequest<D>, frequency: NotificationSetting['frequency'], threshold: string, unit: string) => NotificationSetting;
  ddos?: { get: (owner: R) => DdosNotificationSettings; set: (owner: R, value: DdosNotificationSettings) => void };
}

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
const UNITS: Record<Kind, string[]> = { bandwidth: ['Mbps', 'Gbps'], datatraffic: ['MB', 'GB', 'TB'] };
const LIST_KEYS: Record<Kind, string> = { bandwidth: 'bandwidthNotificationSettings', datatraffic: 'datatrafficNotificationSettings' };

type SettingBody = { frequency: NotificationSetting['frequency']; threshold: string; unit: string };

export function notificationSettingRoutes<D, R>(owner: NotificationSettingsOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('notificationSettings', owner);
  const settingPath = `/{${owner.settingParam}}`;

  const body = (req: EmulatorRequest<D>, kind: Kind) => {
    const given = validateBody<SettingBody>(req, { frequency: FREQUENCIES, threshold: 'string', unit: UNITS[kind] }, ['frequency', 'threshold', 'unit']);
    if (!/^\d+(\.\d+)?$/.test(given.threshold) || Number(given.threshold) <= 0) throw badRequest({ threshold: ['This value should be a positive number.'] });
    return given;
  };
  const find = (req: EmulatorRequest<D>, kind: Kind) => {
    const list = owner.settings(owner.find(req), kind);
    const setting = list.find((s) => s.id === req.params[owner.settingParam]);
    if (!setting) throw notFound('notification setting');
    return { list, setting };
  };

  for (const kind of ['bandwidth', 'datatraffic'] as const) {
    const ops = owner.ops[kind];
    const listSettings = (req: EmulatorRequest<D>) => paginate(req, owner.settings(owner.find(req), kind), LIST_KEYS[kind]);
    const createSetting = (req: EmulatorRequest<D>) => {
      const list = owner.settings(owner.find(req), kind);
      const given = body(req, kind);
      const setting = owner.create(req, given.frequency, given.threshold, given.unit);
      list.push(setting);
      return ok(setting, 201);
    };
    const getSetting = (req: EmulatorRequest<D>) => ok(find(req, kind).setting);
    const updateSetting = (req: EmulatorRequest<D>) => {
      const { setting } = find(req, kind);
      Object.assign(setting, body(req, kind));
      return ok(setting);
    };
    const deleteSetting = (req: EmulatorRequest<D>) => {
      const { list, setting } = find(req, kind);
      list.splice(list.indexOf(setting), 1);
      return noContent();
    };
    // Named after the kind, so the route table shows which handler serves what.
    const named = <F>(name: string, fn: F) => Object.defineProperty(fn, 'name', { value: `${name}${kind === 'bandwidth' ? 'Bandwidth' : 'Datatraffic'}Setting${name === 'list' ? 's' : ''}` });
    add(ops.list, 'GET', `/notificationSettings/${kind}`, named('list', listSettings));
    add(ops.create, 'POST', `/notificationSettings/${kind}`, named('create', createSetting));
    add(ops.get, 'GET', `/notificationSettings/${kind}${settingPath}`, named('get', getSetting));
    add(ops.update, 'PUT', `/notificationSettings/${kind}${settingPath}`, named('update', updateSetting));
    add(ops.delete, 'DELETE', `/notificationSettings/${kind}${settingPath}`, named('delete', deleteSetting));
  }

  const ddos = owner.ddos;
  if (ddos && owner.ops.ddos) {
    function getDdosSettings(req: EmulatorRequest<D>) {
      return ok(ddos!.get(owner.find(req)));
    }
    function updateDdosSettings(req: EmulatorRequest<D>) {
      const record = owner.find(req);
      const given = validateBody<{ nulling?: 'ENABLED' | 'DISABLED'; scrubbing?: 'ENABLED' | 'DISABLED' }>(
        req, { nulling: ['ENABLED', 'DISABLED'], scrubbing: ['ENABLED', 'DISABLED'] },
      );
      ddos!.set(record, { ...ddos!.get(record), ...given });
      return noContent();
    }
    add(owner.ops.ddos.get, 'GET', '/notificationSettings/ddos', getDdosSettings);
    add(owner.ops.ddos.update, 'PUT', '/notificationSettings/ddos', updateDdosSettings);
  }
  return routes;
}
