/**
 * `npm run bench`: every benchmark in turn, each in its own process so that
 * one's JIT state and heap do not colour the next. They print their figures.
 */
import { spawnSync } from 'node:child_process';

const BENCHMARKS = [
  'bench/policy.bench.ts',
  'bench/http.bench.ts',
  'bench/geo.bench.ts',
  'bench/ingest.bench.ts',
  'bench/incidents-query.bench.ts',
  'bench/sitrep.bench.ts',
  'bench/map-page.bench.ts',
  'bench/alerts-match.bench.ts',
  'bench/alarms.bench.ts',
  'bench/alerts-stream.bench.ts',
  'bench/federation-catchup.bench.ts',
  'bench/federation-alert.bench.ts',
];

let failed = false;
for (const file of BENCHMARKS) {
  console.log(`\n### ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
