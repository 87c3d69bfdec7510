/**
 * ACLED's coding vocabulary (ACLED Codebook): event types with their
 * sub-event types, actor "inter" codes, and the precision scales. Incidents
 * are coded with these so that they line up with public ACLED data.
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
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as AcledEventType[];
export const SUB_EVENT_TYPES: readonly string[] = Object.values(ACLED_EVENT_TYPES).flat();

export function isSubEventOf(eventType: string, subEventType: string): boolean {
  const subs: readonly string[] | undefined = (
    ACLED_EVENT_TYPES as Record<string, readonly string[]>
  )[eventType];
  return subs?.includes(subEventType) ?? false;
}

/** Actor types ("inter" codes). */
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
