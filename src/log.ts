/**
 * A small structured logger (one JSON line per event on stderr). Callers pass fields,
 * never headers or request bodies, so an API key cannot reach a log line.
 * LOG_LEVEL: debug | info | warn | error | silent (default info; silent under vitest).
 */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;

function threshold(): number {
  const configured = process.env.LOG_LEVEL as keyof typeof levels | undefined;
  if (configured && configured in levels) return levels[configured];
  return process.env.VITEST ? levels.silent : levels.info;
}

const min = threshold();

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (levels[level] < min) return;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
