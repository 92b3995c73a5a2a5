import { existsSync, readFileSync } from 'node:fs';
import { describe } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DEMO_API_KEY } from '../../src/emulator/dataset.js';
import type { Emulator } from '../../src/emulator/server.js';

/**
 * The documented samples in ../shared/leaseweb-api/samples (absent on a fresh clone: the
 * checks that use them are not registered then: see `describeIf`).
 */
const samplesDir = fileURLToPath(new URL('../../../shared/leaseweb-api/samples/', import.meta.url));
export const samplesAvailable = existsSync(samplesDir);

export function sample(operationId: string): unknown {
  return JSON.parse(readFileSync(`${samplesDir}${operationId}.json`, 'utf8'));
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` lacks a key the sample documents, or has another JSON type there.
 * A null in either is accepted (the reference uses null for "not set"); arrays compare
 * their first items when both have one. Returns the paths that differ.
 */
export function shapeDifferences(actual: unknown, documented: unknown, path = '$'): string[] {
  if (documented === null || actual === null) return [];
  if (kind(actual) !== kind(documented)) return [`${path}: ${kind(actual)} instead of ${kind(documented)}`];
  if (Array.isArray(documented)) {
    const a = actual as unknown[];
    return documented.length && a.length ? shapeDifferences(a[0], documented[0], `${path}[0]`) : [];
  }
  if (typeof documented === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(documented as Record<string, unknown>).flatMap(([key, value]) =>
      key in a ? shapeDifferences(a[key], value, `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return [];
}

/** GETs a path from the emulator with the demo key and returns the parsed body. */
export async function emulatorGet(emulator: Emulator, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(emulator.url + path, { headers: { 'x-lsw-auth': DEMO_API_KEY } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * A suite that exists only where `present` holds (the reference in ../shared): the
 * checks against the reference add to the project's own, and a fresh clone, which has no
 * reference, runs every test it has instead of reporting these as skipped.
 */
export function describeIf(present: boolean): (name: string, fn: () => void) => void {
  return present ? (name, fn) => describe(name, fn) : () => undefined;
}
