/**
 * The action tracker's filters live in the address
 * (`/coordination/actions?overdue=true&ownerOrgId=…`) so that a filtered
 * tracker can be bookmarked, shared and returned to. Anything unreadable in
 * the address is ignored.
 */
import {
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  type TrackerFilters,
} from '../../api/coordination';
import { searchReader, searchString } from '../../lib/addressFilters';

const idOf = (type: string, value: string | undefined) =>
  value && new RegExp(`^${type}--[0-9a-f-]{36}$`).test(value) ? value : undefined;

export function trackerFiltersFromSearch(search: string): TrackerFilters {
  const { text, date } = searchReader(search);
  const status = text('status');
  return {
    ownerOrgId: idOf('identity', text('ownerOrgId')),
    status:
      status && (ACTION_ITEM_STATUSES as readonly string[]).includes(status)
        ? (status as ActionItemStatus)
        : undefined,
    dueBefore: date('dueBefore'),
    overdue: text('overdue') === 'true' ? true : undefined,
    workingGroupId: idOf('working-group', text('workingGroupId')),
  };
}

export function searchFromTrackerFilters(filters: TrackerFilters): string {
  const params = new URLSearchParams();
  const add = (key: keyof TrackerFilters, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  add('ownerOrgId', filters.ownerOrgId);
  add('status', filters.status);
  add('dueBefore', filters.dueBefore);
  add('overdue', filters.overdue ? 'true' : undefined);
  add('workingGroupId', filters.workingGroupId);
  return searchString(params);
}

export function hasTrackerFilters(filters: TrackerFilters): boolean {
  return searchFromTrackerFilters(filters) !== '';
}
