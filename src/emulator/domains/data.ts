import type { Dataset } from '../dataset.js';
import type { Rng } from '../prng.js';

/** Domains and DNS of one customer. Not built yet (issue 3). */
export interface DomainsData {}

export function createDomainsData(): DomainsData {
  return {};
}

export function seedDomains(_d: Dataset, _rng: Rng, _count: number): void {}
