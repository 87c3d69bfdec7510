/**
 * Movements (journey management): the shapes of the server's movement
 * presenter (src/modules/movements/movements.presenter.ts) and the calls.
 * The escort's check-in and duress codes are only ever sent, never read
 * back; a check-in with the duress code is answered exactly as a normal one.
 */
import type { MovementState, RiskLevel } from '@vocabulary/protection';
import { apiRequest } from './client';
import type { TlpMarking } from './incidents';
import type { Page } from './types';

export {
  MOVEMENT_STATES,
  RISK_LEVELS,
  type MovementState,
  type RiskLevel,
} from '@vocabulary/protection';

/** A site of this node, or a named place. */
export type EndpointInput = { siteId: string } | { name: string; lat: number; lon: number };

export interface Waypoint {
  name?: string;
  lat: number;
  lon: number;
}

export interface Vehicle {
  kind: string;
  registration?: string;
  seats?: number;
}

export interface NationalityCount {
  nationality: string;
  count: number;
}

export interface GeoJsonLineString {
  type: 'LineString';
  coordinates: [number, number][];
}

/** What POST and PUT /api/movements take. */
export interface MovementInput {
  title: string;
  origin: EndpointInput;
  destination: EndpointInput;
  waypoints: Waypoint[];
  route?: GeoJsonLineString;
  plannedDeparture: string;
  plannedArrival: string;
  vehicles: Vehicle[];
  passengers: NationalityCount[];
  corridorKm: number;
  checkinIntervalMinutes: number;
  notes: string;
  marking: TlpMarking;
  releasableTo: string[];
}

/** An endpoint as the server answers it: the place, and the site when it is one. */
export interface Endpoint {
  siteId: string | null;
  name: string;
  lat: number;
  lon: number;
}

export interface RiskContributor {
  /** The record's id (incidents, threat reports), or the kind for night travel and posture. */
  id: string;
  type: 'incident' | 'threat-report' | 'night' | 'posture';
  title: string;
  distanceKm: number | null;
  points: number;
}

export interface Risk {
  score: number | null;
  level: RiskLevel | null;
  overridden: boolean;
  computedLevel: RiskLevel | null;
  overrideReason: string | null;
  assessedAt: string | null;
  /** Only those the reader may read. */
  contributors: RiskContributor[];
}

export interface Escort {
  orgId: string;
  unit: string;
  callSign: string;
  strength: number;
  vehicles: { kind: string; registration?: string }[];
}

export type TimelineEntry =
  | {
      kind: 'transition';
      at: string;
      from: string;
      to: string;
      byUser: string;
      byOrg: string;
      reason: string | null;
    }
  | {
      kind: 'checkin';
      at: string;
      receivedAt: string;
      clientId: string;
      checkinKind: string;
      lat: number;
      lon: number;
      byUser: string;
      note: string | null;
      /** Only for duty officers and liaison officers of organisations that may read it. */
      duress?: boolean;
    };

/** What the reader may do now, as the server decides it (movements.transitions.ts). */
export const MOVEMENT_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'reject',
  'return',
  'assignEscort',
  'start',
  'arrive',
  'close',
  'cancel',
  'incident',
  'checkin',
] as const;
export type MovementAction = (typeof MOVEMENT_ACTIONS)[number];

/** GET /api/movements/{id}: the request, its state and everything around it, for this reader. */
export interface Movement {
  id: string;
  type: 'movement';
  title: string;
  state: MovementState;
  origin: Endpoint;
  destination: Endpoint;
  waypoints: Waypoint[];
  route?: GeoJsonLineString;
  plannedDeparture: string;
  plannedArrival: string;
  vehicles: Vehicle[];
  passengers: NationalityCount[];
  corridorKm: number;
  checkinIntervalMinutes: number;
  notes: string;
  requesterOrgId: string;
  requestedByUser: string;
  escort: Escort | null;
  risk: Risk;
  approvals: { approverUserId: string; approvedAt: string }[];
  /** Approvals this risk level needs (two for critical). */
  approvalsRequired: number;
  timeline: TimelineEntry[];
  lastPosition: { lat: number; lon: number; at: string } | null;
  nextDeadline: { kind: string; dueAt: string } | null;
  allowedActions: MovementAction[];
  marking: string;
  /** Present only for the originating organisation. */
  releasableTo?: string[];
  createdBy: string;
  created: string;
  modified: string;
  revoked: boolean;
  updatedAt: string;
}

