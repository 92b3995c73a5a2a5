import { describe, expect, it } from 'vitest';
import {
  INSTANCES,
  NETWORK_EQUIPMENT,
  RACKS,
  SERVERS,
  USER_ERRORS,
  VPS,
  mutate,
  pickOwner,
  readOwner,
  writes,
  type OwnerKind,
} from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';

/**
 * The credentials family, for every owner that has it (dedicated servers and Public Cloud
 * instances): stored logins listed without passwords, one read with its password, and
 * `createCredential`, `updateCredential`, `deleteCredential` keyed by the owner's global id.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'credentials',
  () => true,
);

interface Row {
  kind: OwnerKind<any>;
  /** An owner with at least two credentials, one of them OPERATING_SYSTEM. */
  withCredentials: (r: any) => boolean;
  /** A credential type the owner stores that the demo owners have none of, or few. */
  type: string;
}

const rows: Row[] = [
  {
    kind: SERVERS,
    withCredentials: (r) => r.credentials.length >= 2 && r.credentials.some((c: any) => c.type === 'OPERATING_SYSTEM'),
    type: 'DATABASE',
  },
  {
    kind: INSTANCES,
    withCredentials: (r) =>
      r.instance.state === 'RUNNING' && r.credentials.length >= 2 && r.credentials.some((c: any) => c.type === 'OPERATING_SYSTEM'),
    type: 'CONTROL_PANEL',
  },
  {
    kind: VPS,
    withCredentials: (r) =>
      r.vps.state === 'RUNNING' && r.credentials.length >= 2 && r.credentials.some((c: any) => c.type === 'OPERATING_SYSTEM'),
    type: 'CONTROL_PANEL',
  },
  { kind: NETWORK_EQUIPMENT, withCredentials: (r) => r.credentials.length >= 1, type: 'FIREWALL' },
  { kind: RACKS, withCredentials: (r) => r.credentials.length >= 2, type: 'SWITCH' },
];

