import type { Iso } from '../../datasources/types/public-cloud.js';
import { badRequest, validateBody } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, refusedOn, type Owner } from './owner.js';

/** A Public Cloud machine's ISO drive (instances, VPS): `attachIso`, `detachIso`. */
export interface IsoOwner<D, R> extends Owner<D, R> {
  ops: { attach: string; detach: string };
  /** The ISOs the owner's API offers. */
  isos: readonly Iso[];
  /** The machine whose `iso` the operations set. */
  machine: (owner: R) => { iso?: Iso | null };
  writable: (owner: R) => void;
  noun: string;
}

export function isoRoutes<D, R>(owner: IsoOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('iso', owner);

  function attachIso(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    owner.writable(record);
    const body = validateBody<{ isoId: string }>(req, { isoId: 'string' }, ['isoId']);
    const iso = owner.isos.find((i) => i.id === body.isoId);
    if (!iso) throw badRequest({ isoId: ['Unknown ISO.'] });
    const machine = owner.machine(record);
    if (machine.iso) throw badRequest({ isoId: [`The ${owner.noun} already has an ISO attached.`] });
    machine.iso = iso;
    return { status: 202 };
  }

  function detachIso(req: EmulatorRequest<D>) {
    const record = owner.find(req);
    owner.writable(record);
    const machine = owner.machine(record);
    if (!machine.iso) throw refusedOn(owner, `The ${owner.noun} has no ISO attached.`);
    machine.iso = null;
    return { status: 202 };
  }

  add(owner.ops.attach, 'POST', '/attachIso', attachIso);
  add(owner.ops.detach, 'POST', '/detachIso', detachIso);
  return routes;
}
