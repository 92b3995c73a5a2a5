import { afterAll, beforeAll, vi } from 'vitest';

/**
 * Captures the gateway's JSON log lines (and keeps them off the console) for the tests of
 * one file, so a test can read what was logged. The file sets LOG_LEVEL itself, in a
 * `vi.hoisted` block, before the logger is first imported.
 */
export function captureLogLines(): string[] {
  const lines: string[] = [];
  beforeAll(() => {
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      const text = String(chunk);
      if (text.startsWith('{"time"')) {
        lines.push(text);
        return true;
      }
      return write(chunk, ...rest);
    }) as typeof process.stderr.write);
  });
  afterAll(() => vi.restoreAllMocks());
  return lines;
}
