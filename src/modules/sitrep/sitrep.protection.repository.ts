/**
 * The situation report's SQL over the protection tables: one query per
 * section part, each behind the records read filter, for one UTC day. The
 * protection modules own their rules (alarm audience, alert visibility);
 * the sections apply them in code to what these return, so nothing here
 * ever decides alone what a reader sees. Reads only; never writes.
 */
import { sql } from 'kysely';
import type { ReadScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { AlarmView } from '../alarms/alarms.repository.js';
import type { AlertRow } from '../alerts/alerts.repository.js';
import { RECORD_COLUMNS, splitRecord, type WithRecord } from '../records/records.joined.js';
import { readableBy } from '../records/records.repository.js';
import type { HeadcountRow } from '../sites/sites.people.repository.js';
import type { MovementsTable } from '../movements/movements.tables.js';

export interface DayWindow {
  from: string;
  to: string;
}

/** States in which a movement is out on the road (it may still arrive from each). */
const UNDER_WAY = ['in_transit', 'overdue', 'incident'];

export type DayMovement = WithRecord<
  MovementsTable & {
    /** The state at the end of the day (the last transition before it), else the current one. */
    day_state: string | null;
    /** The last check-in recorded before the end of the day. */
    day_checkin_at: string | null;
    escort_org_name: string | null;
  }
>;

/**
 * Readable, unrevoked, submitted movements concerning the day: planned to be
 * on the road during it, changing state during it, or under way when it
 * began (the last transition before it left the movement on the road).
 */
export async function listMovementsOfDay(
  executor: Executor,
  scope: ReadScope,
  day: DayWindow,
): Promise<DayMovement[]> {
  const rows = await executor
    .selectFrom('movements')
    .innerJoin('records', 'records.id', 'movements.id')
    .leftJoin('organisations as escort_org', 'escort_org.id', 'movements.escort_org_id')
    .selectAll('movements')
    .select(RECORD_COLUMNS)
    .select([
      'escort_org.name as escort_org_name',
      sql<string | null>`(select t.to_state from movement_transitions t
        where t.movement_id = movements.id and t.at < ${day.to}
        order by t.seq desc limit 1)`.as('day_state'),
      sql<string | null>`(select max(c.recorded_at) from movement_checkins c
        where c.movement_id = movements.id and c.recorded_at < ${day.to})`.as('day_checkin_at'),
    ])
    .where('records.type', '=', 'movement')
    .where('records.revoked', '=', 0)
    .where('movements.state', '<>', 'draft')
    .where(readableBy(scope))
    .where((eb) =>
      eb.or([
        eb.and([
          eb('movements.planned_departure', '<', day.to),
          eb('movements.planned_arrival', '>=', day.from),
        ]),
        sql<boolean>`exists (select 1 from movement_transitions t
          where t.movement_id = movements.id and t.at >= ${day.from} and t.at < ${day.to})`,
        sql<boolean>`(select t.to_state from movement_transitions t
          where t.movement_id = movements.id and t.at < ${day.from}
          order by t.seq desc limit 1) in (${sql.join(UNDER_WAY)})`,
      ]),
    )
    .orderBy('movements.planned_departure')
    .orderBy('movements.id')
    .execute();
  return rows.map((row) => splitRecord(row));
}

/**
 * Alarms raised during the day on movements the reader may read, with what
 * alarms.presenter.ts and the audience rule need (the same columns as the
 * alarms repository's views). The audience is decided by the caller.
 */
export async function listAlarmsRaisedOnDay(
  executor: Executor,
  scope: ReadScope,
  day: DayWindow,
): Promise<AlarmView[]> {
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
    ])
    .where('alarms.raised_at', '>=', day.from)
    .where('alarms.raised_at', '<', day.to)
    .where(readableBy(scope))
    .orderBy('alarms.raised_at')
    .orderBy('alarms.id')
    .execute();
}

/**
 * Alerts raised during the day. Whether the reader may see each (addressed
 * to them, trigger and subject readable) is alerts.visibility.ts's part,
 * which reads both records through the read filter and canRead: a filter
 * here as `trigger_id in (readable records)` made SQLite scan every record
 * of the node (1.4 s at a million incidents) for a day with a few alerts.
 */
export async function listAlertsRaisedOnDay(
  executor: Executor,
  day: DayWindow,
): Promise<AlertRow[]> {
  return executor
    .selectFrom('alerts')
    .selectAll()
    .where('created_at', '>=', day.from)
    .where('created_at', '<', day.to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** For each of the sites, the counts of its latest counted day on or before `date`. */
export async function latestHeadcountsOnOrBefore(
  executor: Executor,
  siteIds: readonly string[],
  date: string,
): Promise<HeadcountRow[]> {
  if (siteIds.length === 0) return [];
  return executor
    .selectFrom('site_headcounts as h')
    .selectAll('h')
    .where('h.site_id', 'in', [...new Set(siteIds)])
    .where(
      'h.day',
      '=',
      sql<string>`(select max(l.day) from site_headcounts l
        where l.site_id = h.site_id and l.day <= ${date})`,
    )
    .orderBy('h.site_id')
    .orderBy('h.nationality')
    .execute();
}
