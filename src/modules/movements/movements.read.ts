/**
 * Reading movements under the sharing policy: one (SQL read filter, then
 * canRead again), its detail with what only this reader may see (risk
 * contributors they can read, duress only for duty and liaison officers,
 * the actions open to them), the small summary the live stream sends, and
 * the lists. Never says whether an unreadable movement exists.
 */
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { canRead, readScope } from '../../core/policy/index.js';
import type { RiskLevel } from '../../core/vocabulary/protection.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { listRecordVersions, toShareable } from '../records/records.repository.js';
import { pendingDeadlinesOf } from '../scheduler/deadlines.repository.js';
import { seesDuress } from './movements.checkins.js';
import {
  findRisk,
  listCheckins,
  type CheckinRow,
  type RiskRow,
} from './movements.field.repository.js';
import type { MovementDeps } from './movements.records.js';
import {
  findMovement,
  listApprovals,
  listMovements,
  listTransitions,
  type ApprovalRow,
  type MovementWithRecord,
  type TransitionRow,
} from './movements.repository.js';
import type { MovementListQuery } from './movements.schema.js';
import { allowedActions, mayAct, type MovementAction } from './movements.transitions.js';
import { visibleContributors } from './risk.service.js';
import type { RiskContributor } from './risk.js';

type ReadDeps = Pick<MovementDeps, 'db'>;

export async function readMovement(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<MovementWithRecord | undefined> {
  const found = await findMovement(deps.db, readScope(reader), id);
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  return found && canRead(reader, toShareable(found.record)) ? found : undefined;
}

export interface MovementSummary {
  id: string;
  title: string;
  state: string;
  riskLevel: string | null;
  originName: string;
  destinationName: string;
  plannedDeparture: string;
  plannedArrival: string;
  lastPosition: { lat: number; lon: number; at: string } | null;
  updatedAt: string;
}

export function summaryOf(m: MovementWithRecord): MovementSummary {
  return {
    id: m.id,
    title: m.title,
    state: m.state,
    riskLevel: m.risk_level,
    originName: m.origin_name,
    destinationName: m.destination_name,
    plannedDeparture: m.planned_departure,
    plannedArrival: m.planned_arrival,
    lastPosition:
      m.last_lat !== null && m.last_lon !== null && m.last_checkin_at
        ? { lat: m.last_lat, lon: m.last_lon, at: m.last_checkin_at }
        : null,
    updatedAt: m.updated_at,
  };
}

/** For the live stream: a small object, or undefined when this reader may not read it. */
export async function movementSummaryForReader(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<MovementSummary | undefined> {
  const found = await readMovement(deps, id, reader);
  return found ? summaryOf(found) : undefined;
}

export interface MovementDetail {
  movement: MovementWithRecord;
  risk: (RiskRow & { visible: RiskContributor[] }) | undefined;
  approvals: ApprovalRow[];
  transitions: TransitionRow[];
  checkins: (Omit<CheckinRow, 'duress'> & { duress?: boolean })[];
  nextDeadline: { kind: string; dueAt: string } | undefined;
  allowedActions: ReaderAction[];
}

/** The state machine's actions plus what else the page offers (risk, manifest). */
export type ReaderAction =
  MovementAction | 'assessRisk' | 'overrideRisk' | 'readManifest' | 'editManifest';

const RISK_FROZEN = ['closed', 'cancelled', 'rejected'];
const MANIFEST_KEEPERS = ['analyst', 'duty_officer', 'org_admin', 'field'];

function otherActions(reader: CurrentUser, movement: MovementWithRecord): ReaderAction[] {
  const context = {
    actor: reader,
    movement: {
      state: movement.state,
      requesterOrgId: movement.requester_org_id,
      escortOrgId: movement.escort_org_id,
    },
  };
  const open = !RISK_FROZEN.includes(movement.state);
  const ofOrgs =
    reader.orgId === movement.requester_org_id || reader.orgId === movement.escort_org_id;
  const actions: ReaderAction[] = [];
  if (open && mayAct('closer', context)) actions.push('assessRisk');
  if (open && reader.roles.includes('duty_officer')) actions.push('overrideRisk');
  if (ofOrgs) actions.push('readManifest');
  if (ofOrgs && reader.roles.some((role) => MANIFEST_KEEPERS.includes(role))) {
    actions.push('editManifest');
  }
  return actions;
}

function parseContributors(text: string): RiskContributor[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as RiskContributor[]) : [];
  } catch {
    return [];
  }
}

