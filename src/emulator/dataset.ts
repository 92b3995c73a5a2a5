import { Rng } from './prng.js';
import { products, type Dataset } from './products.js';
import type { DatasetSpec } from './types.js';

export type { Dataset } from './products.js';
export type { Billable, DatasetSpec } from './types.js';

/** A customer's data set: every product's section of the manifest, seeded in its order. */
export function createDataset(spec: DatasetSpec): Dataset {
  const rng = new Rng(spec.seed);
  const customer = { customerId: String(rng.int(10_000_000_000, 99_999_999_999)), salesOrgId: '2000' };
  const sections = Object.fromEntries(Object.entries(products).map(([name, p]) => [name, p.create()]));
  const d = { customer, billables: [], ...sections } as unknown as Dataset;
  for (const p of Object.values(products)) p.seed?.(d as never, rng, spec);
  return d;
}

/** The key `npm start` uses in demo mode, and its data set. */
export const DEMO_API_KEY = 'lsw-demo-key';
/** A second customer, for isolation tests: smaller, different ids. */
export const OTHER_API_KEY = 'lsw-other-key';

export const defaultKeys: Record<string, DatasetSpec> = {
  [DEMO_API_KEY]: { seed: 20_260_101, servers: 64, instances: 24, domains: 6, invoices: 24 },
  [OTHER_API_KEY]: { seed: 424_242, servers: 6, instances: 3, domains: 1, invoices: 2 },
};
