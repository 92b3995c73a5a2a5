import { log } from '../log.js';
import { DEMO_API_KEY, OTHER_API_KEY } from './dataset.js';
import { startEmulator } from './server.js';

/**
 * `npm run emulator`: the Leaseweb API emulator on its own, as a local sandbox for curl,
 * SDKs or Terraform. EMULATOR_PORT (default 4010); EMULATOR_LATENCY_MS; fault rates
 * EMULATOR_ERROR_RATE, EMULATOR_RATE_LIMIT_RATE, EMULATOR_TIMEOUT_RATE, EMULATOR_RESET_RATE
 * (0..1), EMULATOR_ERROR_STATUS, EMULATOR_RETRY_AFTER (seconds).
 */
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

const emulator = await startEmulator({
  port: num('EMULATOR_PORT', 4010),
  host: process.env.EMULATOR_HOST || '127.0.0.1',
  latencyMs: num('EMULATOR_LATENCY_MS', 0),
  faults: {
    errorRate: num('EMULATOR_ERROR_RATE', 0),
    errorStatus: num('EMULATOR_ERROR_STATUS', 500),
    rateLimitRate: num('EMULATOR_RATE_LIMIT_RATE', 0),
    retryAfterSeconds: num('EMULATOR_RETRY_AFTER', 1),
    timeoutRate: num('EMULATOR_TIMEOUT_RATE', 0),
    resetRate: num('EMULATOR_RESET_RATE', 0),
  },
});
// These are the emulator's own fixture keys, not Leaseweb credentials.
log.info('Leaseweb API emulator listening', { url: emulator.url, keys: [DEMO_API_KEY, OTHER_API_KEY] });
process.once('SIGINT', () => void emulator.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
