/**
 * The threat report editor's state: text as typed, turned into the API's
 * ThreatReportInput on save. Only what the form itself can tell is checked
 * here (required fields, an area that is drawn and closed, a window in
 * order); the server checks the rest and its issues show under their fields.
 */
import type {
  InformationCredibility,
  SourceReliability,
  TargetType,
  ThreatReport,
  ThreatReportInput,
} from '../../api/intel';
import type { Locale } from '../../api/types';
import { releaseListFor } from '../../components/sharing/sharingRules';
import type { TlpMarking } from '../../lib/tlp';
import {
  areaFromDraft,
  areaProblem,
  draftFromArea,
  EMPTY_AREA,
  type AreaDraft,
} from './areaGeometry';
import { isoFromLocalInput, localInputFromIso } from './dates';

export interface ReportDraft {
  title: string;
  narrative: string;
  language: Locale;
  area: AreaDraft;
  validFrom: string;
  validUntil: string;
  targetType: TargetType | '';
  modusOperandi: string;
  acledSubEventType: string;
  threatActors: { id: string; name: string }[];
  sourceReliability: SourceReliability | '';
  informationCredibility: InformationCredibility | 0;
  marking: TlpMarking;
  releasableTo: string[];
}

/** A week from now: a report is about a threat that lasts, not a moment. */
const DEFAULT_VALIDITY_DAYS = 7;

export function emptyReportDraft(language: Locale, now = new Date()): ReportDraft {
  const until = new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * 24 * 3600 * 1000);
  return {
    title: '',
    narrative: '',
    language,
    area: EMPTY_AREA,
    validFrom: localInputFromIso(now.toISOString()),
    validUntil: localInputFromIso(until.toISOString()),
    targetType: '',
    modusOperandi: '',
    acledSubEventType: '',
    threatActors: [],
    sourceReliability: '',
    informationCredibility: 0,
    marking: 'TLP:AMBER',
    releasableTo: [],
  };
}

export function draftFromReport(report: ThreatReport): ReportDraft {
  return {
    title: report.title,
    narrative: report.narrative,
    language: report.language,
    area: draftFromArea(report.area),
    validFrom: localInputFromIso(report.validFrom),
    validUntil: localInputFromIso(report.validUntil),
    targetType: report.targetType,
    modusOperandi: report.modusOperandi.description,
    acledSubEventType: report.modusOperandi.acledSubEventType ?? '',
    threatActors: report.threatActors,
    sourceReliability: report.sourceReliability,
    informationCredibility: report.informationCredibility,
    marking: report.marking as TlpMarking,
    releasableTo: report.releasableTo ?? [],
  };
}

export type ReportDraftProblem =
  'required' | 'time' | 'order' | 'centre' | 'radius' | 'vertices' | 'open';

/** What the form can check before asking the server, keyed by the API's issue paths. */
export function checkReportDraft(draft: ReportDraft): Record<string, ReportDraftProblem> {
  const errors: Record<string, ReportDraftProblem> = {};
  if (!draft.title.trim()) errors.title = 'required';
  const area = areaProblem(draft.area);
  if (area) errors.area = area;
  const from = isoFromLocalInput(draft.validFrom);
  const until = isoFromLocalInput(draft.validUntil);
  if (!draft.validFrom) errors.validFrom = 'required';
  else if (!from) errors.validFrom = 'time';
  if (!draft.validUntil) errors.validUntil = 'required';
  else if (!until) errors.validUntil = 'time';
  else if (from && until < from) errors.validUntil = 'order';
  if (!draft.targetType) errors.targetType = 'required';
  if (!draft.sourceReliability) errors.sourceReliability = 'required';
  if (!draft.informationCredibility) errors.informationCredibility = 'required';
  return errors;
}

/** The API body; call after checkReportDraft found nothing. */
export function inputFromReportDraft(draft: ReportDraft): ThreatReportInput | undefined {
  const area = areaFromDraft(draft.area);
  const validFrom = isoFromLocalInput(draft.validFrom);
  const validUntil = isoFromLocalInput(draft.validUntil);
  if (
    !area ||
    !validFrom ||
    !validUntil ||
    !draft.targetType ||
    !draft.sourceReliability ||
    !draft.informationCredibility
  )
    return undefined;
  return {
    title: draft.title.trim(),
    narrative: draft.narrative,
    language: draft.language,
    area,
    validFrom,
    validUntil,
    targetType: draft.targetType,
    modusOperandi: {
      description: draft.modusOperandi.trim(),
      ...(draft.acledSubEventType ? { acledSubEventType: draft.acledSubEventType } : {}),
    },
    threatActorIds: draft.threatActors.map((actor) => actor.id),
    sourceReliability: draft.sourceReliability,
    informationCredibility: draft.informationCredibility,
    marking: draft.marking,
    // Organisations for AMBER, named people for RED, nobody for CLEAR and GREEN.
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}

/** A latitude (limit 90) or longitude (limit 180) as typed, or undefined. */
export function parseCoordinate(text: string, limit: number): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : undefined;
}
