import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A small structured logger (one JSON line per event on stderr). Callers pass fields,
 * never headers or request bodies, so an API key cannot reach a log line.
 * LOG_LEVEL: debug | info | warn | error | silent (default info; silent under vitest).
 *
 * Every line written while a GraphQL request is handled carries that request's fields
 * (its `requestId`): the server runs the request inside `withLogFields`, and the line
 * picks them up from async context, however deep the code that logs.
 */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;

function threshold(): number {
  const configured = process.env.LOG_LEVEL as keyof typeof levels | undefined;
  if (configured && configured in levels) return levels[configured];
  return process.env.VITEST ? levels.silent : levels.info;
}

let min = threshold();
let sink: (line: string) => void = (line) => process.stderr.write(line);
const context = new AsyncLocalStorage<Record<string, unknown>>();

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (levels[level] < min) return;
  sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...context.getStore(), ...fields }) + '\n');
}

/** Runs `fn` with `fields` added to every log line written inside it (and what it starts). */
export function withLogFields<T>(fields: Record<string, unknown>, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/**
 * Sends every line at `level` or above to `capture` instead of stderr, until the returned
 * function is called (tests read the lines to prove what a log does and does not hold).
 */
export function captureLogs(capture: (line: string) => void, level: Level = 'debug'): () => void {
  const previous = { sink, min };
  sink = capture;
  min = levels[level];
  return () => {
    ({ sink, min } = previous);
  };
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
