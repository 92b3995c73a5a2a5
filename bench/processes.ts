import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A free loopback port (bound, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A child Node process running a built entry point (`npm run build` → dist/). */
export interface Child {
  proc: ChildProcess;
  pid: number;
  startedAt: number;
  stop(): Promise<void>;
}

export function startChild(entry: string, env: Record<string, string>, nodeFlags: string[] = []): Child {
  const startedAt = performance.now();
  const proc = spawn(process.execPath, [...nodeFlags, entry], {
    cwd: root,
    // NODE_ENV=production as `npm start` sets it (graphql-js skips its dev-mode checks).
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    proc,
    pid: proc.pid!,
    startedAt,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system, ms) and resident memory (MiB) of a process and its children, from /proc. */
export function usage(pid: number): { cpuMs: number; rssMiB: number } {
  const tick = 100; // USER_HZ on Linux
  let cpuMs = 0;
  let rssKiB = 0;
  for (const p of tree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuMs += ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended between listing and reading
    }
  }
  return { cpuMs, rssMiB: rssKiB / 1024 };
}

function tree(pid: number): number[] {
  const out = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const c of children ? children.split(' ') : []) out.push(...tree(Number(c)));
  } catch {
    // no /proc entry: the process is gone
  }
  return out;
}

/** Polls until `check` resolves true (or throws after `timeoutMs`). */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out waiting');
}
