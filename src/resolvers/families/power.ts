import type { GraphQLContext } from '../../context.js';
import type { PowerAction } from '../../datasources/families/power.js';
import type { OwnerType } from '../../datasources/families/owners.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { PowerState } from '../enums.js';
import { upstreamEnum } from '../support.js';
import type { ProductGraph } from '../nodes.js';
import { onEquipment, ownerFields, refOf, type OwnerModel } from './owner.js';

const act =
  (action: PowerAction) =>
  (_: unknown, { input }: { input: { equipmentId: string } }, ctx: GraphQLContext) =>
    onEquipment(ctx, input.equipmentId, 'power', (ref) => ctx.ds.power.act(ref, action));

const resolvers: Resolvers = {
  ...(ownerFields('power', (typename: OwnerType, q) =>
    q.status ? { powerStatus: (owner: OwnerModel, _: unknown, ctx: GraphQLContext) => ctx.ds.power.status(refOf(typename, owner)) } : {},
  ) as Resolvers),

  Mutation: {
    powerOnEquipment: act('on'),
    powerOffEquipment: act('off'),
    powerCycleEquipment: act('cycle'),
  },

  PowerStatus: {
    ipmi: (p) => upstreamEnum<PowerState>(p.ipmi?.status),
    pdu: (p) => upstreamEnum<PowerState>(p.pdu?.status),
    // Network equipment reports its PDU only: every state reported must say on.
    poweredOn: (p) => (p.ipmi ?? p.pdu) !== undefined && [p.ipmi, p.pdu].every((s) => s === undefined || s.status === 'on'),
  },
};

export const power: ProductGraph = { resolvers: [resolvers] };
