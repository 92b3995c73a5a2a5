import { loadConfig } from './config.js';
import { DEMO_API_KEY } from './emulator/dataset.js';
import { startEmulator } from './emulator/server.js';
import { log } from './log.js';
import { startGateway } from './server.js';

/**
 * `npm start`: the gateway on PORT. With no LEASEWEB_API_URL it first starts the built-in
 * emulator on loopback and uses its demo key, so a first query needs no setup.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let upstreamUrl = config.upstreamUrl;
  let apiKey = config.apiKey;
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  if (!upstreamUrl) {
    emulator = await startEmulator();
    upstreamUrl = emulator.url;
    apiKey ??= DEMO_API_KEY;
    log.info('demo mode: no LEASEWEB_API_URL set, serving the built-in Leaseweb emulator with demo data', {
      emulator: emulator.url,
    });
  }
  const gateway = await startGateway({
    upstreamUrl,
    apiKey,
    upstream: config.upstream,
    port: config.port,
    host: config.host,
    maxConcurrentRequests: config.maxConcurrentRequests,
    maxQueuedRequests: config.maxQueuedRequests,
    requestDeadlineMs: config.requestDeadlineMs,
    corsOrigins: config.corsOrigins,
  });
  log.info('leaseweb-graph ready', {
    graphql: `http://${config.host}:${gateway.port}/graphql`,
    upstream: emulator ? 'emulator' : upstreamUrl,
    serverSideKey: Boolean(apiKey),
    corsOrigins: config.corsOrigins ?? (apiKey ? 'none' : '*'),
  });
  const stop = async () => {
    await gateway.close();
    await emulator?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// One line that says what to change (PORT, LEASEWEB_API_URL …), never a stack.
main().catch((error: Error) => {
  log.error('start-up failed', { message: error.message });
  process.exit(1);
});
