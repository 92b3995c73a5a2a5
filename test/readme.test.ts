import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useStack } from './support/stack.js';

/**
 * The README's GraphQL examples, run as a reader would paste them into GraphiQL in demo
 * mode: each must answer without errors and find something in the demo data, so the
 * examples cannot go stale when the schema or the demo account changes.
 */
const stack = useStack();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** True when the answer holds at least one non-empty list or scalar below its roots. */
const found = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : value && typeof value === 'object' ? Object.values(value).every(found) : value !== null;

describe('README examples', () => {
  it('has GraphQL examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((query, i) => [i + 1, query] as const))('example %i answers without errors, with data', async (_, query) => {
    const res = await stack().query(query);
    expect(res.errors).toBeUndefined();
    for (const root of Object.values(res.data as Record<string, unknown>)) expect(found(root)).toBe(true);
  });
});
