import type { UpstreamSession } from './client.js';
import { byIdLoader } from './loaders.js';
import { toPage, type Page, type Window } from './page.js';
import { pathUnder } from './path.js';
import type { ImageListFilter } from './public-cloud.js';
import type { Image, Iso } from './types/public-cloud.js';
import type { Vps } from './types/vps.js';

const api = pathUnder('/publicCloud/v1');

export interface VpsListFilter {
  id?: string | null;
  reference?: string | null;
  ip?: string | null;
  state?: string | null;
  pack?: string | null;
  region?: string | null;
}

/**
 * VPS (publicCloud/v1 `/vps`): one method per REST operation outside the families (IPs,
 * credentials, power, metrics, snapshots, ISO and console are the families', through the
 * owner table). A VPS read twice in a query is fetched once.
 */
export class VpsAPI {
  private readonly byId = byIdLoader((id: string) => this.upstream.get<Vps>(api`/vps/${id}`));

  constructor(private readonly upstream: UpstreamSession) {}

  /** `GET /vps/` (Leaseweb's path has the trailing slash). */
  list(window: Window, filter: VpsListFilter = {}): Promise<Page<Vps>> {
    return this.upstream.get(api`/vps/`, { ...window, ...filter }).then((body) => toPage<Vps>(body, 'vps', window));
  }

  /** The full VPS (the list leaves out contract, ISO and resources); null when it does not exist. */
  get(id: string): Promise<Vps | null> {
    return this.byId.load(id);
  }

  async update(id: string, changes: { reference?: string | null }): Promise<Vps> {
    const vps = await this.upstream.put<Vps>(api`/vps/${id}`, changes);
    this.forget(id);
    this.byId.prime(id, vps);
    return vps;
  }

  async resetPassword(id: string): Promise<void> {
    await this.upstream.post(api`/vps/${id}/resetPassword`);
    this.forget(id);
  }

  reinstallImages(id: string, window: Window, filter: { standard?: boolean | null } = {}): Promise<Page<Image>> {
    return this.upstream
      .get(api`/vps/${id}/reinstall/images`, { ...window, ...filter })
      .then((body) => toPage<Image>(body, 'images', window));
  }

  async reinstall(id: string, body: { imageId: string; marketAppId?: string }): Promise<void> {
    await this.upstream.put(api`/vps/${id}/reinstall`, body);
    this.forget(id);
  }

  images(window: Window, filter: ImageListFilter = {}): Promise<Page<Image>> {
    return this.upstream.get(api`/vps/images`, { ...window, ...filter }).then((body) => toPage<Image>(body, 'images', window));
  }

  isos(window: Window): Promise<Page<Iso>> {
    return this.upstream.get(api`/vps/isos`, { ...window }).then((body) => toPage<Iso>(body, 'isos', window));
  }

  /** Drops cached reads of a VPS after a write. */
  forget(id: string): void {
    this.byId.clear(id);
  }
}
