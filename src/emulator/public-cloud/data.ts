import type { Dataset } from '../dataset.js';
import type { Rng } from '../prng.js';

/** Public Cloud state of one customer. Not built yet (issue 3). */
export interface PublicCloudData {}

export function createPublicCloudData(): PublicCloudData {
  return {};
}

export function seedPublicCloud(_d: Dataset, _rng: Rng, _count: number): void {}
