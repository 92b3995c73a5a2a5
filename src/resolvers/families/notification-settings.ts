import type { GraphQLContext } from '../../context.js';
import { orNull } from '../../datasources/loaders.js';
import type { NotificationKind } from '../../datasources/families/notification-settings.js';
import { quirks, type OwnerRef, type OwnerType } from '../../datasources/families/owners.js';
import type { NotificationSetting } from '../../datasources/types/dedicated-servers.js';
import type { NotificationSettingModel } from '../../datasources/types/families.js';
import { InputError } from '../../errors.js';
import type { NotificationSettingKind, Resolvers } from '../../generated/graphql.js';
import { gid } from '../../ids.js';
import { NotificationSettingUnit } from '../enums.js';
import { connectionResolvers, toWindow } from '../connection.js';
import type { NodeFetchers, ProductGraph } from '../nodes.js';
import { given, selectedFields, typed } from '../support.js';
import { familyPayload, inputOwner, onEquipment, ownerEquipment, ownerFields, ownerOfParts, refOf, type OwnerModel } from './owner.js';

interface ListArgs {
  kind: NotificationSettingKind;
  first?: number | null;
  after?: string | null;
}

/** The units Leaseweb takes for each kind of alert (its reference: `Mbps`/`Gbps`, `MB`/`GB`/`TB`). */
const UNITS: Record<NotificationKind, { units: readonly NotificationSettingUnit[]; refusal: string }> = {
  bandwidth: {
    units: [NotificationSettingUnit.MBPS, NotificationSettingUnit.GBPS],
    refusal: 'A bandwidth alert takes MBPS or GBPS as its unit.',
  },
  datatraffic: {
    units: [NotificationSettingUnit.MB, NotificationSettingUnit.GB, NotificationSettingUnit.TB],
    refusal: 'A data traffic alert takes MB, GB or TB as its unit.',
  },
};

/** Refuses a unit of the other kind (`GB` for a bandwidth alert) before any upstream call. */
function unitOf(kind: NotificationKind, unit: NotificationSettingUnit): NotificationSettingUnit {
  if (UNITS[kind].units.includes(unit)) return unit;
  throw new InputError(UNITS[kind].refusal, ['input', 'unit']);
}

const KINDS: readonly string[] = ['bandwidth', 'datatraffic'] satisfies NotificationKind[];

const withOwner = (owner: OwnerRef, kind: NotificationKind, n: NotificationSetting): NotificationSettingModel => ({ ...n, owner, kind });

/** `gid://leaseweb/NotificationSetting/<OwnerType>/<owner id>/<bandwidth|datatraffic>/<setting id>`. */
const settingGid = (owner: OwnerRef, kind: NotificationKind, settingId: string) =>
  gid('NotificationSetting', owner.typename, owner.id, kind, settingId);

/** Refuses an owner the table gives no DDoS settings, before any call. */
function checkDdos(ref: OwnerRef): void {
  if (!quirks(ref, 'notificationSettings').ddos) {
    throw new InputError(`${ref.typename} has no DDoS notification settings.`, ['input', 'equipmentId']);
  }
}

const nodes: NodeFetchers = {
  NotificationSetting: async (ctx, parts) => {
    const owner = ownerOfParts('notificationSettings', parts);
    const [, , kind, settingId] = parts;
    if (!owner || parts.length !== 4 || !KINDS.includes(kind!)) return null;
    const setting = await ctx.ds.notificationSettings.get(owner, kind as NotificationKind, settingId!);
    return setting ? typed('NotificationSetting', withOwner(owner, kind as NotificationKind, setting)) : null;
  },
  DdosNotificationSettings: async (ctx, parts) => {
    const owner = ownerOfParts('notificationSettings', parts);
    if (!owner || parts.length !== 2 || !quirks(owner, 'notificationSettings').ddos) return null;
    const settings = await orNull(ctx.ds.notificationSettings.ddos(owner));
    return settings ? typed('DdosNotificationSettings', { ...settings, owner }) : null;
  },
};

const resolvers: Resolvers = {
  ...(ownerFields('notificationSettings', (typename: OwnerType, q) => ({
    notificationSettings: async (owner: OwnerModel, { kind, first, after }: ListArgs, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      const page = await ctx.ds.notificationSettings.list(ref, kind, toWindow({ first, after }));
      return { ...page, items: page.items.map((n) => withOwner(ref, kind, n)) };
    },
    notificationSetting: async (owner: OwnerModel, { kind, id }: { kind: NotificationSettingKind; id: string }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      const setting = await ctx.ds.notificationSettings.get(ref, kind, id);
      return setting ? withOwner(ref, kind, setting) : null;
    },
    ...(q.ddos && {
      ddosNotificationSettings: async (owner: OwnerModel, _: unknown, ctx: GraphQLContext) => {
        const ref = refOf(typename, owner);
        return { ...(await ctx.ds.notificationSettings.ddos(ref)), owner: ref };
      },
    }),
  })) as Resolvers),

  Mutation: {
    createNotificationSetting: (_, { input: { equipmentId, kind, frequency, threshold, unit } }, ctx) =>
      familyPayload(async () => {
        const ref = inputOwner(equipmentId, 'notificationSettings');
        const body = { frequency, threshold: String(threshold), unit: unitOf(kind, unit) };
        const setting = await ctx.ds.notificationSettings.create(ref, kind, body);
        return { notificationSetting: withOwner(ref, kind, setting) };
      }),
    updateNotificationSetting: (_, { input: { equipmentId, kind, settingId, frequency, threshold, unit } }, ctx) =>
      familyPayload(async () => {
        const ref = inputOwner(equipmentId, 'notificationSettings');
        const body = { frequency, threshold: String(threshold), unit: unitOf(kind, unit) };
        const setting = await ctx.ds.notificationSettings.update(ref, kind, settingId, body);
        return { notificationSetting: withOwner(ref, kind, setting) };
      }),
    deleteNotificationSetting: (_, { input: { equipmentId, kind, settingId } }, ctx) =>
      onEquipment(ctx, equipmentId, 'notificationSettings', async (ref) => {
        await ctx.ds.notificationSettings.delete(ref, kind, settingId);
        return { deletedId: settingGid(ref, kind, settingId) };
      }),
    updateDdosNotificationSettings: (_, { input: { equipmentId, ...changes } }, ctx, info) =>
      onEquipment(ctx, equipmentId, 'notificationSettings', async (ref) => {
        checkDdos(ref);
        await ctx.ds.notificationSettings.updateDdos(ref, given(changes));
        // Leaseweb's PUT answers without a body: read the settings back only when asked for.
        if (!selectedFields(info).has('ddosNotificationSettings')) return {};
        return { ddosNotificationSettings: { ...(await ctx.ds.notificationSettings.ddos(ref)), owner: ref } };
      }),
  },

  NotificationSetting: {
    id: (n) => settingGid(n.owner, n.kind, n.id),
    settingId: (n) => n.id,
    threshold: (n) => Number(n.threshold),
    equipment: ownerEquipment,
  },
  DdosNotificationSettings: {
    id: (d) => gid('DdosNotificationSettings', d.owner.typename, d.owner.id),
    equipment: ownerEquipment,
  },
  NotificationSettingConnection: connectionResolvers,
};

export const notificationSettings: ProductGraph = { resolvers: [resolvers], nodes };
