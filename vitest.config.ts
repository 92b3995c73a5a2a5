import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql for everyone, as in production: Node resolves 'graphql' to its CommonJS
    // entry for Apollo and for dist/main.js alike, while Vite would hand our sources the
    // .mjs build — a second copy whose schema and errors Apollo would not recognise.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own emulator and gateway on free ports; files run in parallel.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
