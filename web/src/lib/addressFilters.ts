/**
 * A list's filters kept in the page address (`/incidents?eventType=…`), so
 * that a filtered list can be bookmarked, shared, and returned to with the
 * browser's back button. Each list reads and writes its own filters
 * (incidentFilters.ts, reportFilters.ts); these are the parts they share.
 */
import { useCallback, useMemo } from 'react';
import { navigate, useSearch } from '../app/router';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads an address's parameters: trimmed text, empty as missing; dates only as YYYY-MM-DD. */
export function searchReader(search: string) {
  const params = new URLSearchParams(search);
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const value = text(key);
    return value && DATE.test(value) ? value : undefined;
  };
  return { params, text, date };
}

/** The `?…` part of an address, or nothing when there are no parameters. */
export function searchString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The filters in the address of the list at `path`, and a setter that
 * replaces the address (a change of filter is not a step to go back to).
 * `filterKey` is the canonical form, for effects that reload on a change.
 */
export function useFiltersInAddress<Filters>(
  path: string,
  fromSearch: (search: string) => Filters,
  toSearch: (filters: Filters) => string,
): { filters: Filters; filterKey: string; setFilters: (next: Filters) => void } {
  const search = useSearch();
  const filters = useMemo(() => fromSearch(search), [search, fromSearch]);
  const setFilters = useCallback(
    (next: Filters) => navigate(`${path}${toSearch(next)}`, { replace: true }),
    [path, toSearch],
  );
  return { filters, filterKey: toSearch(filters), setFilters };
}
