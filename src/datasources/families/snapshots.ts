import type { UpstreamSession } from '../client.js';
import { orNull } from '../loaders.js';
import { toPage, type Page, type Window } from '../page.js';
import type { ConsoleAccess, Snapshot } from '../types/public-cloud.js';
import { ownerPath, type OwnerRef } from './owners.js';

/**
 * The snapshot, ISO and console family (`…/{owner}/{id}/snapshots[/{id}]`, `…/attachIso`,
 * `…/detachIso`, `…/console`) for every owner in the owner table that has it.
 */
export class SnapshotsAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  list(ref: OwnerRef, window: Window): Promise<Page<Snapshot>> {
    return this.upstream.get(ownerPath(ref)`/snapshots`, { ...window }).then((body) => toPage<Snapshot>(body, 'snapshots', window));
  }

  get(ref: OwnerRef, snapshotId: string): Promise<Snapshot | null> {
    return orNull(this.upstream.get(ownerPath(ref)`/snapshots/${snapshotId}`));
  }

  async create(ref: OwnerRef, name: string): Promise<void> {
    await this.upstream.post(ownerPath(ref)`/snapshots`, { name });
  }

  async restore(ref: OwnerRef, snapshotId: string): Promise<void> {
    await this.upstream.put(ownerPath(ref)`/snapshots/${snapshotId}`);
  }

  async delete(ref: OwnerRef, snapshotId: string): Promise<void> {
    await this.upstream.delete(ownerPath(ref)`/snapshots/${snapshotId}`);
  }

  async attachIso(ref: OwnerRef, isoId: string): Promise<void> {
    await this.upstream.post(ownerPath(ref)`/attachIso`, { isoId });
  }

  async detachIso(ref: OwnerRef): Promise<void> {
    await this.upstream.post(ownerPath(ref)`/detachIso`);
  }

  console(ref: OwnerRef): Promise<ConsoleAccess> {
    return this.upstream.get(ownerPath(ref)`/console`);
  }
}
