/**
 * ACLED's coding vocabulary as the incident API accepts it (the server's
 * src/modules/incidents/acled.ts): event types with their sub-event types,
 * actor "inter" codes and the precision scales. Labels live in the i18n
 * catalogues under `acled.*`, keyed by these values.
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

export const INTER_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type InterCode = (typeof INTER_CODES)[number];
export const PRECISIONS = [1, 2, 3] as const;

export function isEventType(value: string): value is AcledEventType {
  return Object.hasOwn(ACLED_EVENT_TYPES, value);
}

export function subEventTypesOf(eventType: string): readonly AcledSubEventType[] {
  return isEventType(eventType) ? ACLED_EVENT_TYPES[eventType] : [];
}

export function isSubEventType(value: string): value is AcledSubEventType {
  return EVENT_TYPES.some((type) => (ACLED_EVENT_TYPES[type] as readonly string[]).includes(value));
}

/** One colour per event type, for the chart and the facets (distinguishable, colour-blind safe-ish). */
export const EVENT_TYPE_COLOURS: Record<AcledEventType, string> = {
  Battles: '#7f3b08',
  'Explosions/Remote violence': '#c0392b',
  'Violence against civilians': '#e08214',
  Protests: '#2166ac',
  Riots: '#8073ac',
  'Strategic developments': '#5a6474',
};

export function eventTypeColour(eventType: string): string {
  return isEventType(eventType) ? EVENT_TYPE_COLOURS[eventType] : '#98a3b3';
}
