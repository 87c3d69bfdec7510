/**
 * ACLED's coding vocabulary for the web app: the server's own definition
 * (src/core/vocabulary/acled.ts, so the lists cannot drift apart), plus the
 * colours the map, the charts and the facets draw event types in. Labels
 * live in the i18n catalogues under `acled.*`, keyed by these values.
 */
import { isEventType, type AcledEventType } from '@vocabulary/acled';

export {
  ACLED_EVENT_TYPES,
  EVENT_TYPES,
  INTER_CODES,
  PRECISIONS,
  isEventType,
  isSubEventType,
  subEventTypesOf,
  type AcledEventType,
  type AcledSubEventType,
  type InterCode,
} from '@vocabulary/acled';

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