/** Check-ins as this reader may see them: duress marked only for duty and liaison officers. */
export function checkinsFor(
  rows: readonly CheckinRow[],
  reader: CurrentUser,
): MovementDetail['checkins'] {
  const shows = seesDuress(reader);
  return rows.map(({ duress, ...rest }) => (shows ? { ...rest, duress: duress === 1 } : rest));
}

export async function movementDetail(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<MovementDetail | undefined> {
  const movement = await readMovement(deps, id, reader);
  if (!movement) return undefined;
  const [riskRow, approvals, transitions, checkins, deadlines] = await Promise.all([
    findRisk(deps.db, id),
    listApprovals(deps.db, id),
    listTransitions(deps.db, id),
    listCheckins(deps.db, id),
    pendingDeadlinesOf(deps.db, id),
  ]);
  const risk = riskRow
    ? {
        ...riskRow,
        visible: await visibleContributors(deps, parseContributors(riskRow.contributors), reader),
      }
    : undefined;
  const next = deadlines[0];
  return {
    movement,
    risk,
    approvals,
    transitions,
    checkins: checkinsFor(checkins, reader),
    nextDeadline: next ? { kind: next.kind, dueAt: next.due_at } : undefined,
    allowedActions: [
      ...allowedActions(
        {
          actor: reader,
          movement: {
            state: movement.state,
            requesterOrgId: movement.requester_org_id,
            escortOrgId: movement.escort_org_id,
          },
        },
        {
          requestedByUser: movement.requested_by_user,
          riskLevel: movement.risk_level as RiskLevel | null,
          approvedBy: approvals.map((a) => a.approver_user_id),
        },
      ),
      ...otherActions(reader, movement),
    ],
  };
}

/** One page of the list; undefined when the cursor is malformed. */
export async function listMovementsFor(
  deps: Pick<MovementDeps, 'db' | 'capabilities'>,
  query: MovementListQuery,
  reader: CurrentUser,
): Promise<{ items: MovementWithRecord[]; nextCursor: string | null } | undefined> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  if (query.cursor !== undefined && after === undefined) return undefined;
  const day = query.day
    ? {
        start: `${query.day}T00:00:00.000Z`,
        end: new Date(Date.parse(`${query.day}T00:00:00.000Z`) + 86_400_000).toISOString(),
      }
    : undefined;
  // The record's search text holds the title, origin and destination, in any script.
  const words = (query.q ?? '').split(/\s+/u).filter((w) => w !== '');
  const rows = await listMovements(
    deps.db,
    readScope(reader),
    {
      state: query.state,
      day,
      textMatches: words.map((word) => deps.capabilities.recordContains(word, 'movements')),
    },
    { limit: query.limit + 1, after },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.filter((row) => canRead(reader, toShareable(row.record))),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.planned_departure, last.id]) : null,
  };
}

/** Every version of the request the reader may read: the movement must be readable, each version under its own marking. */
export async function readMovementHistory(deps: ReadDeps, id: string, reader: CurrentUser) {
  const current = await readMovement(deps, id, reader);
  if (!current) return undefined;
  const versions = await listRecordVersions(deps.db, id);
  return versions.filter((version) =>
    canRead(
      reader,
      toShareable({
        ...version,
        id,
        received_from_peer: current.record.received_from_peer,
        contains_personal_data: current.record.contains_personal_data,
        legal_basis: current.record.legal_basis,
      }),
    ),
  );
}
