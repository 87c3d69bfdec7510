/**
 * The only SQL for what a movement gathers on the way: check-ins (keyed by
 * the device's client id, so a replayed queue finds its earlier rows), the
 * escort's hashed codes, the named manifest (personal data) and the last risk
 * assessment. No policy here: the services decide who reaches these rows
 * (risk contributors are read through records.repository's findReadableRecords).
 */
import type { Executor } from '../../storage/executor.js';
import type {
  MovementCheckinsTable,
  MovementCodesTable,
  MovementManifestTable,
  MovementRiskTable,
} from './movements.tables.js';

export type CheckinRow = MovementCheckinsTable;
export type CodesRow = MovementCodesTable;
export type ManifestRow = MovementManifestTable;
export type RiskRow = MovementRiskTable;

export async function findCheckin(
  executor: Executor,
  movementId: string,
  clientId: string,
): Promise<CheckinRow | undefined> {
  return executor
    .selectFrom('movement_checkins')
    .selectAll()
    .where('movement_id', '=', movementId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Inserts unless the client id is already there; true when this call inserted it. */
export async function insertCheckin(trx: Executor, row: CheckinRow): Promise<boolean> {
  const result = await trx
    .insertInto('movement_checkins')
    .values(row)
    .onConflict((oc) => oc.columns(['movement_id', 'client_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function listCheckins(executor: Executor, movementId: string): Promise<CheckinRow[]> {
  return executor
    .selectFrom('movement_checkins')
    .selectAll()
    .where('movement_id', '=', movementId)
    .orderBy('recorded_at')
    .orderBy('client_id')
    .execute();
}

export async function saveCodes(trx: Executor, row: CodesRow): Promise<void> {
  await trx
    .insertInto('movement_codes')
    .values(row)
    .onConflict((oc) => oc.column('movement_id').doUpdateSet({ ...row }))
    .execute();
}

export async function findCodes(
  executor: Executor,
  movementId: string,
): Promise<CodesRow | undefined> {
  return executor
    .selectFrom('movement_codes')
    .selectAll()
    .where('movement_id', '=', movementId)
    .executeTakeFirst();
}

export async function replaceManifest(
  trx: Executor,
  movementId: string,
  rows: readonly Omit<ManifestRow, 'movement_id'>[],
): Promise<void> {
  await trx.deleteFrom('movement_manifest').where('movement_id', '=', movementId).execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('movement_manifest')
    .values(rows.map((row) => ({ ...row, movement_id: movementId })))
    .execute();
}

export async function listManifest(executor: Executor, movementId: string): Promise<ManifestRow[]> {
  return executor
    .selectFrom('movement_manifest')
    .selectAll()
    .where('movement_id', '=', movementId)
    .orderBy('position')
    .execute();
}

export async function saveRisk(trx: Executor, row: RiskRow): Promise<void> {
  await trx
    .insertInto('movement_risk')
    .values(row)
    .onConflict((oc) => oc.column('movement_id').doUpdateSet({ ...row }))
    .execute();
}

export async function findRisk(
  executor: Executor,
  movementId: string,
): Promise<RiskRow | undefined> {
  return executor
    .selectFrom('movement_risk')
    .selectAll()
    .where('movement_id', '=', movementId)
    .executeTakeFirst();
}

export async function setRiskOverride(
  trx: Executor,
  movementId: string,
  override: { level: string; reason: string; byUser: string; at: string },
): Promise<void> {
  await trx
    .updateTable('movement_risk')
    .set({
      override_level: override.level,
      override_reason: override.reason,
      overridden_by_user: override.byUser,
      overridden_at: override.at,
    })
    .where('movement_id', '=', movementId)
    .execute();
}
