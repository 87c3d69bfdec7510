/**
 * The two movement reads the operations room needs, typed to what it uses:
 * the day's list (GET /api/movements?day=…) and one movement's route and
 * last position (GET /api/movements/{id}). The full movement shapes live
 * in api/movements.ts for the movement pages; this stays narrow so that the
 * board depends only on the fields it shows.
 */
import type { MovementState, RiskLevel } from '@vocabulary/protection';
import { MOVEMENT_STATES } from '@vocabulary/protection';
import { apiRequest } from '../../api/client';
import type { Page } from '../../api/types';
import type { OpsRoute } from './opsMapData';

type Position = { lat: number; lon: number; at: string } | null;

export interface OpsMovement {
  id: string;
  title: string;
  state: MovementState;
  originName: string;
  destinationName: string;
  plannedDeparture: string;
  plannedArrival: string;
  riskLevel: RiskLevel | null;
  /** In the list; the live summary carries `lastPosition` instead. */
  lastCheckinAt?: string | null;
  lastPosition?: Position;
}

type Line = { type: 'LineString'; coordinates: [number, number][] };

interface MovementAnswer {
  id: string;
  title?: string;
  state: MovementState;
  route?: Line | null;
  request?: { title?: string; route?: Line | null };
  lastPosition: Position;
}

export function listDayMovements(
  day: string,
  page: { limit: number; cursor: string | null },
  signal?: AbortSignal,
): Promise<Page<OpsMovement>> {
  return apiRequest('GET', '/api/movements', {
    query: { day, limit: page.limit, cursor: page.cursor },
    signal,
  });
}

/** The movement's route and last position, or null when it cannot be read (any more). */
export async function movementRoute(id: string, signal?: AbortSignal): Promise<OpsRoute | null> {
  try {
    const answer = await apiRequest<MovementAnswer | { movement: MovementAnswer }>(
      'GET',
      `/api/movements/${encodeURIComponent(id)}`,
      { signal },
    );
    const movement = 'movement' in answer ? answer.movement : answer;
    return {
      id: movement.id,
      title: movement.title ?? movement.request?.title ?? '',
      state: movement.state,
      route: movement.route ?? movement.request?.route ?? null,
      lastPosition: movement.lastPosition,
    };
  } catch {
    return null; // unreadable now, or gone: the board still shows what the list said
  }
}

/** A live event's item as a movement summary, when it looks like one. */
export function asOpsMovement(item: unknown): OpsMovement | null {
  if (typeof item !== 'object' || item === null) return null;
  const candidate = item as Partial<OpsMovement>;
  return typeof candidate.id === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.plannedDeparture === 'string' &&
    typeof candidate.plannedArrival === 'string' &&
    (MOVEMENT_STATES as readonly string[]).includes(candidate.state ?? '')
    ? (candidate as OpsMovement)
    : null;
}

/** When the movement last checked in, from the list's field or the live summary's position. */
export function lastCheckinOf(movement: OpsMovement): string | null {
  return movement.lastCheckinAt ?? movement.lastPosition?.at ?? null;
}
