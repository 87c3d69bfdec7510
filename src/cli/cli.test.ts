import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, type TestDatabase } from '../../test/support/storage.js';

const run = promisify(execFile);

/** A database URL the CLI can use: PostgreSQL test schemas travel in the connection options. */
function cliUrl(database: TestDatabase): string {
  if (!database.schema) return database.url;
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.schema}`);
  return url.toString();
}

async function tandem(
  database: TestDatabase,
  args: string[],
  input?: string,
): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], {
    env: { ...process.env, TANDEM_DATABASE_URL: cliUrl(database), TANDEM_LOG_LEVEL: 'silent' },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describeEachEngine('the tandem command', (database) => {
  it('creates an organisation and an administrator, lists them, and verifies the audit chain', async () => {
    const org = await tandem(database(), [
      'org',
      'create',
      '--name',
      'Islamabad Police',
      '--country',
      'PK',
      '--kind',
      'police',
    ]);
    expect(org.code).toBe(0);
    const orgId = org.stdout.trim();
    expect(orgId).toMatch(/^identity--/);
    const user = await tandem(
      database(),
      [
        'user',
        'create',
        '--admin',
        '--username',
        'cli.admin',
        '--org',
        'Islamabad Police',
        '--password-stdin',
      ],
      'a long enough password\n',
    );
    expect(user.stdout).toContain('node_admin');
    const list = await tandem(database(), ['user', 'list']);
    expect(list.stdout).toContain('cli.admin');
    const verify = await tandem(database(), ['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact: \d+ entries/);
  });

  it('fails audit verify and names the row when one audit row is changed', async () => {
    await sql`update audit_log set action = 'auth.logout' where seq = 2`.execute(
      database().storage.db,
    );
    const verify = await tandem(database(), ['audit', 'verify']);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain('BROKEN at entry 2');
  });

  it('refuses a short password with a clear message', async () => {
    const user = await tandem(
      database(),
      ['user', 'create', '--username', 'short.pw', '--org', 'Islamabad Police', '--password-stdin'],
      'short\n',
    );
    expect(user.code).toBe(1);
    expect(user.stderr).toContain('password: at least 12 characters');
  });
});
