/**
 * The escort form's draft and the problems the server would refuse it for
 * (movements.schema escortInputSchema): codes of 4–32 characters that
 * differ, a strength of at least one. Vehicles are typed one a line, the
 * kind first and the registration (if any) as the last word with a digit.
 */
import type { EscortInput } from '../../api/movements';

export interface EscortDraft {
  orgId: string;
  unit: string;
  callSign: string;
  strength: string;
  /** One vehicle a line, e.g. "Land Cruiser LEA-4411". */
  vehicles: string;
  checkinCode: string;
  duressCode: string;
}

export type EscortProblem = 'required' | 'strength' | 'codeLength' | 'codesEqual';

export function checkEscort(draft: EscortDraft): Record<string, EscortProblem> {
  const problems: Record<string, EscortProblem> = {};
  if (!draft.orgId) problems.orgId = 'required';
  if (!draft.unit.trim()) problems.unit = 'required';
  if (!draft.callSign.trim()) problems.callSign = 'required';
  const strength = Number(draft.strength);
  if (!Number.isInteger(strength) || strength < 1 || strength > 1000)
    problems.strength = 'strength';
  for (const key of ['checkinCode', 'duressCode'] as const) {
    const length = draft[key].length;
    if (length < 4 || length > 32) problems[key] = 'codeLength';
  }
  if (!problems.duressCode && draft.checkinCode === draft.duressCode)
    problems.duressCode = 'codesEqual';
  return problems;
}

/** "Land Cruiser LEA-4411" → kind "Land Cruiser", registration "LEA-4411". */
export function vehicleOf(line: string): { kind: string; registration?: string } {
  const words = line.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && /\d/.test(last)) {
    return { kind: words.slice(0, -1).join(' '), registration: last };
  }
  return { kind: words.join(' ') };
}

export function escortInput(draft: EscortDraft): EscortInput {
  return {
    orgId: draft.orgId,
    unit: draft.unit.trim(),
    callSign: draft.callSign.trim(),
    strength: Number(draft.strength),
    vehicles: draft.vehicles
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(vehicleOf),
    checkinCode: draft.checkinCode,
    duressCode: draft.duressCode,
  };
}
