/**
 * Intelligence vocabularies: the Admiralty (NATO) grading and the STIX 2.1
 * open vocabularies used on threat actors. Source reliability and information
 * credibility are graded independently: a reliable source can pass on an
 * improbable report, and the grading must be able to say so.
 *
 * Shared by the server and the web app (`@vocabulary/intel`): data only, no imports.
 */

/** A completely reliable … F reliability cannot be judged. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
/** 1 confirmed by other sources … 6 truth cannot be judged. */
export const INFORMATION_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number];

/** STIX 2.1 threat-actor-sophistication-ov. */
export const SOPHISTICATION = [
  'none',
  'minimal',
  'intermediate',
  'advanced',
  'expert',
  'innovator',
  'strategic',
] as const;
export type Sophistication = (typeof SOPHISTICATION)[number];

/** STIX 2.1 attack-motivation-ov. */
export const MOTIVATION = [
  'accidental',
  'coercion',
  'dominance',
  'ideology',
  'notoriety',
  'organizational-gain',
  'personal-gain',
  'personal-satisfaction',
  'revenge',
  'unpredictable',
] as const;
export type Motivation = (typeof MOTIVATION)[number];

export const TARGET_TYPES = ['site', 'route', 'personnel'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const REPORT_STATUSES = ['draft', 'published', 'revoked'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const CORROBORATION_KINDS = ['confirm', 'deny', 'additional_detail'] as const;
export type CorroborationKind = (typeof CORROBORATION_KINDS)[number];

/** The largest circle a report may cover: wider threats are regional and go in a polygon. */
export const MAX_AREA_RADIUS_KM = 500;
export const MAX_NARRATIVE_CHARS = 50_000;
