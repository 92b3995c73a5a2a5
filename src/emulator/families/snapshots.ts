import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../../datasources/types/public-cloud.js';
import { notFound, ok, paginate, validateBody } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, refusedOn, type Owner } from './owner.js';

/** A Public Cloud machine's snapshots (instances, VPS): `…/{ownerId}/snapshots[/{snapshotId}]`. */
export interface SnapshotOwner<D, R> extends Owner<D, R> {
  ops: { list: string; create: string; get: string; restore: string; delete: string };
  /** The owner's snapshots; the family changes this array in place. */
  snapshots: (owner: R) => Snapshot[];
  /** Snapshots are taken of a running machine only. */
  running: (owner: R) => boolean;
  writable: (owner: R) => void;
  /** Snapshot times, written `2023-11-02T07:31:28+0000` in the reference. */
  time: (ms: number) => string;
  /** What the owner is called in messages: `instance`. */
  noun: string;
}

export function snapshotRoutes<D, R>(owner: SnapshotOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('snapshots', owner);
  const find = (req: EmulatorRequest<D>) => {
    const record = owner.find(req);
    const list = owner.snapshots(record);
    const snapshot = list.find((s) => s.id === req.params.snapshotId);
    if (!snapshot) throw notFound('snapshot');
    return { record, list, snapshot };
  };

  function listSnapshots(req: EmulatorRequest<D>) {
    return paginate(req, owner.snapshots(owner.find(req)), 'snapshots');
  }

  function createSnapshot(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    owner.writable(record);
    const body = validateBody<{ name: string }>(req, { name: 'string' }, ['name']);
    if (!owner.running(record)) throw refusedOn(owner, `The ${owner.noun} must be RUNNING to take a snapshot.`);
    const list = owner.snapshots(record);
    if (list.length) throw refusedOn(owner, `Only one snapshot per ${owner.noun} is allowed.`);
    list.push({ id: randomUUID(), displayName: body.name, state: 'READY', created: owner.time(Date.now()) });
    return { status: 202 };
  }

  function getSnapshot(req: EmulatorRequest<D>) {
    return ok(find(req).snapshot);
  }

  function restoreSnapshot(req: EmulatorRequest<D>) {
    const { record, snapshot } = find(req);
    owner.writable(record);
    if (snapshot.state !== 'READY') throw refusedOn(owner, 'Only a READY snapshot can be restored.');
    return { status: 202 };
  }

  function deleteSnapshot(req: EmulatorRequest<D>) {
    const { list, snapshot } = find(req);
    list.splice(list.indexOf(snapshot), 1);
    return { status: 202 };
  }

  add(owner.ops.list, 'GET', '/snapshots', listSnapshots);
  add(owner.ops.create, 'POST', '/snapshots', createSnapshot);
  add(owner.ops.get, 'GET', '/snapshots/{snapshotId}', getSnapshot);
  add(owner.ops.restore, 'PUT', '/snapshots/{snapshotId}', restoreSnapshot);
  add(owner.ops.delete, 'DELETE', '/snapshots/{snapshotId}', deleteSnapshot);
  return routes;
}
