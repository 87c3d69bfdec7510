/**
 * How risk and posture levels look: one colour per level (shared by the
 * badges and the maps), the level a score falls in as the server grades it
 * (low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical), and the CSS class of a
 * badge. Colour is never the only sign: badges always carry the level's name.
 */
import {
  POSTURE_LEVELS,
  RISK_LEVELS,
  type PostureLevel,
  type RiskLevel,
} from '@vocabulary/protection';

const LEVEL_COLOURS = ['#17683b', '#8a5a00', '#c4470f', '#b42318'] as const;

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

export function isPostureLevel(value: unknown): value is PostureLevel {
  return typeof value === 'string' && (POSTURE_LEVELS as readonly string[]).includes(value);
}

/** The colour of a risk level; grey when there is no assessment yet. */
export function riskColour(level: RiskLevel | null | undefined): string {
  if (!level) return '#5a6474';
  return LEVEL_COLOURS[RISK_LEVELS.indexOf(level)] ?? '#5a6474';
}

export function postureColour(level: PostureLevel): string {
  return LEVEL_COLOURS[POSTURE_LEVELS.indexOf(level)] ?? '#5a6474';
}

/** The level a score 0–100 falls in, as the server's scoring grades it. */
export function riskLevelForScore(score: number): RiskLevel {
  if (score < 25) return 'low';
  if (score < 50) return 'medium';
  if (score < 75) return 'high';
  return 'critical';
}

/** The badge class of a level (`level-low` … `level-critical`, `level-none`). */
export function levelClass(level: string | null | undefined): string {
  if (isRiskLevel(level)) return `level-badge level-${level}`;
  if (level === 'normal' || level === 'heightened') {
    return `level-badge level-${level === 'normal' ? 'low' : 'medium'}`;
  }
  return 'level-badge level-none';
}
