import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, type TestContext } from 'vitest';
import type { Stack } from './stack.js';

/**
 * The documented operations (../shared/leaseweb-api/endpoints.tsv) and which of them a
 * test file reached upstream: each request the emulator logged is matched to its
 * operation by method and path template. Absent on a fresh clone, like the samples.
 */
const endpointsFile = fileURLToPath(new URL('../../../shared/leaseweb-api/endpoints.tsv', import.meta.url));
export const endpointsAvailable = existsSync(endpointsFile);

interface Operation {
  id: string;
  method: string;
  pattern: RegExp;
  literals: number;
}

function operations(): Operation[] {
  const [header, ...rows] = readFileSync(endpointsFile, 'utf8').trim().split('\n');
  const col = (name: string) => header!.split('\t').indexOf(name);
  const [id, product, method, path] = [col('id'), col('product'), col('method'), col('path')];
  return rows.map((line) => {
    const cells = line.split('\t');
    const segments = `/${cells[product]}${cells[path]}`.split('/').filter(Boolean);
    const pattern = new RegExp(`^/${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
    return { id: cells[id]!, method: cells[method]!, pattern, literals: segments.filter((s) => !s.startsWith('{')).length };
  });
}

/** The operation a logged request was, the most specific template winning (as a router does). */
function operationOf(all: Operation[], method: string, path: string): string | undefined {
  return all
    .filter((op) => op.method === method && op.pattern.test(path))
    .sort((a, b) => b.literals - a.literals)[0]?.id;
}

/**
 * Records, after each test whose suite `counts`, the operations of `group` (`ipMgmt.` …)
 * its upstream calls reached. `missing(filter)` lists the group's operations (optionally
 * only some, e.g. the GETs) that no such test reached.
 */
export function trackOperations(stack: () => Stack, group: string, counts: (suiteName: string) => boolean) {
  const all = endpointsAvailable ? operations() : [];
  const reached = new Set<string>();
  let counting = false;
  const record = () => {
    if (!counting) return;
    for (const call of stack().calls()) {
      const id = operationOf(all, call.method, call.path);
      if (id?.startsWith(group)) reached.add(id);
    }
  };
  beforeEach((ctx) => {
    // A test may clear the log halfway (to count the calls of one query): record first.
    const emulator = stack().emulator as Stack['emulator'] & { tracked?: boolean };
    if (!emulator.tracked) {
      const clear = emulator.clearLog.bind(emulator);
      emulator.clearLog = () => {
        record();
        clear();
      };
      emulator.tracked = true;
    }
    counting = counts(ctx.task.suite?.name ?? '');
  });
  afterEach(() => {
    record();
    counting = false;
  });
  return {
    /**
     * True when a filter (`-t`, `.only`) left out tests of this file that count: the
     * coverage is then incomplete by choice, and a coverage test should skip.
     */
    partial: (ctx: TestContext) => {
      const tasks: Array<{ type: string; mode: string; tasks?: unknown[]; name: string }> = [...(ctx.task.file.tasks as never[])];
      for (let t = tasks.shift(); t; t = tasks.shift()) {
        if (t.type === 'suite') {
          if (counts(t.name)) tasks.push(...((t.tasks ?? []) as typeof tasks));
        } else if (t.mode === 'skip' || t.mode === 'todo') return true;
      }
      return false;
    },
    missing: (only: (op: { id: string; method: string }) => boolean = () => true) =>
      all.filter((op) => op.id.startsWith(group) && only(op) && !reached.has(op.id)).map((op) => op.id),
    count: (only: (op: { id: string; method: string }) => boolean = () => true) =>
      all.filter((op) => op.id.startsWith(group) && only(op)).length,
  };
}
