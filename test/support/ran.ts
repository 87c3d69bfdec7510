import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Records that a suite really ran against an environment (see global-setup.ts). */
export function recordRan(environment: string): void {
  const dir = join(process.cwd(), '.test-results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.txt`), `${environment}\n`);
}
