import type { GraphQLContext } from '../../context.js';
import { quirks, type OwnerRef, type OwnerType } from '../../datasources/families/owners.js';
import type { CredentialType } from '../../generated/graphql.js';
import { InputError } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { connectionResolvers, toWindow } from '../connection.js';
import type { ProductGraph } from '../nodes.js';
import { familyPayload, inputOwner, onEquipment, ownerFields, refOf, type OwnerModel } from './owner.js';

/** Refuses a credential type the owner does not store, before any call. */
function checkType(ref: OwnerRef, type: CredentialType | null | undefined, field: string[]): void {
  const types = quirks(ref, 'credentials').types;
  if (type && types && !types.includes(type)) {
    throw new InputError(`${ref.typename} credentials are of type ${types.join(' or ')}, not ${type}.`, field);
  }
}

/** A credential write on one owner, answering with the credential. */
function onCredential(equipmentId: string, type: CredentialType, write: (ref: OwnerRef) => Promise<unknown>) {
  return familyPayload(async () => {
    const ref = inputOwner(equipmentId, 'credentials');
    checkType(ref, type, ['input', 'type']);
    return { credential: (await write(ref)) as never };
  });
}

const resolvers: Resolvers = {
  ...(ownerFields('credentials', (typename: OwnerType) => ({
    credentials: (
      owner: OwnerModel,
      { type, first, after }: { type?: CredentialType | null; first?: number | null; after?: string | null },
      ctx: GraphQLContext,
    ) => {
      const ref = refOf(typename, owner);
      checkType(ref, type, ['type']);
      return ctx.ds.credentials.list(ref, toWindow({ first, after }), type);
    },
    credential: (owner: OwnerModel, { type, username }: { type: CredentialType; username: string }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      checkType(ref, type, ['type']);
      return ctx.ds.credentials.get(ref, type, username);
    },
  })) as Resolvers),

  Mutation: {
    createCredential: (_, { input: { equipmentId, type, username, password } }, ctx) =>
      onCredential(equipmentId, type, (ref) => ctx.ds.credentials.create(ref, { type, username, password })),
    updateCredential: (_, { input: { equipmentId, type, username, password } }, ctx) =>
      onCredential(equipmentId, type, (ref) => ctx.ds.credentials.update(ref, type, username, password)),
    deleteCredential: (_, { input: { equipmentId, type, username } }, ctx) =>
      onEquipment(ctx, equipmentId, 'credentials', (ref) => {
        checkType(ref, type, ['input', 'type']);
        return ctx.ds.credentials.delete(ref, type, username);
      }),
    deleteAllCredentials: (_, { input: { equipmentId } }, ctx) =>
      onEquipment(ctx, equipmentId, 'credentials', (ref) => {
        if (!quirks(ref, 'credentials').deleteAll) {
          throw new InputError(`${ref.typename} credentials can only be deleted one by one.`, ['input', 'equipmentId']);
        }
        return ctx.ds.credentials.deleteAll(ref);
      }),
  },

  CredentialConnection: connectionResolvers,
};

export const credentials: ProductGraph = { resolvers: [resolvers] };
