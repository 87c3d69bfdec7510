/**
 * The only SQL for alerts and their recipient organisations: storing an
 * alert once per (trigger version, subject), the reader's list with the
 * visibility rule as SQL (addressed to the reader, and both records readable
 * through the records read filter), acknowledgement and escalation steps.
 */
import { sql, type SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import { readableBy } from '../records/records.repository.js';
import type { AlertsTable } from './alerts.tables.js';

export type AlertRow = AlertsTable;

/** Stores the alert unless this trigger version already raised one for the subject; true when stored. */
export async function insertAlertOnce(
  trx: Executor,
  row: AlertRow,
  recipientOrgIds: readonly string[],
): Promise<boolean> {
  const inserted = await trx
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.columns(['trigger_id', 'trigger_modified', 'subject_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  const orgs = [...new Set(recipientOrgIds)];
  if (orgs.length > 0) {
    await trx
      .insertInto('alert_recipients')
      .values(orgs.map((org_id) => ({ alert_id: row.id, org_id })))
      .execute();
  }
  return true;
}

export async function findAlert(executor: Executor, id: string): Promise<AlertRow | undefined> {
  return executor.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Recipient organisations of each alert, keyed by alert id. */
export async function recipientsOf(
  executor: Executor,
  alertIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byAlert = new Map<string, string[]>();
  if (alertIds.length === 0) return byAlert;
  const rows = await executor
    .selectFrom('alert_recipients')
    .select(['alert_id', 'org_id'])
    .where('alert_id', 'in', alertIds)
    .execute();
  for (const row of rows)
    byAlert.set(row.alert_id, [...(byAlert.get(row.alert_id) ?? []), row.org_id]);
  return byAlert;
}

/** Display names of users (who acknowledged alerts), by id. */
export async function userDisplayNames(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export interface AlertListFilter {
  /** true: not yet acknowledged; false: acknowledged; undefined: both. */
  open: boolean | undefined;
  subjectId: string | undefined;
  /** The id of the last alert of the previous page (newest first). */
  before: string | undefined;
  limit: number;
}

/**
 * Alerts this reader may see, newest first: addressed to the reader's
 * organisation, or escalated and the reader a duty officer; and both the
 * trigger and the subject readable (the records read filter).
 */
export async function listVisibleAlerts(
  executor: Executor,
  reader: { scope: ReadScope; orgId: string; dutyOfficer: boolean },
  filter: AlertListFilter,
): Promise<AlertRow[]> {
  const readable = executor
    .selectFrom('records')
    .select('records.id')
    .where(readableBy(reader.scope));
  const addressed = sql<SqlBool>`(exists (select 1 from alert_recipients ar where ar.alert_id = alerts.id and ar.org_id = ${reader.orgId})
    or (${reader.dutyOfficer ? 1 : 0} = 1 and alerts.escalation_level >= 1))`;
  const { open, subjectId, before } = filter;
  return executor
    .selectFrom('alerts')
    .selectAll()
    .where(addressed)
    .where('trigger_id', 'in', readable)
    .where('subject_id', 'in', readable)
    .$if(open === true, (qb) => qb.where('acknowledged_at', 'is', null))
    .$if(open === false, (qb) => qb.where('acknowledged_at', 'is not', null))
    .$if(subjectId !== undefined, (qb) => qb.where('subject_id', '=', subjectId ?? ''))
    .$if(before !== undefined, (qb) => qb.where('id', '<', before ?? ''))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** Marks the alert acknowledged unless someone already did; true when this call did. */
export async function markAlertAcknowledged(
  trx: Executor,
  id: string,
  at: string,
  userId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('alerts')
    .set({ acknowledged_at: at, acknowledged_by_user: userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Raises an unacknowledged alert to `level`; true when it changed. */
export async function markAlertEscalated(
  trx: Executor,
  id: string,
  level: number,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('alerts')
    .set({ escalation_level: level, escalated_at: at })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .where('escalation_level', '<', level)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
