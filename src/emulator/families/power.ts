import { noContent, ok } from '../http.js';
import type { EmulatorRequest } from '../types.js';
import { familyRoutes, refusedOn, type Owner } from './owner.js';

/**
 * Power, in the two styles the API has. bareMetals equipment is switched through IPMI and
 * PDU (`powerInfo`, `powerOn`, `powerOff`, `powerCycle`; servers, network equipment);
 * Public Cloud machines have a state machine (`start`, `stop`, `reboot`; instances, VPS,
 * load balancers) that refuses an action from the wrong state.
 */
export interface SwitchedPowerOwner<D, R> extends Owner<D, R> {
  style: 'switched';
  ops: { info: string; on: string; off: string; cycle: string };
  power: (owner: R) => { ipmi: 'on' | 'off'; pdu: 'on' | 'off' };
  /** Network equipment reports its PDU only (`{ pdu: { status } }`, as documented); a switch acts on the PDU. */
  pduOnly?: boolean;
}

export interface StatefulPowerOwner<D, R> extends Owner<D, R> {
  style: 'stateful';
  ops: { start: string; stop: string; reboot: string };
  /** The owner's machine, whose `state` the actions change. */
  machine: (owner: R) => { state: string };
  /** Refuses any write on an owner being destroyed. */
  writable?: (owner: R) => void;
  /** What the owner is called in messages: `instance`. */
  noun: string;
}

export type PowerOwner<D, R> = SwitchedPowerOwner<D, R> | StatefulPowerOwner<D, R>;

export function powerRoutes<D, R>(owner: PowerOwner<D, R>) {
  return owner.style === 'switched' ? switched(owner) : stateful(owner);
}

function switched<D, R>(owner: SwitchedPowerOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('power', owner);
  function showPowerStatus(req: EmulatorRequest<D>) {
    const power = owner.power(owner.find(req));
    if (owner.pduOnly) return ok({ pdu: { status: power.pdu } });
    return ok({ ipmi: { status: power.ipmi }, pdu: { status: power.pdu } });
  }
  function powerOn(req: EmulatorRequest<D>) {
    owner.power(owner.find(req))[owner.pduOnly ? 'pdu' : 'ipmi'] = 'on';
    return noContent();
  }
  function powerOff(req: EmulatorRequest<D>) {
    owner.power(owner.find(req))[owner.pduOnly ? 'pdu' : 'ipmi'] = 'off';
    return noContent();
  }
  function powerCycle(req: EmulatorRequest<D>) {
    owner.power(owner.find(req))[owner.pduOnly ? 'pdu' : 'ipmi'] = 'on';
    return noContent();
  }
  add(owner.ops.info, 'GET', '/powerInfo', showPowerStatus);
  add(owner.ops.on, 'POST', '/powerOn', powerOn);
  add(owner.ops.off, 'POST', '/powerOff', powerOff);
  add(owner.ops.cycle, 'POST', '/powerCycle', powerCycle);
  return routes;
}

function stateful<D, R>(owner: StatefulPowerOwner<D, R>) {
  const { routes, add } = familyRoutes<D>('power', owner);
  const act = (req: EmulatorRequest<D>, action: 'start' | 'stop' | 'reboot') => {
    const record = owner.find(req);
    owner.writable?.(record);
    const machine = owner.machine(record);
    const needs = action === 'start' ? 'STOPPED' : 'RUNNING';
    if (machine.state !== needs) throw refusedOn(owner, `The ${owner.noun} must be ${needs} to ${action} it; it is ${machine.state}.`);
    // The emulator has no clock: an accepted action is done when it answers.
    if (action === 'start') machine.state = 'RUNNING';
    if (action === 'stop') machine.state = 'STOPPED';
    return { status: 202 };
  };
  function start(req: EmulatorRequest<D>) {
    return act(req, 'start');
  }
  function stop(req: EmulatorRequest<D>) {
    return act(req, 'stop');
  }
  function reboot(req: EmulatorRequest<D>) {
    return act(req, 'reboot');
  }
  add(owner.ops.start, 'POST', '/start', start);
  add(owner.ops.stop, 'POST', '/stop', stop);
  add(owner.ops.reboot, 'POST', '/reboot', reboot);
  return routes;
}
