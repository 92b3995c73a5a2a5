import type { UpstreamSession } from '../client.js';
import type { PowerStatus } from '../types/dedicated-servers.js';
import { ownerPath, quirks, type OwnerRef } from './owners.js';

export type PowerAction = 'on' | 'off' | 'cycle';

/**
 * The power family for every owner in the owner table: bareMetals owners answer
 * `powerOn`/`powerOff`/`powerCycle` and `powerInfo`; Public Cloud owners `start`/`stop`/`reboot`.
 */
export class PowerAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  status(ref: OwnerRef): Promise<PowerStatus> {
    return this.upstream.get(ownerPath(ref)`/powerInfo`);
  }

  async act(ref: OwnerRef, action: PowerAction): Promise<void> {
    await this.upstream.post(ownerPath(ref)`/${quirks(ref, 'power')[action]}`);
  }
}
