import type { GraphQLContext } from '../../context.js';
import { quirks, type OwnerType } from '../../datasources/families/owners.js';
import { InputError } from '../../errors.js';
import type { NotificationSettingKind, Resolvers } from '../../generated/graphql.js';
import { connectionResolvers, toWindow } from '../connection.js';
import type { ProductGraph } from '../nodes.js';
import { given } from '../support.js';
import { familyPayload, inputOwner, onEquipment, ownerFields, refOf, type OwnerModel } from './owner.js';

interface ListArgs {
  kind: NotificationSettingKind;
  first?: number | null;
  after?: string | null;
}

const resolvers: Resolvers = {
  ...(ownerFields('notificationSettings', (typename: OwnerType, q) => ({
    notificationSettings: (owner: OwnerModel, { kind, first, after }: ListArgs, ctx: GraphQLContext) =>
      ctx.ds.notificationSettings.list(refOf(typename, owner), kind, toWindow({ first, after })),
    notificationSetting: (owner: OwnerModel, { kind, id }: { kind: NotificationSettingKind; id: string }, ctx: GraphQLContext) =>
      ctx.ds.notificationSettings.get(refOf(typename, owner), kind, id),
    ...(q.ddos && {
      ddosNotificationSettings: (owner: OwnerModel, _: unknown, ctx: GraphQLContext) =>
        ctx.ds.notificationSettings.ddos(refOf(typename, owner)),
    }),
  })) as Resolvers),

  Mutation: {
    createNotificationSetting: (_, { input: { equipmentId, kind, frequency, threshold, unit } }, ctx) =>
      familyPayload(async () => ({
        notificationSetting: await ctx.ds.notificationSettings.create(inputOwner(equipmentId, 'notificationSettings'), kind, {
          frequency,
          threshold: String(threshold),
          unit,
        }),
      })),
    updateNotificationSetting: (_, { input: { equipmentId, kind, settingId, frequency, threshold, unit } }, ctx) =>
      familyPayload(async () => ({
        notificationSetting: await ctx.ds.notificationSettings.update(inputOwner(equipmentId, 'notificationSettings'), kind, settingId, {
          frequency,
          threshold: String(threshold),
          unit,
        }),
      })),
    deleteNotificationSetting: (_, { input: { equipmentId, kind, settingId } }, ctx) =>
      onEquipment(ctx, equipmentId, 'notificationSettings', (ref) => ctx.ds.notificationSettings.delete(ref, kind, settingId)),
    updateDdosNotificationSettings: (_, { input: { equipmentId, ...changes } }, ctx) =>
      onEquipment(ctx, equipmentId, 'notificationSettings', (ref) => {
        if (!quirks(ref, 'notificationSettings').ddos) {
          throw new InputError(`${ref.typename} has no DDoS notification settings.`, ['input', 'equipmentId']);
        }
        return ctx.ds.notificationSettings.updateDdos(ref, given(changes));
      }),
  },

  NotificationSetting: {
    settingId: (n) => n.id,
    threshold: (n) => Number(n.threshold),
  },
  NotificationSettingConnection: connectionResolvers,
};

export const notificationSettings: ProductGraph = { resolvers: [resolvers] };
