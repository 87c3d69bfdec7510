import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in web/vite.config.ts: the web app's unit tests import the shared vocabularies.
  resolve: {
    alias: { '@vocabulary': fileURLToPath(new URL('src/core/vocabulary', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: too soon for a browser page on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    // Each file gets its own database (SQLite file, PostgreSQL schema), so files may run in parallel.
    pool: 'forks',
  },
});
