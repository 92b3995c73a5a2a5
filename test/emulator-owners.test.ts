import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { credentialRoutes, type CredentialOwner } from '../src/emulator/families/credentials.js';
import { bareMetalsIps, ipRoutes, publicCloudIps, type IpOwner } from '../src/emulator/families/ips.js';
import { metricRoutes } from '../src/emulator/families/metrics.js';
import { notificationSettingRoutes } from '../src/emulator/families/notification-settings.js';
import { opIds } from '../src/emulator/families/owner.js';
import { powerRoutes } from '../src/emulator/families/power.js';
import type { IpDataset } from '../src/emulator/ip-management/data.js';
import type { Route } from '../src/emulator/types.js';

/**
 * The owners Leaseweb has beyond servers and instances, as family rows: the row format
 * must express their operation ids and paths, so adding one is a row, not new code. The
 * records behind them do not exist yet; these rows only build routes.
 */
const missing = () => {
  throw new Error('no records for this owner yet');
};
const ipRow = (path: string, ops: IpOwner<IpDataset, never>['ops'], quirks: typeof bareMetalsIps | typeof publicCloudIps) =>
  ipRoutes<IpDataset, never>({
    path,
    find: missing,
    ops,
    ...quirks,
    id: missing,
    ips: missing,
    view: missing,
    nullRoute: { status: quirks === bareMetalsIps ? 202 : 200, publicIpv4Only: quirks !== bareMetalsIps, defaultComment: null },
  });

const credentialRow = (path: string, types: string[], ops: CredentialOwner<never, never>['ops']) =>
  credentialRoutes<never, never>({ path, find: missing, credentials: missing, types, paging: 'paged', ops });

const NE = '/bareMetals/v2/networkEquipments/{networkEquipmentId}';
const RACK = '/bareMetals/v2/privateRacks/{privateRackId}';

const futureOwners: Record<string, Array<Route<never>>> = {
  networkEquipments: [
    ...ipRow(
      NE,
      opIds('networkEquipments', {
        list: 'listNetworkEquipmentIps',
        get: 'showNetworkEquipmentIp',
        update: 'updateNetworkEquipmentIp',
        nullRoute: 'nullRouteNetworkEquipmentIp',
        removeNullRoute: 'removeNetworkEquipmentIpNullRoute',
        nullRouteHistory: 'showNetworkEquipmentNullRouteHistory',
      }),
      bareMetalsIps,
    ),
    ...credentialRow(
      NE,
      ['SWITCH'],
      opIds('networkEquipments', {
        list: 'listNetworkEquipmentCredentials',
        create: 'createNetworkEquipmentCredential',
        listByType: 'listNetworkEquipmentCredentialsByType',
        get: 'showNetworkEquipmentCredential',
        update: 'updateNetworkEquipmentCredential',
        delete: 'deleteNetworkEquipmentCredential',
      }),
    ),
    ...powerRoutes<never, never>({
      path: NE,
      find: missing,
      style: 'switched',
      power: missing,
      ops: opIds('networkEquipments', {
        info: 'showNetworkEquipmentPowerStatus',
        on: 'powerOnNetworkEquipment',
        off: 'powerOffNetworkEquipment',
        cycle: 'powerCycleNetworkEquipment',
      }),
    }),
  ],
  dedicatedRacks: [
    ...ipRow(
      RACK,
      opIds('dedicatedRacks', {
        list: 'listRackIps',
        get: 'inspectRackIp',
        update: 'updateRackIp',
        nullRoute: 'nullRouteRackIp',
        removeNullRoute: 'removeRackIpNullRoute',
        nullRouteHistory: 'inspectRackNullRouteHistory',
      }),
      bareMetalsIps,
    ),
    ...metricRoutes<never, never>({
      path: RACK,
      find: missing,
      style: 'bareMetals',
      phase: missing,
      ops: opIds('dedicatedRacks', { bandwidth: 'inspectRackBandwidthMetrics', datatraffic: 'inspectRackDatatrafficMetrics' }),
    }),
    ...credentialRow(
      RACK,
      ['PDU'],
      opIds('dedicatedRacks', {
        list: 'listRackCredentials',
        create: 'createRackCredential',
        listByType: 'listRackCredentialsByType',
        get: 'inspectRackCredential',
        update: 'updateRackCredential',
        delete: 'deleteRackCredential',
      }),
    ),
    ...notificationSettingRoutes<never, never>({
      path: RACK,
      find: missing,
      settingParam: 'notificationId',
      settings: missing,
      create: missing,
      ddos: { get: missing, set: missing },
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
    }),
  ],
};

describe('family rows for the owners still to come', () => {
  it.each(Object.entries(futureOwners))('%s: one row per family gives its routes', (_owner, routes) => {
    const ids = routes.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of routes) expect(r.family).toBeDefined();
  });

  const endpointsFile = fileURLToPath(new URL('../../shared/leaseweb-api/endpoints.tsv', import.meta.url));
  // Only where the reference is present: it adds to the checks above, a fresh clone has none.
  if (existsSync(endpointsFile))
    it('name documented operations with their documented paths (../shared/leaseweb-api/endpoints.tsv)', () => {
      const [header, ...rows] = readFileSync(endpointsFile, 'utf8').trim().split('\n');
      const col = (name: string) => header!.split('\t').indexOf(name);
      const documented = new Set(
        rows.map((line) => {
          const c = line.split('\t');
          return `${c[col('id')]} ${c[col('method')]} /${c[col('product')]}${c[col('path')]}`;
        }),
      );
      const routes = Object.values(futureOwners).flat();
      expect(routes.map((r) => `${r.id} ${r.method} ${r.path}`).filter((key) => !documented.has(key))).toEqual([]);
      // Family operations of each owner: network equipment 16 of its 19, racks 26 of 29. VPS
      // and load balancers have come: their rows are in src/emulator/vps/routes.ts and
      // src/emulator/load-balancers/routes.ts, checked by their product tests.
      expect(routes).toHaveLength(16 + 26);
    });
});
