import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that start processes of their own (`serve`, the CLI, Chromium), each
 * of which keeps a core busy: they run one at a time, after the rest. Add a
 * new file of that kind here.
 */
const PROCESS_FILES = [
  'test/e2e/**/*.test.ts',
  'src/cli/cli.test.ts',
  'src/cli/import.crash.test.ts',
  'src/modules/federation/federation.crash.test.ts',
  'src/modules/scheduler/scheduler.crash.test.ts',
  'src/modules/sitrep/sitrep.pdf.test.ts',
];

export default defineConfig({
  // As in web/vite.config.ts: the web app's unit tests import the shared vocabularies.
  resolve: {
    alias: { '@vocabulary': fileURLToPath(new URL('src/core/vocabulary', import.meta.url)) },
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll gives up after 1 s by default: too soon for a browser page on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    // Each file gets its own database (SQLite file, PostgreSQL schema), so files may run in parallel.
    pool: 'forks',
    // Vitest's default on 2 cores is one file at a time; most files mostly wait on the databases.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...PROCESS_FILES],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESS_FILES,
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
