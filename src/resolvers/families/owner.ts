import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import {
  isOwnerType,
  owners,
  ownersOf,
  type Family,
  type OwnerRef,
  type OwnerRow,
  type OwnerType,
} from '../../datasources/families/owners.js';
import { segment } from '../../datasources/path.js';
import { InputError } from '../../errors.js';
import { parseGid } from '../../ids.js';
import { forgetEquipment, resolveEquipment } from '../equipment.js';
import { payload } from '../support.js';

/** The owner a family field hangs off: every owner model carries its Leaseweb `id`. */
export interface OwnerModel {
  id: string;
}

/**
 * The field resolvers of one family on every owner that has it (by the owner table), as
 * a resolver map: `{ DedicatedServer: { credentials, credential }, PublicCloudInstance: … }`.
 */
export function ownerFields<F extends Family>(
  family: F,
  fields: (typename: OwnerType, row: NonNullable<OwnerRow[F]>) => Record<string, unknown>,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(ownersOf(family).map((typename) => [typename, fields(typename, (owners[typename] as OwnerRow)[family]!)]));
}

export const refOf = (typename: OwnerType, owner: OwnerModel): OwnerRef => ({ typename, id: owner.id });

/**
 * The owner a mutation's `input.equipmentId` names: a global id of an owner type that has
 * the family. Anything else (a bare id, another type, `..`) is a user error on that field.
 */
export function inputOwner(equipmentId: string, family: Family): OwnerRef {
  const field = ['input', 'equipmentId'];
  const parsed = parseGid(equipmentId);
  if (!parsed || parsed.parts.length !== 1) {
    throw new InputError(`"${equipmentId}" is not a global id (gid://leaseweb/<Type>/<id>).`, field);
  }
  const { type, parts } = parsed;
  if (!isOwnerType(type) || (owners[type] as OwnerRow)[family] === undefined) {
    throw new InputError(`${type} has no ${family}; owners: ${ownersOf(family).join(', ')}.`, field);
  }
  try {
    segment(parts[0]!);
  } catch (error) {
    throw error instanceof InputError ? new InputError(error.message, field) : error;
  }
  return { typename: type, id: parts[0]! };
}

/** Leaseweb's name of every owner's path parameter (`serverId` …) → the input's `equipmentId`. */
const OWNER_ID_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(owners).map((row: OwnerRow) => [row.idParam, 'equipmentId']),
);

/** Runs a family write; a refusal Leaseweb pins on the owner's id reads as one on `input.equipmentId`. */
export function familyPayload<T extends object>(run: () => Promise<T>) {
  return payload(run, OWNER_ID_FIELDS);
}

/**
 * Runs a write on one owner and answers with the owner as it is afterwards, beside the
 * payload fields the write returns (a delete's `deletedId`, a create's new object).
 */
export function onEquipment<T extends object = object>(
  ctx: GraphQLContext,
  equipmentId: string,
  family: Family,
  write: (ref: OwnerRef) => Promise<T | void>,
) {
  return familyPayload(async () => {
    const ref = inputOwner(equipmentId, family);
    const fields = await write(ref);
    forgetEquipment(ctx, ref.typename, ref.id);
    return { ...(fields as T), equipment: await resolveEquipment(ctx, ref.id, ref.typename) };
  });
}

/** The owner named by the first two parts of a family object's global id, if it has `family`. */
export function ownerOfParts(family: Family, [typename, id]: readonly string[]): OwnerRef | null {
  if (!typename || !id || !isOwnerType(typename) || (owners[typename] as OwnerRow)[family] === undefined) return null;
  return { typename, id };
}

/** The `equipment` edge of a family object: its owner, built without a call when only the id is asked. */
export const ownerEquipment = (obj: { owner: OwnerRef }, _: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
  resolveEquipment(ctx, obj.owner.id, obj.owner.typename, info);
