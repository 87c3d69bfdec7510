/**
 * ACLED's coding vocabulary (ACLED Codebook): event types with their
 * sub-event types, actor "inter" codes, and the precision scales. Incidents
 * are coded with these so that they line up with public ACLED data.
 *
 * One definition for the server and the web app (which imports this folder
 * as `@vocabulary`): plain data and pure functions, no imports, so that both
 * builds can take it as it is.
 */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;
export type AcledSubEventType = (typeof ACLED_EVENT_TYPES)[AcledEventType][number];
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as AcledEventType[];
export const SUB_EVENT_TYPES: readonly string[] = Object.values(ACLED_EVENT_TYPES).flat();

export function isSubEventOf(eventType: string, subEventType: string): boolean {
  const subs: readonly string[] | undefined = (
    ACLED_EVENT_TYPES as Record<string, readonly string[]>
  )[eventType];
  return subs?.includes(subEventType) ?? false;
}

export function isEventType(value: string): value is AcledEventType {
  return Object.hasOwn(ACLED_EVENT_TYPES, value);
}

export function subEventTypesOf(eventType: string): readonly AcledSubEventType[] {
  return isEventType(eventType) ? ACLED_EVENT_TYPES[eventType] : [];
}

export function isSubEventType(value: string): value is AcledSubEventType {
  return SUB_EVENT_TYPES.includes(value);
}

/** Actor types ("inter" codes); 0 when the source gives none. */
export const ACLED_INTER_CODES = {
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;

/** time_precision: 1 = the day is known, 2 = the week, 3 = only the month. */
export const TIME_PRECISIONS = [1, 2, 3] as const;
/** geo_precision: 1 = the exact place, 2 = near the named place, 3 = only the region. */
export const GEO_PRECISIONS = [1, 2, 3] as const;

/** Every inter code an actor may carry: 0 (none given) and ACLED's 1–8. */
export const INTER_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type InterCode = (typeof INTER_CODES)[number];
/** The 1–3 scale shared by time_precision and geo_precision. */
export const PRECISIONS = [1, 2, 3] as const;
