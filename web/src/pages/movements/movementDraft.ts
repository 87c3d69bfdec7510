/**
 * A movement request form's draft: the fields as typed (numbers as text,
 * times as the browser's local date-time), the problems the server would
 * refuse them for — each named by its API path so that the server's own
 * issues land on the same field — and the input sent once there are none.
 */
import type { Movement, MovementInput } from '../../api/movements';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { isTlpMarking, type TlpMarking } from '../../lib/tlp';
import { countRowsInput, type CountRow } from '../sites/peopleRows';

export const MAX_JOURNEY_HOURS = 72;

export interface EndpointDraft {
  mode: 'site' | 'place';
  siteId: string;
  name: string;
  lat: string;
  lon: string;
}

export interface WaypointDraft {
  name: string;
  lat: string;
  lon: string;
}

export interface VehicleDraft {
  kind: string;
  registration: string;
  seats: string;
}

export interface MovementDraft {
  title: string;
  origin: EndpointDraft;
  destination: EndpointDraft;
  waypoints: WaypointDraft[];
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone, as <input type="datetime-local"> keeps it. */
  departure: string;
  arrival: string;
  vehicles: VehicleDraft[];
  passengers: CountRow[];
  corridorKm: string;
  checkinIntervalMinutes: string;
  notes: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export type MovementProblem =
  | 'required'
  | 'latitude'
  | 'longitude'
  | 'arrivalBeforeDeparture'
  | 'tooLong'
  | 'seats'
  | 'passengers'
  | 'corridor'
  | 'interval';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the browser's local `YYYY-MM-DDTHH:mm`. */
export function localDateTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local date-time back to a UTC instant; null when it does not read. */
export function instantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const blankEndpoint = (): EndpointDraft => ({
  mode: 'site',
  siteId: '',
  name: '',
  lat: '',
  lon: '',
});

/** A new request: leaving in an hour, arriving four hours later. */
export function blankMovement(now: Date): MovementDraft {
  const departure = new Date(now.getTime() + 3_600_000);
  departure.setMinutes(0, 0, 0);
  return {
    title: '',
    origin: blankEndpoint(),
    destination: blankEndpoint(),
    waypoints: [],
    departure: localDateTime(departure),
    arrival: localDateTime(new Date(departure.getTime() + 4 * 3_600_000)),
    vehicles: [{ kind: '', registration: '', seats: '' }],
    passengers: [],
    corridorKm: '10',
    checkinIntervalMinutes: '30',
    notes: '',
    marking: 'TLP:AMBER',
    releasableTo: [],
  };
}

function endpointDraft(endpoint: Movement['origin']): EndpointDraft {
  return endpoint.siteId
    ? { mode: 'site', siteId: endpoint.siteId, name: '', lat: '', lon: '' }
    : {
        mode: 'place',
        siteId: '',
        name: endpoint.name,
        lat: String(endpoint.lat),
        lon: String(endpoint.lon),
      };
}

export function draftFromMovement(movement: Movement): MovementDraft {
  const request = movement;
  return {
    title: request.title,
    origin: endpointDraft(request.origin),
    destination: endpointDraft(request.destination),
    waypoints: request.waypoints.map((w) => ({
      name: w.name ?? '',
      lat: String(w.lat),
      lon: String(w.lon),
    })),
    departure: localDateTime(request.plannedDeparture),
    arrival: localDateTime(request.plannedArrival),
    vehicles: request.vehicles.map((v) => ({
      kind: v.kind,
      registration: v.registration ?? '',
      seats: v.seats === undefined ? '' : String(v.seats),
    })),
    passengers: request.passengers.map((p) => ({
      nationality: p.nationality,
      count: String(p.count),
    })),
    corridorKm: String(request.corridorKm),
    checkinIntervalMinutes: String(request.checkinIntervalMinutes),
    notes: request.notes,
    marking: isTlpMarking(movement.marking) ? movement.marking : 'TLP:AMBER',
    releasableTo: movement.releasableTo ?? [],
  };
}

function numberIn(text: string, min: number, max: number, integer = false): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) return null;
  return integer && !Number.isInteger(value) ? null : value;
}

