/**
 * The threat report list's filters live in the address (`/intel?status=…`)
 * so that a filtered list can be bookmarked, shared and returned to with the
 * browser's back button. Anything unreadable in the address is ignored.
 */
import {
  INFORMATION_CREDIBILITY,
  REPORT_STATUSES,
  SOURCE_RELIABILITY,
  TARGET_TYPES,
  type InformationCredibility,
  type ReportFilters,
  type SourceReliability,
} from '../../api/intel';
import { searchReader, searchString } from '../../lib/addressFilters';
import { isTlpMarking } from '../../lib/tlp';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function listOf<T>(values: readonly T[], text: string | undefined, parse: (part: string) => T) {
  if (!text) return undefined;
  const picked = values.filter((value) => text.split(',').map(parse).includes(value));
  return picked.length > 0 ? picked : undefined;
}

export function filtersFromSearch(search: string): ReportFilters {
  const { text, date } = searchReader(search);
  const marking = text('marking');
  const orgId = text('orgId');
  return {
    q: text('q'),
    status: oneOf(REPORT_STATUSES, text('status')),
    from: date('from'),
    to: date('to'),
    targetType: oneOf(TARGET_TYPES, text('targetType')),
    sourceReliability: listOf<SourceReliability>(
      SOURCE_RELIABILITY,
      text('sourceReliability'),
      (part) => part.trim().toUpperCase() as SourceReliability,
    ),
    informationCredibility: listOf<InformationCredibility>(
      INFORMATION_CREDIBILITY,
      text('informationCredibility'),
      (part) => Number(part) as InformationCredibility,
    ),
    orgId: orgId && /^identity--[0-9a-f-]{36}$/.test(orgId) ? orgId : undefined,
    marking: marking && isTlpMarking(marking) ? marking : undefined,
  };
}

export function searchFromFilters(filters: ReportFilters): string {
  const params = new URLSearchParams();
  const add = (key: keyof ReportFilters, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  add('q', filters.q);
  add('status', filters.status);
  add('from', filters.from);
  add('to', filters.to);
  add('targetType', filters.targetType);
  add('sourceReliability', filters.sourceReliability?.join(','));
  add('informationCredibility', filters.informationCredibility?.join(','));
  add('orgId', filters.orgId);
  add('marking', filters.marking);
  return searchString(params);
}

export function hasFilters(filters: ReportFilters): boolean {
  return searchFromFilters(filters) !== '';
}
