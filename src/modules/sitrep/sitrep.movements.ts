/**
 * The movements section: submitted movements the reader may read that
 * concern the day (planned on the road during it, changing state during
 * it, or under way when it began), counted by their state at the end of
 * the day, with the outcomes a duty officer asks first (arrived or closed,
 * overdue, incident, cancelled). One query behind the records read filter
 * (escort names joined in), then canRead again for every row. Duress is
 * never shown here: a check-in's time says nothing of its code.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import { toShareable } from '../records/records.repository.js';
import { listMovementsOfDay, type DayMovement } from './sitrep.protection.repository.js';
import {
  capped,
  highestMarking,
  MAX_LISTED,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';
import { wordFor } from './sitrep.texts.js';

export function presentSitrepMovement(row: DayMovement) {
  return {
    id: row.id,
    title: row.title,
    origin: row.origin_name,
    destination: row.destination_name,
    state: row.day_state ?? row.state,
    riskLevel: row.risk_level,
    escortOrg: row.escort_org_id
      ? { id: row.escort_org_id, name: row.escort_org_name ?? '' }
      : null,
    plannedDeparture: row.planned_departure,
    plannedArrival: row.planned_arrival,
    lastCheckinAt: row.day_checkin_at,
    marking: row.record.marking,
  };
}
export type SitrepMovement = ReturnType<typeof presentSitrepMovement>;

export interface SitrepMovements {
  total: number;
  byState: { state: string; count: number }[];
  outcomes: { arrived: number; overdue: number; incident: number; cancelled: number };
  items: SitrepMovement[];
  truncated: boolean;
  highestMarking: string;
}

async function collectMovements({ deps, reader, day }: SitrepContext): Promise<SitrepMovements> {
  const rows = await listMovementsOfDay(deps.db, readScope(reader), day);
  const movements = rows
    .filter((row) => canRead(reader, toShareable(row.record)))
    .map(presentSitrepMovement);
  const states = new Map<string, number>();
  for (const m of movements) states.set(m.state, (states.get(m.state) ?? 0) + 1);
  const count = (...names: string[]) => names.reduce((sum, n) => sum + (states.get(n) ?? 0), 0);
  const listed = capped(movements, MAX_LISTED);
  return {
    total: movements.length,
    byState: [...states]
      .map(([state, n]) => ({ state, count: n }))
      .sort((a, b) => b.count - a.count || a.state.localeCompare(b.state)),
    outcomes: {
      arrived: count('arrived', 'closed'),
      overdue: count('overdue'),
      incident: count('incident'),
      cancelled: count('cancelled'),
    },
    items: listed.items,
    truncated: listed.truncated,
    highestMarking: highestMarking(movements.map((m) => m.marking)),
  };
}

const minute = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');

function printMovements(value: SitrepMovements, out: SitrepPrinter): void {
  const t = out.texts.movements;
  out.heading(t.title);
  if (value.total === 0) {
    out.emptyState(t.empty);
    return;
  }
  const f = t.figures;
  out.figures(
    [
      { label: f.movements, value: String(value.total) },
      { label: f.arrived, value: String(value.outcomes.arrived) },
      { label: f.overdue, value: String(value.outcomes.overdue) },
      { label: f.incident, value: String(value.outcomes.incident) },
      { label: f.cancelled, value: String(value.outcomes.cancelled) },
    ],
    value.highestMarking,
  );
  out.note(
    `${t.byState}: ${value.byState
      .map((s) => `${wordFor(t.states, s.state)} ${s.count}`)
      .join(out.texts.separator)}`,
  );
  const c = t.columns;
  out.table(
    [
      { label: c.movement, width: 0.24 },
      { label: c.route, width: 0.25 },
      { label: c.state, width: 0.13 },
      { label: c.risk, width: 0.09 },
      { label: c.escort, width: 0.14 },
      { label: c.lastCheckin, width: 0.15 },
    ],
    value.items.map((m) => ({
      cells: [
        m.title,
        `${m.origin} – ${m.destination}`,
        wordFor(t.states, m.state),
        m.riskLevel ? wordFor(t.risks, m.riskLevel) : '–',
        m.escortOrg ? m.escortOrg.name || m.escortOrg.id : '–',
        minute(m.lastCheckinAt),
      ],
      marking: m.marking,
    })),
  );
  if (value.truncated) out.note(t.truncated(value.items.length, value.total));
}

export const movementsSection: SitrepSection<'movements', SitrepMovements> = {
  key: 'movements',
  sources: ['movements'],
  collect: collectMovements,
  counts: (value) => ({ movements: value.total }),
  print: printMovements,
};