describe.each(rows)('$kind.typename credentials', ({ kind, withCredentials, type }) => {
  it('lists credentials without passwords, by type, and shows one with its password', async () => {
    const owner = pickOwner(stack(), kind, withCredentials);
    const credentials: Array<{ type: string; username: string; password: string }> = owner.record.credentials;
    const os = credentials.find((c) => c.type === 'OPERATING_SYSTEM')!;
    const o = await readOwner(
      stack(),
      owner,
      `
      all: credentials { totalCount nodes { type username password } }
      os: credentials(type: OPERATING_SYSTEM) { nodes { type username } }
      one: credential(type: OPERATING_SYSTEM, username: $user) { type username password }
      none: credential(type: OPERATING_SYSTEM, username: "nobody") { username }`,
      '$user: String!',
      { user: os.username },
    );
    expect(o.all).toEqual({
      totalCount: credentials.length,
      nodes: credentials.map((c) => ({ type: c.type, username: c.username, password: null })),
    });
    expect(o.os.nodes).toEqual(
      credentials.filter((c) => c.type === 'OPERATING_SYSTEM').map((c) => ({ type: c.type, username: c.username })),
    );
    expect(o.one).toEqual({ type: os.type, username: os.username, password: os.password });
    expect(o.none).toBeNull();
    expect(stack().calls({ path: `${owner.base}/credentials/OPERATING_SYSTEM/${os.username}` })).toHaveLength(1);
    expect(stack().calls({ path: `${owner.base}/credentials/OPERATING_SYSTEM/nobody` })).toHaveLength(1);
    expect(stack().calls({ path: /\/credentials\/OPERATING_SYSTEM$/ })).toHaveLength(1);
  });

  it('creates a credential, changes its password and deletes it', async () => {
    const owner = pickOwner(stack(), kind, withCredentials);
    const input = { equipmentId: owner.gid, type, username: 'app' };
    const CRED = `credential { id type username password equipment { id } } ${USER_ERRORS}`;
    const created = await mutate(stack(), 'createCredential', { ...input, password: 'first-pw' }, CRED);
    const credentialId = `gid://leaseweb/Credential/${kind.typename}/${owner.id}/${type}/app`;
    expect(created).toEqual({
      credential: { id: credentialId, type, username: 'app', password: 'first-pw', equipment: { id: owner.gid } },
      userErrors: [],
    });
    // The id refetches the credential, with its password.
    const refetched = await stack().data('query($id: ID!) { node(id: $id) { __typename id ... on Credential { username password } } }', {
      id: credentialId,
    });
    expect(refetched.node).toEqual({ __typename: 'Credential', id: credentialId, username: 'app', password: 'first-pw' });
    expect(owner.record.credentials).toContainEqual({ type, username: 'app', password: 'first-pw' });
    const READ = `credentials(type: ${type}) { nodes { username } } credential(type: ${type}, username: "app") { id password }`;
    const listed = await readOwner(stack(), owner, READ);
    const ofType = () => owner.record.credentials.filter((c: any) => c.type === type).map((c: any) => ({ username: c.username }));
    expect(listed.credentials.nodes).toEqual(ofType());
    expect(listed.credentials.nodes).toContainEqual({ username: 'app' });
    expect(listed.credential).toEqual({ id: credentialId, password: 'first-pw' });

    const dup = await mutate(stack(), 'createCredential', { ...input, password: 'x' });
    expect(dup.userErrors[0]).toMatchObject({ field: ['input', 'username'] });

    const updated = await mutate(
      stack(),
      'updateCredential',
      { ...input, password: 'second-pw' },
      `credential { password } ${USER_ERRORS}`,
    );
    expect(updated).toEqual({ credential: { password: 'second-pw' }, userErrors: [] });
    expect((await readOwner(stack(), owner, READ)).credential).toEqual({ id: credentialId, password: 'second-pw' });

    const deleted = await mutate(
      stack(),
      'deleteCredential',
      input,
      `deletedId equipment { __typename id ... on ${kind.typename} { credentials(type: ${type}) { nodes { username } } } } ${USER_ERRORS}`,
    );
    expect(deleted.userErrors).toEqual([]);
    expect(deleted.deletedId).toBe(credentialId);
    expect(deleted.equipment).toMatchObject({ __typename: kind.typename, id: owner.gid });
    expect(deleted.equipment.credentials.nodes).toEqual(ofType());
    expect(deleted.equipment.credentials.nodes).not.toContainEqual({ username: 'app' });
    const after = await readOwner(stack(), owner, READ);
    expect(after.credentials.nodes).not.toContainEqual({ username: 'app' });
    expect(after.credential).toBeNull();
    const NODE = 'query($id: ID!) { node(id: $id) { id } }';
    expect((await stack().data(NODE, { id: credentialId })).node).toBeNull();
    expect(owner.record.credentials.some((c: any) => c.username === 'app')).toBe(false);

    const gone = await mutate(stack(), 'deleteCredential', input, `deletedId ${USER_ERRORS}`);
    expect(gone.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.deletedId).toBeNull();
    const missing = await mutate(stack(), 'updateCredential', { ...input, password: 'p' });
    expect(missing.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const at = `${owner.base}/credentials`;
    expect(writes(stack())).toEqual([
      `POST ${at}`,
      `POST ${at}`,
      `PUT ${at}/${type}/app`,
      `DELETE ${at}/${type}/app`,
      `DELETE ${at}/${type}/app`,
      `PUT ${at}/${type}/app`,
    ]);
  });

  it('answers NOT_FOUND for an owner that does not exist', async () => {
    const missing = `gid://leaseweb/${kind.typename}/${kind.missingId}`;
    const res = await mutate(
      stack(),
      'createCredential',
      { equipmentId: missing, type, username: 'u', password: 'p' },
      `credential { username } ${USER_ERRORS}`,
    );
    expect(res).toEqual({
      credential: null,
      userErrors: [{ field: null, message: expect.any(String), code: 'NOT_FOUND', leasewebCode: '404' }],
    });
    expect(writes(stack())).toHaveLength(1);
  });
});

describe.each([{ kind: INSTANCES as OwnerKind<any> }, { kind: VPS }])('$kind.typename credentials (Public Cloud only)', ({ kind }) => {
  const m = kind.machine!;
  it('lists control panel credentials through …/credentials/CONTROL_PANEL', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.credentials.length > 1 && x.credentials.some((c: any) => c.type === 'CONTROL_PANEL'));
    const o = await readOwner(stack(), owner, 'panel: credentials(type: CONTROL_PANEL) { nodes { type username } }');
    expect(o.panel.nodes).toEqual(
      owner.record.credentials.filter((c: any) => c.type === 'CONTROL_PANEL').map(({ type, username }: any) => ({ type, username })),
    );
    expect(
      stack()
        .calls()
        .map((c: any) => c.path),
    ).toContain(`${owner.base}/credentials/CONTROL_PANEL`);
  });

  it('refuses a username Leaseweb does not take', async () => {
    const owner = pickOwner(stack(), kind, (x) => m(x).state === 'RUNNING');
    const badName = await mutate(stack(), 'createCredential', {
      equipmentId: owner.gid,
      type: 'CONTROL_PANEL',
      username: 'no spaces',
      password: 'x',
    });
    expect(badName.userErrors[0].field).toEqual(['input', 'username']);
    expect(owner.record.credentials.some((c: any) => c.username === 'no spaces')).toBe(false);
  });

  it('deletes every credential at once', async () => {
    const owner = pickOwner(stack(), kind, (x) => m(x).state === 'RUNNING' && x.credentials.length > 0);
    const res = await mutate(
      stack(),
      'deleteAllCredentials',
      { equipmentId: owner.gid },
      `equipment { ... on ${kind.typename} { leasewebId credentials { totalCount } } } ${USER_ERRORS}`,
    );
    expect(res).toEqual({ equipment: { leasewebId: owner.id, credentials: { totalCount: 0 } }, userErrors: [] });
    expect(owner.record.credentials).toEqual([]);
    const list = await readOwner(stack(), owner, 'credentials { totalCount }');
    expect(list.credentials.totalCount).toBe(0);
    expect(writes(stack())).toEqual([`DELETE ${owner.base}/credentials`]);
  });
});

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(32);
    expect(reached.missing()).toEqual([]);
  });
});
