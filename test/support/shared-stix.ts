/**
 * Where the OASIS STIX 2.1 material of the workspace lives (schemas,
 * examples, datasets): outside the repository, in `../shared/stix` beside
 * the project checkout, or in the workspace's `/work/shared/stix` when the
 * checkout is elsewhere (a CI clone); TANDEM_SHARED_STIX overrides both.
 * Tests that need it skip with a message when it is missing, unless CI=true.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedStixDir(): string {
  const candidates = [
    process.env.TANDEM_SHARED_STIX,
    join(projectRoot, '..', 'shared', 'stix'),
    '/work/shared/stix',
  ].filter((dir): dir is string => dir !== undefined && dir !== '');
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
}
