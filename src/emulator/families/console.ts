import { randomBytes } from 'node:crypto';
import { ok } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, refusedOn, type Owner } from './owner.js';

/** A Public Cloud machine's web console (instances, VPS): `GET …/{ownerId}/console`. */
export interface ConsoleOwner<D, R> extends Owner<D, R> {
  ops: { get: string };
  /** A console needs a running machine. */
  running: (owner: R) => boolean;
  noun: string;
}

export function consoleRoutes<D, R>(owner: ConsoleOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('console', owner);
  function getConsoleAccess(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    // Undocumented answer (the reference has no sample); the spec gives `{ url }`.
    if (!owner.running(record)) throw refusedOn(owner, `The console is only available while the ${owner.noun} is RUNNING.`);
    return ok({
      url: `https://public-cloud.leaseweb.example/resource/noVNC/vnc.html?autoconnect=true&token=${randomBytes(24).toString('base64url')}`,
    });
  }
  add(owner.ops.get, 'GET', '/console', getConsoleAccess);
  return routes;
}
