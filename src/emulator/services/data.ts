import type { Dataset } from '../dataset.js';
import type { Rng } from '../prng.js';

/** Services (contracts) of one customer. Not built yet (issue 3). */
export interface ServicesData {}

export function createServicesData(): ServicesData {
  return {};
}

export function seedServices(_d: Dataset, _rng: Rng): void {}
