/**
 * Who sees an alert: a user sees it iff it is addressed to them — their
 * organisation is a recipient, or it has escalated and they are a duty
 * officer — AND they may read both its trigger and its subject now. Both
 * records are read through the records read filter and then canRead, so an
 * alert never reveals a record its reader may not see, and a record whose
 * release narrows later hides its alerts at once.
 *
 * Owns: that rule. Must never: show an alert on the recipient list alone.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { findReadableRecords, toShareable, type RecordRow } from '../records/records.repository.js';
import { recipientsOf, userDisplayNames, type AlertRow } from './alerts.repository.js';

/** An alert as one reader may see it, with the two records it is about. */
export interface VisibleAlert {
  row: AlertRow;
  trigger: RecordRow;
  subject: RecordRow;
  recipients: string[];
  /** The display name of whoever acknowledged it, when someone did. */
  acknowledgedByName: string | null;
}

export const isDutyOfficer = (reader: CurrentUser) => reader.roles.includes('duty_officer');

export function isAddressedTo(
  row: Pick<AlertRow, 'escalation_level'>,
  recipients: readonly string[],
  reader: CurrentUser,
): boolean {
  return recipients.includes(reader.orgId) || (row.escalation_level >= 1 && isDutyOfficer(reader));
}

/** Those of `rows` this reader may see, in the same order. */
export async function visibleAlerts(
  db: Executor,
  rows: readonly AlertRow[],
  reader: CurrentUser,
): Promise<VisibleAlert[]> {
  if (rows.length === 0 || !reader.active) return [];
  const recipients = await recipientsOf(
    db,
    rows.map((row) => row.id),
  );
  const addressed = rows.filter((row) => isAddressedTo(row, recipients.get(row.id) ?? [], reader));
  const records = await findReadableRecords(
    db,
    readScope(reader),
    addressed.flatMap((row) => [row.trigger_id, row.subject_id]),
  );
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  const readable = new Map(
    records.filter((record) => canRead(reader, toShareable(record))).map((r) => [r.id, r]),
  );
  const names = await userDisplayNames(
    db,
    addressed.flatMap((row) => (row.acknowledged_by_user ? [row.acknowledged_by_user] : [])),
  );
  const visible: VisibleAlert[] = [];
  for (const row of addressed) {
    const trigger = readable.get(row.trigger_id);
    const subject = readable.get(row.subject_id);
    if (trigger && subject) {
      visible.push({
        row,
        trigger,
        subject,
        recipients: recipients.get(row.id) ?? [],
        acknowledgedByName: row.acknowledged_by_user
          ? (names.get(row.acknowledged_by_user) ?? null)
          : null,
      });
    }
  }
  return visible;
}

export async function visibleAlert(
  db: Executor,
  row: AlertRow | undefined,
  reader: CurrentUser,
): Promise<VisibleAlert | undefined> {
  if (!row) return undefined;
  return (await visibleAlerts(db, [row], reader))[0];
}
