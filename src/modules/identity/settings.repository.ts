/** The only SQL for node settings (the node's name and other single values). */
import type { Executor } from '../../storage/executor.js';

export async function readSetting(executor: Executor, key: string): Promise<string | undefined> {
  const row = await executor
    .selectFrom('node_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

export async function writeSetting(executor: Executor, key: string, value: string): Promise<void> {
  await executor
    .insertInto('node_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