export interface MovementSummary {
  id: string;
  title: string;
  state: MovementState;
  riskLevel: RiskLevel | null;
  riskScore: number | null;
  originName: string;
  destinationName: string;
  plannedDeparture: string;
  plannedArrival: string;
  lastPosition: { lat: number; lon: number; at: string } | null;
  lastCheckinAt: string | null;
  updatedAt: string;
  requesterOrgId: string;
  escortOrgId: string | null;
  marking: string;
}

export interface MovementFilters {
  day?: string | undefined;
  state?: MovementState | undefined;
  q?: string | undefined;
}

export interface EscortInput {
  orgId: string;
  unit: string;
  callSign: string;
  strength: number;
  vehicles: { kind: string; registration?: string }[];
  checkinCode: string;
  duressCode: string;
}

export const CHECKIN_KINDS = ['waypoint', 'interval', 'arrival', 'manual'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

export interface CheckinInput {
  clientId: string;
  recordedAt: string;
  lat: number;
  lon: number;
  kind: CheckinKind;
  code: string;
  note?: string;
}

/** The same for a check-in and a duress check-in, by design. */
export interface CheckinAnswer {
  accepted: boolean;
  clientId: string;
  nextDueAt: string | null;
}

export interface ManifestPerson {
  fullName: string;
  nationality: string;
  role: string;
  documentNumber?: string;
}

export interface MovementVersion {
  modified: string;
  storedAt: string;
  marking: string;
  releasableTo?: string[];
  revoked: boolean;
  /** The request as that version stored it (with the escort once assigned, never its codes). */
  movement?: Partial<MovementInput> & { escort?: Escort };
  record?: Partial<MovementInput>;
}

/** The transitions a person asks for by name (POST /api/movements/{id}/{transition}). */
export const TRANSITION_ACTIONS = [
  'submit',
  'approve',
  'reject',
  'return',
  'start',
  'arrive',
  'close',
  'cancel',
  'incident',
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

const byId = (id: string) => `/api/movements/${encodeURIComponent(id)}`;

export function listMovements(
  filters: MovementFilters,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<MovementSummary>> {
  return apiRequest('GET', '/api/movements', {
    query: { ...filters, limit: page.limit, cursor: page.cursor },
    signal,
  });
}

export async function getMovement(id: string, signal?: AbortSignal): Promise<Movement> {
  return (await apiRequest<{ movement: Movement }>('GET', byId(id), { signal })).movement;
}

export async function movementHistory(
  id: string,
  signal?: AbortSignal,
): Promise<MovementVersion[]> {
  return (
    await apiRequest<{ versions: MovementVersion[] }>('GET', `${byId(id)}/history`, { signal })
  ).versions;
}

export async function createMovement(input: MovementInput): Promise<Movement> {
  return (await apiRequest<{ movement: Movement }>('POST', '/api/movements', { body: input }))
    .movement;
}

export async function updateMovement(id: string, input: MovementInput): Promise<Movement> {
  return (await apiRequest<{ movement: Movement }>('PUT', byId(id), { body: input })).movement;
}

/** Answers the movement as it now stands (an approval of a critical one may leave it submitted). */
export async function transitionMovement(
  id: string,
  action: TransitionAction,
  reason?: string,
): Promise<void> {
  await apiRequest('POST', `${byId(id)}/${action}`, {
    body: reason === undefined || reason === '' ? {} : { reason },
  });
}

export async function assignEscort(id: string, escort: EscortInput): Promise<void> {
  await apiRequest('POST', `${byId(id)}/escort`, { body: escort });
}

export async function assessRisk(id: string): Promise<void> {
  await apiRequest('POST', `${byId(id)}/risk/assess`);
}

export async function overrideRisk(id: string, level: RiskLevel, reason: string): Promise<void> {
  await apiRequest('POST', `${byId(id)}/risk/override`, { body: { level, reason } });
}

export async function sendCheckin(
  id: string,
  checkin: CheckinInput,
  signal?: AbortSignal,
): Promise<CheckinAnswer> {
  return apiRequest('POST', `${byId(id)}/checkins`, { body: checkin, signal });
}

/** Personal data: the server records this read in the audit log. */
export async function movementManifest(
  id: string,
  signal?: AbortSignal,
): Promise<ManifestPerson[]> {
  return (await apiRequest<{ people: ManifestPerson[] }>('GET', `${byId(id)}/manifest`, { signal }))
    .people;
}

export async function saveManifest(id: string, people: ManifestPerson[]): Promise<void> {
  await apiRequest('PUT', `${byId(id)}/manifest`, { body: { people } });
}
