import { badRequest, noContent, notFound, ok, paginate, validateBody, whole } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, type Owner } from './owner.js';

/** One stored credential: the lists show type and username, the detail the password too. */
export interface CredentialRecord {
  type: string;
  username: string;
  password: string;
}

/** An owner's stored credentials (`…/{ownerId}/credentials[/{type}[/{username}]]`). */
export interface CredentialOwner<D, R> extends Owner<D, R> {
  ops: {
    list: string;
    create: string;
    listByType: string;
    get: string;
    update: string;
    delete: string;
    /** Public Cloud owners can also delete every credential at once. */
    deleteAll?: string;
  };
  /** The owner's credentials; the family changes this array in place. */
  credentials: (owner: R) => CredentialRecord[];
  /** The credential types the owner's API accepts. */
  types: readonly string[];
  /** bareMetals lists page with limit/offset; Public Cloud answers whole, with `_metadata`. */
  paging: 'paged' | 'whole';
  /** Public Cloud: "Can contain only alphanumeric values and characters" (`._-`). */
  usernamePattern?: RegExp;
}

export function credentialRoutes<D, R>(owner: CredentialOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('credentials', owner);
  const answer = (req: EmulatorRequest<D>, list: CredentialRecord[]) => {
    const items = list.map(({ type, username }) => ({ type, username }));
    return owner.paging === 'paged' ? paginate(req, items, 'credentials') : whole('credentials', items);
  };
  const typeOf = (req: EmulatorRequest<D>) => {
    const type = req.params.type!;
    if (!owner.types.includes(type)) throw badRequest({ type: [`The value should be one of: ${owner.types.join(', ')}.`] });
    return type;
  };
  const find = (req: EmulatorRequest<D>) => {
    const list = owner.credentials(owner.find(req));
    const type = typeOf(req);
    const credential = list.find((c) => c.type === type && c.username === req.params.username);
    if (!credential) throw notFound('credential');
    return { list, credential };
  };

  function listCredentials(req: EmulatorRequest<D>) {
    return answer(req, owner.credentials(owner.find(req)));
  }

  function createCredential(req: EmulatorRequest<D>) {
    const list = owner.credentials(owner.find(req));
    const body = validateBody<CredentialRecord & Record<string, unknown>>(
      req,
      { type: owner.types, username: 'string', password: 'string' },
      ['type', 'username', 'password'],
    );
    if (owner.usernamePattern && !owner.usernamePattern.test(body.username))
      throw badRequest({ username: ['Can contain only alphanumeric values and characters.'] });
    if (list.some((c) => c.type === body.type && c.username === body.username))
      throw badRequest({ username: ['A credential of this type with this username already exists.'] });
    const credential = { type: body.type, username: body.username, password: body.password };
    list.push(credential);
    return ok(credential);
  }

  function deleteAllCredentials(req: EmulatorRequest<D>) {
    owner.credentials(owner.find(req)).length = 0;
    return noContent();
  }

  function listCredentialsByType(req: EmulatorRequest<D>) {
    const list = owner.credentials(owner.find(req));
    const type = typeOf(req);
    return answer(
      req,
      list.filter((c) => c.type === type),
    );
  }

  function getCredential(req: EmulatorRequest<D>) {
    return ok(find(req).credential);
  }

  function updateCredential(req: EmulatorRequest<D>) {
    const { credential } = find(req);
    const body = validateBody<{ password: string }>(req, { password: 'string' }, ['password']);
    credential.password = body.password;
    return ok(credential);
  }

  function deleteCredential(req: EmulatorRequest<D>) {
    const { list, credential } = find(req);
    list.splice(list.indexOf(credential), 1);
    return noContent();
  }

  add(owner.ops.list, 'GET', '/credentials', listCredentials);
  add(owner.ops.create, 'POST', '/credentials', createCredential);
  add(owner.ops.deleteAll, 'DELETE', '/credentials', deleteAllCredentials);
  add(owner.ops.listByType, 'GET', '/credentials/{type}', listCredentialsByType);
  add(owner.ops.get, 'GET', '/credentials/{type}/{username}', getCredential);
  add(owner.ops.update, 'PUT', '/credentials/{type}/{username}', updateCredential);
  add(owner.ops.delete, 'DELETE', '/credentials/{type}/{username}', deleteCredential);
  return routes;
}
