/**
 * The incident list's filters live in the address (`/incidents?eventType=…`)
 * so that a filtered list can be bookmarked, shared, and returned to from
 * an incident with the browser's back button.
 */
import type { IncidentFilters } from '../api/incidents';
import { isEventType, subEventTypesOf } from './acled';
import { searchReader, searchString } from './addressFilters';
import { isTlpMarking } from './tlp';

export function filtersFromSearch(search: string): IncidentFilters {
  const { params, text, date } = searchReader(search);
  const eventType = text('eventType');
  const validType = eventType && isEventType(eventType) ? eventType : undefined;
  const subEventType = text('subEventType');
  const marking = text('marking');
  const country = text('country')?.toUpperCase();
  const q = text('q')?.trim().slice(0, 200);
  return {
    q: q === '' ? undefined : q,
    from: date('from'),
    to: date('to'),
    eventType: validType,
    subEventType:
      validType &&
      subEventType &&
      (subEventTypesOf(validType) as readonly string[]).includes(subEventType)
        ? subEventType
        : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    orgId: text('orgId'),
    marking: marking && isTlpMarking(marking) ? marking : undefined,
    includeRevoked: params.get('includeRevoked') === 'true' || undefined,
  };
}

export function searchFromFilters(filters: IncidentFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  return searchString(params);
}

export function hasFilters(filters: IncidentFilters): boolean {
  return searchFromFilters(filters) !== '';
}
