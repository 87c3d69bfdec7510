/**
 * Colours of the operational layers, shared by the map style and the legend
 * so that the two cannot disagree. Threat areas are coloured either by their
 * Admiralty grading, in three bands of confidence, or by their TLP marking
 * (darker than the standard's colours, which are meant for black).
 */
import { isTlpMarking, type TlpMarking } from '../../lib/tlp';

export const CLUSTER_COLOUR = '#1d4f91';
export const CLUSTER_OUTLINE = '#ffffff';

export const GRADING_BANDS = ['high', 'medium', 'low'] as const;
export type GradingBand = (typeof GRADING_BANDS)[number];

export const GRADING_COLOURS: Record<GradingBand, string> = {
  high: '#b42318',
  medium: '#d97706',
  low: '#7a8494',
};

/** The grades each band covers, as analysts write them (language-neutral). */
export const GRADING_BAND_CODES: Record<GradingBand, string> = {
  high: 'A–B · 1–2',
  medium: 'A–D · 1–4',
  low: 'E–F / 5–6',
};

export const MARKING_COLOURS: Record<TlpMarking, string> = {
  'TLP:CLEAR': '#4b5563',
  'TLP:GREEN': '#1f8a3b',
  'TLP:AMBER': '#d49a00',
  'TLP:AMBER+STRICT': '#b7791f',
  'TLP:RED': '#d42a2a',
};
const UNKNOWN_MARKING_COLOUR = '#98a3b3';

/**
 * High: a usually reliable source (A–B) and information confirmed or probably
 * true (1–2). Low: an unreliable or unjudgeable source (E–F) or information
 * doubtful, improbable or unjudgeable (5–6). Medium: everything between.
 */
export function gradingBand(
  sourceReliability: string,
  informationCredibility: number,
): GradingBand {
  const reliable = sourceReliability === 'A' || sourceReliability === 'B';
  const credible = informationCredibility === 1 || informationCredibility === 2;
  if (reliable && credible) return 'high';
  const weakSource = sourceReliability === 'E' || sourceReliability === 'F';
  const weakInformation = informationCredibility >= 5;
  return weakSource || weakInformation ? 'low' : 'medium';
}

export function markingColour(marking: string): string {
  return isTlpMarking(marking) ? MARKING_COLOURS[marking] : UNKNOWN_MARKING_COLOUR;
}
