import type { DdosNotificationSettings, NotificationSetting } from '../../datasources/types/dedicated-servers.js';
import { badRequest, noContent, ok, validateBody } from '../http.js';
import { resource } from '../resource.js';
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
  /**
   * Kinds whose PUT answers only `{ frequency, threshold, unit }`, as Leaseweb documents it
   * for a server's datatraffic setting (no id, no actions), rather than the whole setting.
   */
  shortUpdateAnswer?: Kind[];
}

const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
const UNITS: Record<Kind, string[]> = { bandwidth: ['Mbps', 'Gbps'], datatraffic: ['MB', 'GB', 'TB'] };
const LIST_KEYS: Record<Kind, string> = { bandwidth: 'bandwidthNotificationSettings', datatraffic: 'datatrafficNotificationSettings' };

type SettingBody = { frequency: NotificationSetting['frequency']; threshold: string; unit: string };

export function notificationSettingRoutes<D, R>(owner: NotificationSettingsOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('notificationSettings', owner);

  const checkThreshold = (threshold: unknown) => {
    if (typeof threshold !== 'string' || !/^\d+(\.\d+)?$/.test(threshold) || Number(threshold) <= 0)
      throw badRequest({ threshold: ['This value should be a positive number.'] });
  };

  // Bandwidth and datatraffic thresholds are plain collections of one shape.
  for (const kind of ['bandwidth', 'datatraffic'] as const) {
    const rules = { frequency: FREQUENCIES, threshold: 'string', unit: UNITS[kind] } as const;
    const required = ['frequency', 'threshold', 'unit'];
    routes.push(
      ...resource<D, NotificationSetting>({
        path: `${owner.path}/notificationSettings/${kind}`,
        idParam: owner.settingParam,
        key: LIST_KEYS[kind],
        noun: 'notification setting',
        ops: owner.ops[kind],
        items: (req) => owner.settings(owner.find(req), kind),
        id: (setting) => setting.id,
        create: {
          rules,
          required,
          build: (req, body) => {
            checkThreshold(body.threshold);
            const given = body as SettingBody;
            return owner.create(req, given.frequency, given.threshold, given.unit);
          },
        },
        update: {
          rules,
          required,
          apply: (setting, body) => {
            checkThreshold(body.threshold);
            Object.assign(setting, body);
          },
          ...(owner.shortUpdateAnswer?.includes(kind)
            ? { answer: ({ frequency, threshold, unit }: NotificationSetting) => ({ frequency, threshold, unit }) }
            : {}),
        },
        family: 'notificationSettings',
      }),
    );
  }

  const ddos = owner.ddos;
  if (ddos && owner.ops.ddos) {
    function getDdosSettings(req: EmulatorRequest<D>) {
      return ok(ddos!.get(owner.find(req)));
    }
    function updateDdosSettings(req: EmulatorRequest<D>) {
      const record = owner.find(req);
      const given = validateBody<{ nulling?: 'ENABLED' | 'DISABLED'; scrubbing?: 'ENABLED' | 'DISABLED' }>(req, {
        nulling: ['ENABLED', 'DISABLED'],
        scrubbing: ['ENABLED', 'DISABLED'],
      });
      ddos!.set(record, { ...ddos!.get(record), ...given });
      return noContent();
    }
    add(owner.ops.ddos.get, 'GET', '/notificationSettings/ddos', getDdosSettings);
    add(owner.ops.ddos.update, 'PUT', '/notificationSettings/ddos', updateDdosSettings);
  }
  return routes;
}
