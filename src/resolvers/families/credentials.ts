import type { GraphQLContext } from '../../context.js';
import { quirks, type OwnerRef, type OwnerType } from '../../datasources/families/owners.js';
import { CREDENTIAL_TYPES, type Credential } from '../../datasources/types/dedicated-servers.js';
import type { CredentialModel } from '../../datasources/types/families.js';
import type { CredentialType } from '../../generated/graphql.js';
import { InputError } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { gid } from '../../ids.js';
import { connectionResolvers, toWindow } from '../connection.js';
import type { NodeFetchers, ProductGraph } from '../nodes.js';
import { typed } from '../support.js';
import { familyPayload, inputOwner, onEquipment, ownerEquipment, ownerFields, ownerOfParts, refOf, type OwnerModel } from './owner.js';

const TYPENAME = 'Credential';

const withOwner = (owner: OwnerRef, c: Credential): CredentialModel => ({ ...c, owner });

/** `gid://leaseweb/Credential/<OwnerType>/<owner id>/<TYPE>/<username>`: Leaseweb keys a credential by all four. */
const credentialGid = (owner: OwnerRef, type: string, username: string) => gid(TYPENAME, owner.typename, owner.id, type, username);

/** Refuses a credential type the owner does not store, before any call. */
function checkType(ref: OwnerRef, type: CredentialType | null | undefined, field: string[]): void {
  const types = quirks(ref, 'credentials').types;
  if (type && types && !types.includes(type)) {
    throw new InputError(`${ref.typename} credentials are of type ${types.join(' or ')}, not ${type}.`, field);
  }
}

/** A credential write on one owner, answering with the credential. */
function onCredential(equipmentId: string, type: CredentialType, write: (ref: OwnerRef) => Promise<Credential>) {
  return familyPayload(async () => {
    const ref = inputOwner(equipmentId, 'credentials');
    checkType(ref, type, ['input', 'type']);
    return { credential: withOwner(ref, await write(ref)) };
  });
}

const nodes: NodeFetchers = {
  Credential: async (ctx, parts) => {
    const owner = ownerOfParts('credentials', parts);
    const [, , type, username] = parts;
    if (!owner || parts.length !== 4 || !(CREDENTIAL_TYPES as readonly string[]).includes(type!)) return null;
    const types = quirks(owner, 'credentials').types;
    if (types && !types.includes(type!)) return null;
    const credential = await ctx.ds.credentials.get(owner, type as CredentialType, username!);
    return credential ? typed(TYPENAME, withOwner(owner, credential)) : null;
  },
};

const resolvers: Resolvers = {
  ...(ownerFields('credentials', (typename: OwnerType) => ({
    credentials: async (
      owner: OwnerModel,
      { type, first, after }: { type?: CredentialType | null; first?: number | null; after?: string | null },
      ctx: GraphQLContext,
    ) => {
      const ref = refOf(typename, owner);
      checkType(ref, type, ['type']);
      const page = await ctx.ds.credentials.list(ref, toWindow({ first, after }), type);
      return { ...page, items: page.items.map((c) => withOwner(ref, c)) };
    },
    credential: async (owner: OwnerModel, { type, username }: { type: CredentialType; username: string }, ctx: GraphQLContext) => {
      const ref = refOf(typename, owner);
      checkType(ref, type, ['type']);
      const credential = await ctx.ds.credentials.get(ref, type, username);
      return credential ? withOwner(ref, credential) : null;
    },
  })) as Resolvers),

  Mutation: {
    createCredential: (_, { input: { equipmentId, type, username, password } }, ctx) =>
      onCredential(equipmentId, type, (ref) => ctx.ds.credentials.create(ref, { type, username, password })),
    updateCredential: (_, { input: { equipmentId, type, username, password } }, ctx) =>
      onCredential(equipmentId, type, (ref) => ctx.ds.credentials.update(ref, type, username, password)),
    deleteCredential: (_, { input: { equipmentId, type, username } }, ctx) =>
      onEquipment(ctx, equipmentId, 'credentials', async (ref) => {
        checkType(ref, type, ['input', 'type']);
        await ctx.ds.credentials.delete(ref, type, username);
        return { deletedId: credentialGid(ref, type, username) };
      }),
    deleteAllCredentials: (_, { input: { equipmentId } }, ctx) =>
      onEquipment(ctx, equipmentId, 'credentials', (ref) => {
        if (!quirks(ref, 'credentials').deleteAll) {
          throw new InputError(`${ref.typename} credentials can only be deleted one by one.`, ['input', 'equipmentId']);
        }
        return ctx.ds.credentials.deleteAll(ref);
      }),
  },

  Credential: {
    id: (c) => credentialGid(c.owner, c.type, c.username),
    equipment: ownerEquipment,
  },
  CredentialConnection: connectionResolvers,
};

export const credentials: ProductGraph = { resolvers: [resolvers], nodes };
