/**
 * Movement rows -> API shapes (web/src/api/movements.ts mirrors them). The
 * request comes from the record body (which never holds the escort's
 * codes), the state and position from the query row; the detail merges
 * transitions and check-ins into one timeline by time. Never sends a raw row.
 */
import { approvalsNeeded } from './movements.transitions.js';
import { parseBody, parseReleaseList } from '../intel/intel.records.js';
import { summaryOf, type MovementDetail } from './movements.read.js';
import type { MovementWithRecord } from './movements.repository.js';
import type { RiskLevel } from '../../core/vocabulary/protection.js';

export function presentMovementListItem(m: MovementWithRecord) {
  return {
    ...summaryOf(m),
    riskScore: m.risk_score,
    requesterOrgId: m.requester_org_id,
    escortOrgId: m.escort_org_id,
    lastCheckinAt: m.last_checkin_at,
    marking: m.record.marking,
  };
}

function timelineOf(detail: MovementDetail) {
  return [
    ...detail.transitions.map((t) => ({
      kind: 'transition' as const,
      at: t.at,
      from: t.from_state,
      to: t.to_state,
      byUser: t.by_user,
      byOrg: t.by_org,
      reason: t.reason,
    })),
    ...detail.checkins.map((c) => ({
      kind: 'checkin' as const,
      at: c.recorded_at,
      receivedAt: c.received_at,
      clientId: c.client_id,
      checkinKind: c.kind,
      lat: c.lat,
      lon: c.lon,
      byUser: c.by_user,
      note: c.note,
      ...(c.duress !== undefined ? { duress: c.duress } : {}),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function presentMovement(detail: MovementDetail) {
  const m = detail.movement;
  const body = parseBody(m.record.body);
  return {
    id: m.id,
    type: 'movement',
    title: m.title,
    state: m.state,
    origin: body.origin,
    destination: body.destination,
    waypoints: body.waypoints ?? [],
    route: body.route,
    plannedDeparture: m.planned_departure,
    plannedArrival: m.planned_arrival,
    vehicles: body.vehicles ?? [],
    passengers: body.passengers ?? [],
    corridorKm: m.corridor_km,
    checkinIntervalMinutes: m.checkin_interval_minutes,
    notes: body.notes ?? '',
    requesterOrgId: m.requester_org_id,
    requestedByUser: m.requested_by_user,
    escort: body.escort ?? null,
    risk: {
      score: m.risk_score,
      level: m.risk_level,
      overridden: m.risk_overridden === 1,
      computedLevel: detail.risk?.computed_level ?? null,
      overrideReason: detail.risk?.override_reason ?? null,
      assessedAt: detail.risk?.assessed_at ?? null,
      contributors: (detail.risk?.visible ?? []).map((c) => ({
        id: c.id ?? c.kind,
        type: c.kind,
        title: c.title,
        distanceKm: c.distanceKm ?? null,
        points: c.points,
      })),
    },
    approvals: detail.approvals.map((a) => ({
      approverUserId: a.approver_user_id,
      approvedAt: a.approved_at,
    })),
    approvalsRequired: approvalsNeeded(m.risk_level as RiskLevel | null),
    timeline: timelineOf(detail),
    lastPosition: summaryOf(m).lastPosition,
    nextDeadline: detail.nextDeadline ?? null,
    allowedActions: detail.allowedActions,
    marking: m.record.marking,
    releasableTo: parseReleaseList(m.record.releasable_to),
    createdBy: m.record.created_by,
    created: m.record.created,
    modified: m.record.modified,
    revoked: m.record.revoked === 1,
    updatedAt: m.updated_at,
  };
}
