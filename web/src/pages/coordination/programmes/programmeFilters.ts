/**
 * The programme board's filters and grouping live in the address
 * (`/coordination/programmes?groupBy=kind&status=in_progress`), so that a
 * board can be bookmarked and shared. Anything unreadable is ignored.
 */
import {
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type ProgrammeFilters,
  type ProgrammeKind,
  type ProgrammeStatus,
} from '../../../api/programmes';
import { searchReader, searchString } from '../../../lib/addressFilters';

export type BoardGrouping = 'status' | 'kind';

export interface BoardView extends ProgrammeFilters {
  groupBy: BoardGrouping;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const idOf = (type: string, value: string | undefined) =>
  value && new RegExp(`^${type}--[0-9a-f-]{36}$`).test(value) ? value : undefined;

export function boardViewFromSearch(search: string): BoardView {
  const { text } = searchReader(search);
  return {
    groupBy: text('groupBy') === 'kind' ? 'kind' : 'status',
    kind: oneOf<ProgrammeKind>(PROGRAMME_KINDS, text('kind')),
    status: oneOf<ProgrammeStatus>(PROGRAMME_STATUSES, text('status')),
    workingGroupId: idOf('working-group', text('workingGroupId')),
    leadOrgId: idOf('identity', text('leadOrgId')),
  };
}

export function searchFromBoardView(view: BoardView): string {
  const params = new URLSearchParams();
  if (view.groupBy === 'kind') params.set('groupBy', 'kind');
  for (const key of ['kind', 'status', 'workingGroupId', 'leadOrgId'] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return searchString(params);
}

export function filtersOf(view: BoardView): ProgrammeFilters {
  return {
    kind: view.kind,
    status: view.status,
    workingGroupId: view.workingGroupId,
    leadOrgId: view.leadOrgId,
  };
}

export const hasBoardFilters = (view: BoardView) =>
  searchFromBoardView({ ...view, groupBy: 'status' }) !== '';
