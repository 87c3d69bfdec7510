/**
 * The only SQL that reads and acknowledges alarms (raising, escalating and
 * resolving are in alarms.service.ts): an alarm with what its presenter and
 * audience need — the movement's title and organisations, the operators of
 * its sites, the movement record's sharing columns, who acknowledged it —
 * always behind the movement record's read filter and the audience rule
 * stated as SQL (alarms.audience.ts states it in code).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { Database } from '../../storage/schema.js';
import { readableBy } from '../records/records.repository.js';
import type { AlarmAudienceScope } from './alarms.audience.js';
import type { AlarmsTable } from './alarms.tables.js';

export type AlarmRow = AlarmsTable;

/** The tables the audience rule reads, under the names selectAlarmViews gives them. */
type AudienceTables = Database & {
  origin_site: Database['sites'];
  destination_site: Database['sites'];
};

function selectAlarmViews(executor: Executor) {
  return executor
    .selectFrom('alarms')
    .innerJoin('movements', 'movements.id', 'alarms.movement_id')
    .innerJoin('records', 'records.id', 'alarms.movement_id')
    .leftJoin('sites as origin_site', 'origin_site.id', 'movements.origin_site_id')
    .leftJoin('sites as destination_site', 'destination_site.id', 'movements.destination_site_id')
    .leftJoin('users as ack_user', 'ack_user.id', 'alarms.acknowledged_by_user')
    .selectAll('alarms')
    .select([
      'movements.title as movement_title',
      'movements.requester_org_id',
      'movements.escort_org_id',
      'origin_site.operator_org_id as origin_operator_org_id',
      'destination_site.operator_org_id as destination_operator_org_id',
      'ack_user.display_name as acknowledged_by_name',
      'records.created_by as record_created_by',
      'records.created_by_user as record_created_by_user',
      'records.marking as record_marking',
      'records.releasable_to as record_releasable_to',
      'records.received_from_peer as record_received_from_peer',
      'records.contains_personal_data as record_contains_personal_data',
      'records.legal_basis as record_legal_basis',
    ]);
}

export type AlarmView = Awaited<
  ReturnType<ReturnType<typeof selectAlarmViews>['executeTakeFirstOrThrow']>
>;

/** The audience rule of alarms.audience.ts as SQL, for this reader. */
function inAudience(
  eb: ExpressionBuilder<
    AudienceTables,
    'alarms' | 'movements' | 'origin_site' | 'destination_site'
  >,
  scope: AlarmAudienceScope,
): Expression<SqlBool> {
  const reached: Expression<SqlBool>[] = [
    eb('movements.requester_org_id', '=', scope.orgId),
    eb('movements.escort_org_id', '=', scope.orgId),
  ];
  if (scope.roleLevel !== undefined) reached.push(eb('alarms.level', '>=', scope.roleLevel));
  if (scope.siteOperatorAdmin) {
    reached.push(
      eb.and([
        eb('alarms.level', '>=', 2),
        eb.or([
          eb('origin_site.operator_org_id', '=', scope.orgId),
          eb('destination_site.operator_org_id', '=', scope.orgId),
        ]),
      ]),
    );
  }
  const audience = eb.or(reached);
  return scope.seesDuress ? audience : eb.and([audience, eb('alarms.reason', '<>', 'duress')]);
}

/** One alarm, if the reader may read its movement and is in its audience (SQL's view of both). */
export async function findVisibleAlarm(
  executor: Executor,
  readScope: ReadScope,
  audience: AlarmAudienceScope,
  id: string,
): Promise<AlarmView | undefined> {
  return selectAlarmViews(executor)
    .where('alarms.id', '=', id)
    .where(readableBy(readScope))
    .where((eb) => inAudience(eb, audience))
    .executeTakeFirst();
}

/** Visible alarms, newest first (ids are time-ordered), after the cursor's id. */
export async function listVisibleAlarms(
  executor: Executor,
  readScope: ReadScope,
  audience: AlarmAudienceScope,
  filter: { open?: boolean | undefined },
  page: { limit: number; afterId?: string | undefined },
): Promise<AlarmView[]> {
  return selectAlarmViews(executor)
    .where(readableBy(readScope))
    .where((eb) => inAudience(eb, audience))
    .$if(filter.open === true, (qb) => qb.where('alarms.resolved_at', 'is', null))
    .$if(filter.open === false, (qb) => qb.where('alarms.resolved_at', 'is not', null))
    .$if(page.afterId !== undefined, (qb) => qb.where('alarms.id', '<', page.afterId ?? ''))
    .orderBy('alarms.id', 'desc')
    .limit(page.limit)
    .execute();
}

export async function findAlarm(executor: Executor, id: string): Promise<AlarmRow | undefined> {
  return executor.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sets the acknowledgement unless one is there; false when someone was first. */
export async function markAlarmAcknowledged(
  executor: Executor,
  id: string,
  by: { userId: string; at: string },
): Promise<boolean> {
  const result = await executor
    .updateTable('alarms')
    .set({ acknowledged_at: by.at, acknowledged_by_user: by.userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
