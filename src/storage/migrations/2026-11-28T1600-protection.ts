/**
 * Protection: protected sites (with people-on-site history and emergency
 * contacts), movements (transitions, approvals, check-ins, manifests), and
 * the H3 covers of their regions that alerts look up (geofence_cells).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('site_type', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('h3_r4', 'text', (c) => c.notNull())
    .addColumn('h3_r6', 'text', (c) => c.notNull())
    .addColumn('h3_r8', 'text', (c) => c.notNull())
    .addColumn('polygon', 'text')
    .addColumn('buffer_km', 'double precision', (c) => c.notNull())
    .addColumn('operator_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('guard_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('posture_level', 'text', (c) => c.notNull())
    .addColumn('people_total', 'integer')
    .addColumn('people_day', 'text')
    .execute();
  await db.schema.createIndex('sites_name').on('sites').columns(['name_folded', 'id']).execute();
  await db.schema.createIndex('sites_r6').on('sites').column('h3_r6').execute();

  await db.schema
    .createTable('site_headcounts')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_headcounts_pk', ['site_id', 'day', 'nationality'])
    .execute();

  await db.schema
    .createTable('site_contacts')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addPrimaryKeyConstraint('site_contacts_pk', ['site_id', 'position'])
    .execute();

  await db.schema
    .createTable('movements')
    .addColumn('id', 'text', (c) => c.primaryKey().references('records.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requester_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('requested_by_user', 'text', (c) => c.notNull())
    .addColumn('origin_site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('origin_name', 'text', (c) => c.notNull())
    .addColumn('origin_lat', 'double precision', (c) => c.notNull())
    .addColumn('origin_lon', 'double precision', (c) => c.notNull())
    .addColumn('destination_site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('destination_name', 'text', (c) => c.notNull())
    .addColumn('destination_lat', 'double precision', (c) => c.notNull())
    .addColumn('destination_lon', 'double precision', (c) => c.notNull())
    .addColumn('planned_departure', 'text', (c) => c.notNull())
    .addColumn('planned_arrival', 'text', (c) => c.notNull())
    .addColumn('corridor_km', 'double precision', (c) => c.notNull())
    .addColumn('checkin_interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('risk_score', 'integer')
    .addColumn('risk_level', 'text')
    .addColumn('risk_overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escort_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('last_checkin_at', 'text')
    .addColumn('last_lat', 'double precision')
    .addColumn('last_lon', 'double precision')
    .addColumn('route_west', 'double precision', (c) => c.notNull())
    .addColumn('route_south', 'double precision', (c) => c.notNull())
    .addColumn('route_east', 'double precision', (c) => c.notNull())
    .addColumn('route_north', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('movements_departure')
    .on('movements')
    .columns(['planned_departure', 'id'])
    .execute();
  await db.schema.createIndex('movements_state').on('movements').columns(['state', 'id']).execute();

  await db.schema
    .createTable('movement_transitions')
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull())
    .addColumn('by_org', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('movement_transitions_pk', ['movement_id', 'seq'])
    .execute();

  await db.schema
    .createTable('movement_approvals')
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('approver_user_id', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('movement_approvals_pk', ['movement_id', 'approver_user_id'])
    .execute();

  await db.schema
    .createTable('movement_checkins')
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('duress', 'integer', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('movement_checkins_pk', ['movement_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('movement_checkins_time')
    .on('movement_checkins')
    .columns(['movement_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('movement_manifest')
    .addColumn('movement_id', 'text', (c) => c.notNull().references('movements.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addPrimaryKeyConstraint('movement_manifest_pk', ['movement_id', 'position'])
    .execute();

  await db.schema
    .createTable('geofence_cells')
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('geofence_cells_pk', ['cell', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('geofence_cells_subject')
    .on('geofence_cells')
    .column('subject_id')
    .execute();
}
