import type { UpstreamSession } from '../client.js';
import { orNull } from '../loaders.js';
import { slicePage, toPage, type Page, type Window } from '../page.js';
import type { Credential, CredentialType } from '../types/dedicated-servers.js';
import { ownerPath, quirks, type OwnerRef } from './owners.js';

/**
 * The credentials family (`…/{owner}/{id}/credentials[/{type}[/{username}]]`) for every
 * owner in the owner table. bareMetals owners page their lists; Public Cloud owners answer
 * them whole (paged here) and can delete all credentials at once.
 */
export class CredentialsAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  async list(ref: OwnerRef, window: Window, type?: CredentialType | null): Promise<Page<Credential>> {
    const at = ownerPath(ref);
    const url = type ? at`/credentials/${type}` : at`/credentials`;
    if (quirks(ref, 'credentials').paged) {
      return toPage<Credential>(await this.upstream.get(url, { ...window }), 'credentials', window);
    }
    return slicePage(toPage<Credential>(await this.upstream.get(url), 'credentials').items, window);
  }

  get(ref: OwnerRef, type: CredentialType, username: string): Promise<Credential | null> {
    return orNull(this.upstream.get(ownerPath(ref)`/credentials/${type}/${username}`));
  }

  create(ref: OwnerRef, credential: Required<Credential>): Promise<Credential> {
    return this.upstream.post(ownerPath(ref)`/credentials`, credential);
  }

  update(ref: OwnerRef, type: CredentialType, username: string, password: string): Promise<Credential> {
    return this.upstream.put(ownerPath(ref)`/credentials/${type}/${username}`, { password });
  }

  async delete(ref: OwnerRef, type: CredentialType, username: string): Promise<void> {
    await this.upstream.delete(ownerPath(ref)`/credentials/${type}/${username}`);
  }

  async deleteAll(ref: OwnerRef): Promise<void> {
    await this.upstream.delete(ownerPath(ref)`/credentials`);
  }
}
