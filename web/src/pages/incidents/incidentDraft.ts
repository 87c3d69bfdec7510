/**
 * The incident form's state: text as typed, turned into the API's
 * IncidentInput on submit. Only what the form itself can tell is checked
 * here (required fields, numbers); the server checks the rest and its issues
 * are shown under the fields they name.
 */
import type { Casualties, Incident, IncidentInput, TlpMarking } from '../../api/incidents';
import type { Locale } from '../../api/types';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { isEventType } from '../../lib/acled';

export interface NationalityRow {
  country: string;
  count: string;
}

export interface CasualtyDraft {
  total: string;
  byNationality: NationalityRow[];
}

export interface SourceDraft {
  name: string;
  url: string;
  date: string;
}

export interface IncidentDraft {
  eventDate: string;
  timePrecision: '1' | '2' | '3';
  eventType: string;
  subEventType: string;
  actor1Name: string;
  actor1Inter: string;
  actor2Name: string;
  actor2Inter: string;
  placeName: string;
  admin1: string;
  admin2: string;
  country: string;
  lat: string;
  lon: string;
  geoPrecision: '1' | '2' | '3';
  fatalities: CasualtyDraft;
  injured: CasualtyDraft;
  narrative: string;
  language: Locale;
  sources: SourceDraft[];
  siteId: string;
  movementId: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export function emptyDraft(language: Locale, today: string): IncidentDraft {
  return {
    eventDate: today,
    timePrecision: '1',
    eventType: '',
    subEventType: '',
    actor1Name: '',
    actor1Inter: '',
    actor2Name: '',
    actor2Inter: '',
    placeName: '',
    admin1: '',
    admin2: '',
    country: '',
    lat: '',
    lon: '',
    geoPrecision: '1',
    fatalities: { total: '0', byNationality: [] },
    injured: { total: '0', byNationality: [] },
    narrative: '',
    language,
    sources: [],
    siteId: '',
    movementId: '',
    marking: 'TLP:AMBER',
    releasableTo: [],
  };
}

function casualtyDraft(value: Casualties | undefined): CasualtyDraft {
  return {
    total: value?.total === null || value?.total === undefined ? '' : String(value.total),
    byNationality: (value?.byNationality ?? []).map((n) => ({
      country: n.country,
      count: String(n.count),
    })),
  };
}

const precision = (value: number): '1' | '2' | '3' => (value === 2 ? '2' : value === 3 ? '3' : '1');

export function draftFromIncident(incident: Incident): IncidentDraft {
  const marking = incident.marking as TlpMarking;
  return {
    eventDate: incident.eventDate,
    timePrecision: precision(incident.timePrecision),
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    actor1Name: incident.actor1.name,
    actor1Inter: String(incident.actor1.inter),
    actor2Name: incident.actor2?.name ?? '',
    actor2Inter: incident.actor2 ? String(incident.actor2.inter) : '',
    placeName: incident.place.name,
    admin1: incident.place.admin1 ?? '',
    admin2: incident.place.admin2 ?? '',
    country: incident.place.country,
    lat: String(incident.place.lat),
    lon: String(incident.place.lon),
    geoPrecision: precision(incident.place.geoPrecision),
    fatalities: casualtyDraft(incident.fatalities),
    injured: casualtyDraft(incident.injured),
    narrative: incident.narrative,
    language: incident.language,
    sources: incident.sources.map((s) => ({ name: s.name, url: s.url ?? '', date: s.date ?? '' })),
    siteId: incident.siteId ?? '',
    movementId: incident.movementId ?? '',
    marking,
    releasableTo: incident.releasableTo ?? [],
  };
}

/** A number as typed, or undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function parseCount(text: string): number | undefined {
  const value = parseNumber(text);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export type DraftErrors = Record<string, 'required' | 'number' | 'count'>;

/** What the form can check before asking the server, keyed by the API's issue paths. */
export function checkDraft(draft: IncidentDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.eventDate) errors.eventDate = 'required';
  if (!draft.eventType) errors.eventType = 'required';
  if (!draft.subEventType) errors.subEventType = 'required';
  if (!draft.actor1Name.trim()) errors['actor1.name'] = 'required';
  if (!draft.actor1Inter) errors['actor1.inter'] = 'required';
  if (draft.actor2Name.trim() && !draft.actor2Inter) errors['actor2.inter'] = 'required';
  if (!draft.placeName.trim()) errors['place.name'] = 'required';
  if (!draft.country) errors['place.country'] = 'required';
  if (!draft.lat.trim()) errors['place.lat'] = 'required';
  else if (parseNumber(draft.lat) === undefined) errors['place.lat'] = 'number';
  if (!draft.lon.trim()) errors['place.lon'] = 'required';
  else if (parseNumber(draft.lon) === undefined) errors['place.lon'] = 'number';
  for (const key of ['fatalities', 'injured'] as const) {
    const casualties = draft[key];
    if (casualties.total.trim() && parseCount(casualties.total) === undefined)
      errors[`${key}.total`] = 'count';
    casualties.byNationality.forEach((row, index) => {
      if (!row.country) errors[`${key}.byNationality.${index}.country`] = 'required';
      if (parseCount(row.count) === undefined)
        errors[`${key}.byNationality.${index}.count`] = 'count';
    });
  }
  draft.sources.forEach((source, index) => {
    if (!source.name.trim()) errors[`sources.${index}.name`] = 'required';
  });
  return errors;
}

function casualties(draft: CasualtyDraft): Casualties {
  return {
    total: draft.total.trim() === '' ? null : (parseCount(draft.total) ?? 0),
    byNationality: draft.byNationality.map((row) => ({
      country: row.country,
      count: parseCount(row.count) ?? 0,
    })),
  };
}

/** The API body; call after checkDraft found nothing. */
export function inputFromDraft(draft: IncidentDraft): IncidentInput {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    eventDate: draft.eventDate,
    timePrecision: Number(draft.timePrecision) as 1 | 2 | 3,
    eventType: isEventType(draft.eventType) ? draft.eventType : 'Battles',
    subEventType: draft.subEventType,
    actor1: { name: draft.actor1Name.trim(), inter: Number(draft.actor1Inter) },
    ...(draft.actor2Name.trim()
      ? { actor2: { name: draft.actor2Name.trim(), inter: Number(draft.actor2Inter) } }
      : {}),
    place: {
      name: draft.placeName.trim(),
      ...(optional(draft.admin1) ? { admin1: draft.admin1.trim() } : {}),
      ...(optional(draft.admin2) ? { admin2: draft.admin2.trim() } : {}),
      country: draft.country,
      lat: parseNumber(draft.lat) ?? 0,
      lon: parseNumber(draft.lon) ?? 0,
      geoPrecision: Number(draft.geoPrecision) as 1 | 2 | 3,
    },
    fatalities: casualties(draft.fatalities),
    injured: casualties(draft.injured),
    narrative: draft.narrative,
    language: draft.language,
    sources: draft.sources.map((source) => ({
      name: source.name.trim(),
      ...(optional(source.url) ? { url: source.url.trim() } : {}),
      ...(optional(source.date) ? { date: source.date } : {}),
    })),
    ...(optional(draft.siteId) ? { siteId: draft.siteId.trim() } : {}),
    ...(optional(draft.movementId) ? { movementId: draft.movementId.trim() } : {}),
    marking: draft.marking,
    // Organisations for AMBER, named people for RED, nobody for CLEAR and GREEN.
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}
