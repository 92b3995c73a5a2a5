import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY, defaultKeys } from '../src/emulator/dataset.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The README's first command, as a fresh machine runs it: the bundled gateway
 * (`npm start` = build, then `node dist/main.js`) with nothing configured starts the
 * built-in emulator, answers a first query without any key, and stops cleanly.
 */
describe('npm start', () => {
  it('builds, starts in demo mode on the emulator, answers, and stops on SIGTERM', async () => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production' };
    for (const name of ['LEASEWEB_API_URL', 'LEASEWEB_API_KEY', 'VITEST']) delete env[name];
    const child = spawn(process.execPath, ['--max-old-space-size=128', 'dist/main.js'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      let logs = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr!.on('data', (chunk: Buffer) => {
          logs += chunk.toString();
          const ready = logs.split('\n').find((line) => line.includes('leaseweb-graph ready'));
          if (ready) resolve(JSON.parse(ready).graphql);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${logs}`)));
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ dedicatedServers(first: 2) { totalCount nodes { leasewebId ips { nodes { ip } } service { status } } } }',
        }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.dedicatedServers.totalCount).toBe(defaultKeys[DEMO_API_KEY]!.servers);
      for (const server of body.data.dedicatedServers.nodes) {
        expect(server.ips.nodes.length).toBeGreaterThan(0);
        expect(server.service.status).toBeTruthy();
      }
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('GraphiQL');
      // The demo key is used upstream, never shown in a log line.
      expect(logs).not.toContain(DEMO_API_KEY);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
