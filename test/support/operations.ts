import { afterEach, beforeEach, type TestContext } from 'vitest';
import { routeTable, type RouteInfo } from '../../src/emulator/server.js';
import type { Stack } from './stack.js';

/** A route-table entry: `{ id, method, path, product, family?, handlerName }`. */
export type Operation = RouteInfo;

/** Picks operations from the emulator's route table, e.g. `(op) => op.family === 'credentials'`. */
export type OperationFilter = (op: Operation) => boolean;

/**
 * Records, after each test whose suite `counts`, which of the selected operations its
 * upstream calls reached. The operations are the emulator's own route table and each
 * logged request carries the operation id of the route that served it, so this works on
 * a fresh clone too (no ../shared needed). `missing(only)` lists the selected operations
 * (optionally only some, e.g. the GETs) that no counted test reached.
 *
 *     trackOperations(stack, (op) => op.product === 'dedicatedServers' && !op.family, counts)
 *     trackOperations(stack, (op) => op.family === 'credentials', counts)
 */
export function trackOperations(stack: () => Stack, select: OperationFilter, counts: (suiteName: string) => boolean) {
  const all = routeTable().filter(select);
  const selected = new Set(all.map((op) => op.id));
  const reached = new Set<string>();
  let counting = false;
  const record = () => {
    if (!counting) return;
    for (const call of stack().calls()) {
      if (call.operationId && selected.has(call.operationId)) reached.add(call.operationId);
    }
  };
  beforeEach((ctx) => {
    // A test may clear the log halfway (to count the calls of one query): record first.
    // Every tracker of the file chains onto clearLog, so each sees the log before it goes.
    const emulator = stack().emulator;
    const clear = emulator.clearLog.bind(emulator);
    const trackers = ((emulator as { trackers?: Set<() => void> }).trackers ??= new Set());
    if (!trackers.size) {
      emulator.clearLog = () => {
        for (const tracked of trackers) tracked();
        clear();
      };
    }
    trackers.add(record);
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
    missing: (only: OperationFilter = () => true) => all.filter((op) => only(op) && !reached.has(op.id)).map((op) => op.id),
    count: (only: OperationFilter = () => true) => all.filter(only).length,
  };
}