function checkEndpoint(
  endpoint: EndpointDraft,
  path: string,
  problems: Record<string, MovementProblem>,
): void {
  if (endpoint.mode === 'site') {
    if (!endpoint.siteId) problems[`${path}.siteId`] = 'required';
    return;
  }
  if (!endpoint.name.trim()) problems[`${path}.name`] = 'required';
  if (numberIn(endpoint.lat, -90, 90) === null) problems[`${path}.lat`] = 'latitude';
  if (numberIn(endpoint.lon, -180, 180) === null) problems[`${path}.lon`] = 'longitude';
}

export function checkMovement(draft: MovementDraft): Record<string, MovementProblem> {
  const problems: Record<string, MovementProblem> = {};
  if (!draft.title.trim()) problems.title = 'required';
  checkEndpoint(draft.origin, 'origin', problems);
  checkEndpoint(draft.destination, 'destination', problems);
  draft.waypoints.forEach((w, i) => {
    if (numberIn(w.lat, -90, 90) === null) problems[`waypoints.${i}.lat`] = 'latitude';
    if (numberIn(w.lon, -180, 180) === null) problems[`waypoints.${i}.lon`] = 'longitude';
  });
  const departure = instantOf(draft.departure);
  const arrival = instantOf(draft.arrival);
  if (!departure) problems.plannedDeparture = 'required';
  if (!arrival) problems.plannedArrival = 'required';
  if (departure && arrival) {
    const hours = (Date.parse(arrival) - Date.parse(departure)) / 3_600_000;
    if (hours <= 0) problems.plannedArrival = 'arrivalBeforeDeparture';
    else if (hours > MAX_JOURNEY_HOURS) problems.plannedArrival = 'tooLong';
  }
  draft.vehicles.forEach((v, i) => {
    if (!v.kind.trim()) problems[`vehicles.${i}.kind`] = 'required';
    if (v.seats.trim() !== '' && numberIn(v.seats, 1, 100, true) === null)
      problems[`vehicles.${i}.seats`] = 'seats';
  });
  if (countRowsInput(draft.passengers, { minimum: 1 }) === null) problems.passengers = 'passengers';
  if (numberIn(draft.corridorKm, 1, 50) === null) problems.corridorKm = 'corridor';
  if (numberIn(draft.checkinIntervalMinutes, 5, 240, true) === null)
    problems.checkinIntervalMinutes = 'interval';
  return problems;
}

function endpointInput(endpoint: EndpointDraft): MovementInput['origin'] {
  return endpoint.mode === 'site'
    ? { siteId: endpoint.siteId }
    : { name: endpoint.name.trim(), lat: Number(endpoint.lat), lon: Number(endpoint.lon) };
}

/** Only for a draft without problems (checkMovement). The route is left to the server's default. */
export function movementInput(draft: MovementDraft): MovementInput {
  return {
    title: draft.title.trim(),
    origin: endpointInput(draft.origin),
    destination: endpointInput(draft.destination),
    waypoints: draft.waypoints.map((w) => ({
      ...(w.name.trim() ? { name: w.name.trim() } : {}),
      lat: Number(w.lat),
      lon: Number(w.lon),
    })),
    plannedDeparture: instantOf(draft.departure) ?? '',
    plannedArrival: instantOf(draft.arrival) ?? '',
    vehicles: draft.vehicles.map((v) => ({
      kind: v.kind.trim(),
      ...(v.registration.trim() ? { registration: v.registration.trim() } : {}),
      ...(v.seats.trim() ? { seats: Number(v.seats) } : {}),
    })),
    passengers: countRowsInput(draft.passengers, { minimum: 1 }) ?? [],
    corridorKm: Number(draft.corridorKm),
    checkinIntervalMinutes: Number(draft.checkinIntervalMinutes),
    notes: draft.notes.trim(),
    marking: draft.marking,
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}
