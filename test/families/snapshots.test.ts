import { describe, expect, it } from 'vitest';
import { isos } from '../../src/emulator/public-cloud/catalogues.js';
import { INSTANCES, USER_ERRORS, VPS, type OwnerKind, mutate, pickOwner, readOwner, writes } from '../support/owners.js';
import { trackOperations } from '../support/operations.js';
import { useStack } from '../support/stack.js';
import { utc } from '../support/values.js';

/**
 * The snapshot, ISO and console family. Public Cloud instances and VPSs are its owners; the writes (`createSnapshot`, `restoreSnapshot`, `deleteSnapshot`,
 * `attachIso`, `detachIso`) are keyed by the owner's global id, and a snapshot's global id
 * is `gid://leaseweb/Snapshot/<OwnerType>/<ownerId>/<snapshotId>`.
 */
const stack = useStack();
const reached = trackOperations(
  stack,
  (op) => op.family === 'snapshots' || op.family === 'iso' || op.family === 'console',
  () => true,
);

describe.each([{ kind: INSTANCES as OwnerKind<any> }, { kind: VPS }])('$kind.typename snapshots, ISO and console', ({ kind }) => {
  const m = kind.machine!;
  const snapshotGid = (ownerId: string, id: string) => `gid://leaseweb/Snapshot/${kind.typename}/${ownerId}/${id}`;

  it('lists and reads snapshots, by UUID or global id', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.snapshots.length > 0);
    const snap = owner.record.snapshots[0]!;
    const o = await readOwner(
      stack(),
      owner,
      `
      snapshots { totalCount nodes { id leasewebId name state createdAt equipment { __typename id } } }
      snapshot(id: $s) { leasewebId name }
      byGid: snapshot(id: $g) { leasewebId }
      none: snapshot(id: "00000000-0000-4000-8000-000000000000") { name }`,
      '$s: String!, $g: String!',
      { s: snap.id, g: snapshotGid(owner.id, snap.id) },
    );
    expect(o.snapshots).toEqual({
      totalCount: 1,
      nodes: [
        {
          id: snapshotGid(owner.id, snap.id),
          leasewebId: snap.id,
          name: snap.displayName,
          state: snap.state,
          createdAt: utc(snap.created),
          equipment: { __typename: kind.typename, id: owner.gid },
        },
      ],
    });
    expect(o.snapshot).toEqual({ leasewebId: snap.id, name: snap.displayName });
    expect(o.byGid).toEqual({ leasewebId: snap.id });
    expect(o.none).toBeNull();
    // By UUID and by global id it is the same snapshot: one call in the request.
    expect(stack().calls({ path: `${owner.base}/snapshots/${snap.id}` })).toHaveLength(1);
  });

  it('resolves a snapshot by its global id with node(id:)', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.snapshots.length > 0);
    const snap = owner.record.snapshots[0]!;
    const data = await stack().data(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Snapshot { name equipment { ... on ${kind.typename} { leasewebId } } } } }`,
      {
        ids: [
          snapshotGid(owner.id, snap.id),
          snapshotGid(owner.id, '00000000-0000-4000-8000-000000000000'),
          `gid://leaseweb/Snapshot/DedicatedServer/1/${snap.id}`,
        ],
      },
    );
    expect(data.nodes).toEqual([
      { __typename: 'Snapshot', id: snapshotGid(owner.id, snap.id), name: snap.displayName, equipment: { leasewebId: owner.id } },
      null,
      null,
    ]);
  });

  it('refuses the global id of another instance’s snapshot, before any call', async () => {
    const [a, b] = kind.records(stack()).filter((x) => x.snapshots.length > 0 || m(x).state === 'RUNNING');
    const owner = pickOwner(stack(), kind, (x) => x === a);
    const foreign = snapshotGid(kind.idOf(b), '00000000-0000-4000-8000-000000000000');
    const res = await stack().query(`query($id: ID!, $s: String!) { o: ${kind.root}(id: $id) { snapshot(id: $s) { name } } }`, {
      id: owner.id,
      s: foreign,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const restore = await mutate(stack(), 'restoreSnapshot', { equipmentId: owner.gid, snapshotId: foreign });
    expect(restore.userErrors).toEqual([
      { field: ['input', 'snapshotId'], message: expect.any(String), code: 'INVALID', leasewebCode: null },
    ]);
    expect(stack().calls({ path: '/snapshots' })).toHaveLength(0);
  });

  it('takes one snapshot of a running instance, restores and deletes it', async () => {
    const owner = pickOwner(stack(), kind, (x) => x.snapshots.length === 0 && m(x).state === 'RUNNING');
    const input = { equipmentId: owner.gid };
    const SNAPS = `equipment { ... on ${kind.typename} { snapshots { nodes { id leasewebId name state } } } } ${USER_ERRORS}`;
    const created = await mutate(
      stack(),
      'createSnapshot',
      { ...input, name: 'before-upgrade' },
      `snapshot { id leasewebId name state } ${SNAPS}`,
    );
    expect(created.userErrors).toEqual([]);
    const [snap] = created.equipment.snapshots.nodes;
    expect(snap).toEqual({
      id: snapshotGid(owner.id, owner.record.snapshots[0]!.id),
      name: 'before-upgrade',
      state: 'READY',
      leasewebId: owner.record.snapshots[0]!.id,
    });
    // Leaseweb answers the POST without a body: the payload's snapshot is read from the list after it.
    expect(created.snapshot).toEqual(snap);
    expect(
      stack()
        .calls()
        .map((c) => `${c.method} ${c.path}`)
        .slice(0, 2),
    ).toEqual([`POST ${owner.base}/snapshots`, `GET ${owner.base}/snapshots`]);
    expect((await mutate(stack(), 'createSnapshot', { ...input, name: 'second' })).userErrors[0].message).toMatch(/one snapshot/);
    expect(owner.record.snapshots).toHaveLength(1);
    // Restore by global id (which names the owner too).
    expect((await mutate(stack(), 'restoreSnapshot', { ...input, snapshotId: snap.id })).userErrors).toEqual([]);
    expect(
      stack()
        .calls({ method: 'PUT' })
        .map((c) => c.path),
    ).toEqual([`${owner.base}/snapshots/${snap.leasewebId}`]);
    const deleted = await mutate(stack(), 'deleteSnapshot', { ...input, snapshotId: snap.leasewebId }, `deletedId ${SNAPS}`);
    expect(deleted.equipment.snapshots.nodes).toEqual([]);
    expect(deleted.deletedId).toBe(snap.id);
    expect(owner.record.snapshots).toEqual([]);
    expect((await mutate(stack(), 'deleteSnapshot', { ...input, snapshotId: snap.leasewebId })).userErrors[0].code).toBe('NOT_FOUND');
    const stopped = pickOwner(stack(), kind, (x) => m(x).state === 'STOPPED' && x.snapshots.length === 0);
    expect((await mutate(stack(), 'createSnapshot', { equipmentId: stopped.gid, name: 'x' })).userErrors[0].message).toMatch(/RUNNING/);
    expect(stopped.record.snapshots).toEqual([]);
  });

  it('attaches an ISO only when none is attached, and detaches it', async () => {
    const owner = pickOwner(stack(), kind, (x) => !m(x).iso && m(x).state === 'RUNNING');
    const input = { equipmentId: owner.gid };
    const ISO = `equipment { ... on ${kind.typename} { iso { isoId } } } ${USER_ERRORS}`;
    expect(await mutate(stack(), 'attachIso', { ...input, isoId: isos[2]!.id }, ISO)).toEqual({
      equipment: { iso: { isoId: isos[2]!.id } },
      userErrors: [],
    });
    expect((await mutate(stack(), 'attachIso', { ...input, isoId: isos[0]!.id })).userErrors[0].field).toEqual(['input', 'isoId']);
    expect(m(owner.record).iso?.id).toBe(isos[2]!.id);
    expect((await mutate(stack(), 'detachIso', input, ISO)).equipment.iso).toBeNull();
    expect((await mutate(stack(), 'detachIso', input)).userErrors).toHaveLength(1);
    expect((await mutate(stack(), 'attachIso', { ...input, isoId: 'NOPE' })).userErrors[0].field).toEqual(['input', 'isoId']);
    expect(m(owner.record).iso).toBeNull();
    expect(writes(stack())).toEqual([
      `POST ${owner.base}/attachIso`,
      `POST ${owner.base}/attachIso`,
      `POST ${owner.base}/detachIso`,
      `POST ${owner.base}/detachIso`,
      `POST ${owner.base}/attachIso`,
    ]);
  });

  it('gives console access to a running instance only', async () => {
    const running = pickOwner(stack(), kind, (r) => m(r).state === 'RUNNING');
    const stopped = pickOwner(stack(), kind, (r) => m(r).state === 'STOPPED');
    const ok = await readOwner(stack(), running, 'console { url }');
    expect(ok.console.url).toMatch(/^https:\/\/.+token=/);
    const refused = await stack().query(`query($id: ID!) { o: ${kind.root}(id: $id) { console { url } } }`, { id: stopped.id });
    expect(refused.data?.o.console).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      stack()
        .calls({ path: '/console' })
        .map((c) => c.path),
    ).toEqual([`${running.base}/console`, `${stopped.base}/console`]);
  });
});

describe('coverage', () => {
  it('reached every operation of the family, for every owner in the route table, through GraphQL', (ctx) => {
    if (reached.partial(ctx)) ctx.skip();
    expect(reached.count()).toBe(16);
    expect(reached.missing()).toEqual([]);
  });
});
