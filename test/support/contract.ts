import { expect, it } from 'vitest';
import { routeTable } from '../../src/emulator/server.js';
import type { Stack } from './stack.js';

/**
 * One row of a contract table: a GraphQL operation that must reach one Leaseweb
 * operation upstream and answer without errors, in the expected shape.
 */
export interface ContractRow<T = any> {
  /** The Leaseweb operation id the query must reach, as the emulator's route table names it. */
  operation: string;
  /** The GraphQL document sent to the gateway. */
  query: string;
  /** Its variables, usually picked from the demo data set (`stack.demo`). */
  variables?: (stack: Stack) => Record<string, unknown>;
  /** A shape check on the answer's `data`. */
  expect?: (data: T, stack: Stack) => void;
  /** The test's name; the operation id by default. */
  name?: string;
}

/**
 * Generates one test per row. Each POSTs the row's query through HTTP to the gateway (the
 * stack's emulator reset before each test by `useStack`), then asserts: no GraphQL
 * errors; the emulator's log shows the row's operation was reached; the row's shape
 * check holds. Call it inside a `describe`, with the file's `useStack()`:
 *
 *     const stack = useStack();
 *     describe('dedicated servers: contract', () => contractTests(stack, [
 *       { operation: 'dedicatedServers.listRescueImages', query: '{ dedicatedServerRescueImages { totalCount } }' },
 *     ]));
 */
export function contractTests(stack: () => Stack, rows: ContractRow[]): void {
  const known = new Set(routeTable().map((r) => r.id));
  for (const row of rows) {
    it(row.name ?? row.operation, async () => {
      // A typo in the id would make the log check fail for the wrong reason: say so first.
      expect(known.has(row.operation), `${row.operation} is not in the emulator's route table`).toBe(true);
      const s = stack();
      s.emulator.clearLog();
      const res = await s.query(row.query, row.variables?.(s));
      expect(res.errors ?? [], JSON.stringify(res.errors)).toEqual([]);
      expect(res.status).toBe(200);
      const reached = s.calls().map((c) => c.operationId);
      expect(reached, `upstream calls: ${JSON.stringify(reached)}`).toContain(row.operation);
      row.expect?.(res.data, s);
    });
  }
}
