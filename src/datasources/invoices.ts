import type { UpstreamSession } from './client.js';

/** Not built yet (issue 3). */
export class InvoicesAPI {
  constructor(private readonly upstream: UpstreamSession) {}

  /** The session this datasource calls through. */
  get session(): UpstreamSession {
    return this.upstream;
  }
}
