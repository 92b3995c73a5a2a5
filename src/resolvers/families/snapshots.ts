import type { GraphQLContext } from '../../context.js';
import { isOwnerType, owners, type OwnerRef, type OwnerRow, type OwnerType } from '../../datasources/families/owners.js';
import type { Snapshot, SnapshotModel } from '../../datasources/types/public-cloud.js';
import type { Resolvers } from '../../generated/graphql.js';
import { gid, parseGid } from '../../ids.js';
import { InputError } from '../../errors.js';
import { connectionResolvers, toWindow } from '../connection.js';
import { resolveEquipment } from '../equipment.js';
import type { NodeFetchers, ProductGraph } from '../nodes.js';
import { selectedFields, typed } from '../support.js';
import { onEquipment, ownerFields, refOf, type OwnerModel } from './owner.js';

const TYPENAME = 'Snapshot';

const withOwner = (owner: OwnerRef, s: Snapshot): SnapshotModel => ({ ...s, owner });

/**
 * A snapshot id named by an argument: its UUID, or its global id
 * (`gid://leaseweb/Snapshot/<OwnerType>/<ownerId>/<snapshotId>`), which must be of `owner`.
 */
function snapshotIdArg(id: string, owner: OwnerRef, field: string[]): string {
  const parsed = parseGid(id);
  if (!parsed) return id;
  const [type, ownerId, snapshotId] = parsed.parts;
  if (parsed.type !== TYPENAME || parsed.parts.length !== 3 || type !== owner.typename || ownerId !== owner.id) {
    throw new InputError(`"${id}" is not a snapshot of ${owner.typename} ${owner.id}.`, field);
  }
  return snapshotId!;
}

const snapshotGid = (owner: OwnerRef, snapshotId: string) => gid(TYPENAME, owner.typename, owner.id, snapshotId);

/**
 * The snapshot a create made, from the owner's list read after the write: the one of that
 * name, the newest first (Leaseweb keeps one per owner, so the list is short).
 */
async function createdSnapshot(ctx: GraphQLContext, ref: OwnerRef, name: string): Promise<SnapshotModel | null> {
  const { items } = await ctx.ds.snapshots.list(ref, { limit: 50, offset: 0 });
  const named = items.filter((s) => s.displayName === name).sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  return named[0] ? withOwner(ref, named[0]) : null;
}

const nodes: NodeFetchers = {
  Snapshot: async (ctx, [typename, ownerId, snapshotId]) => {
    if (!isOwnerType(typename!) || !(owners[typename] as OwnerRow).snapshots) return null;
    const owner = { typename, id: ownerId! };
    const snapshot = await ctx.ds.snapshots.get(owner, snapshotId!);
    return snapshot ? typed(TYPENAME, withOwner(owner, snapshot)) : null;
  },
};

const resolvers: Resolvers = {
  ...(ownerFields('snapshots', (typename: OwnerType) => ({
    snapshots: async (owner: OwnerModel, { first, after }: { first?: number | null; after?: string | null }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      const page = await ctx.ds.snapshots.list(ref, toWindow({ first, after }));
      return { ...page, items: page.items.map((s) => withOwner(ref, s)) };
    },
    snapshot: async (owner: OwnerModel, { id }: { id: string }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      const snapshot = await ctx.ds.snapshots.get(ref, snapshotIdArg(id, ref, ['id']));
      return snapshot ? withOwner(ref, snapshot) : null;
    },
  })) as Resolvers),

  Mutation: {
    createSnapshot: (_, { input }, ctx, info) =>
      onEquipment(ctx, input.equipmentId, 'snapshots', async (ref) => {
        await ctx.ds.snapshots.create(ref, input.name);
        // Leaseweb answers 202 without a body: the new snapshot is read from the list.
        if (!selectedFields(info).has('snapshot')) return {};
        return { snapshot: await createdSnapshot(ctx, ref, input.name) };
      }),
    restoreSnapshot: (_, { input }, ctx) =>
      onEquipment(ctx, input.equipmentId, 'snapshots', (ref) =>
        ctx.ds.snapshots.restore(ref, snapshotIdArg(input.snapshotId, ref, ['input', 'snapshotId'])),
      ),
    deleteSnapshot: (_, { input }, ctx) =>
      onEquipment(ctx, input.equipmentId, 'snapshots', async (ref) => {
        const snapshotId = snapshotIdArg(input.snapshotId, ref, ['input', 'snapshotId']);
        await ctx.ds.snapshots.delete(ref, snapshotId);
        return { deletedId: snapshotGid(ref, snapshotId) };
      }),
    attachIso: (_, { input }, ctx) => onEquipment(ctx, input.equipmentId, 'iso', (ref) => ctx.ds.snapshots.attachIso(ref, input.isoId)),
    detachIso: (_, { input }, ctx) => onEquipment(ctx, input.equipmentId, 'iso', (ref) => ctx.ds.snapshots.detachIso(ref)),
  },

  Snapshot: {
    id: (s) => snapshotGid(s.owner, s.id),
    leasewebId: (s) => s.id,
    name: (s) => s.displayName,
    createdAt: (s) => s.created,
    equipment: (s, _, ctx) => resolveEquipment(ctx, s.owner.id, s.owner.typename),
  },
  SnapshotConnection: connectionResolvers,
};

// A map of its own: an owner with both snapshots and a console would otherwise have one
// spread overwrite the other.
const consoles = ownerFields('console', (typename: OwnerType) => ({
  console: (owner: OwnerModel, _: unknown, ctx: GraphQLContext) => ctx.ds.snapshots.console(refOf(typename, owner)),
})) as Resolvers;

export const snapshots: ProductGraph = { resolvers: [resolvers, consoles], nodes };
