import type { Dataset } from '../dataset.js';
import type { Rng } from '../prng.js';

/** Invoices of one customer. Not built yet (issue 3). */
export interface InvoicesData {}

export function createInvoicesData(): InvoicesData {
  return {};
}

export function seedInvoices(_d: Dataset, _rng: Rng, _count: number): void {}
