/** The only SQL for login and MFA throttling. Kept in the database so limits hold across processes and restarts. */
import type { Executor } from '../../storage/executor.js';
import type { AuthThrottleTable } from './identity.tables.js';

export type ThrottleRow = AuthThrottleTable;

export async function findThrottle(
  executor: Executor,
  key: string,
): Promise<ThrottleRow | undefined> {
  return executor.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(executor: Executor, row: ThrottleRow): Promise<void> {
  await executor
    .insertInto('auth_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(executor: Executor, key: string): Promise<void> {
  await executor.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
