/**
 * Splits one line of text into runs by script (Han -> Noto Sans SC,
 * Arabic script -> Noto Naskh Arabic, the rest -> Noto Sans) and direction,
 * and puts the runs in visual order, left to right. pdfkit lays text out
 * left to right only, and fontkit, which shapes Arabic script, reverses the
 * glyphs of a right-to-left run but knows nothing of the runs around it:
 * ordering runs is ours.
 *
 * This is the Unicode Bidirectional Algorithm (UAX #9) reduced to what a
 * report line holds — no explicit embeddings or isolates: strong
 * left-to-right and right-to-left characters, European and Arabic-Indic
 * digits, and neutrals (spaces, punctuation), resolved by rules W2, W7, N1,
 * N2, I1 and I2, then reordered by L2. The paragraph's base direction is the
 * report's (Urdu: right to left), not guessed from the text.
 */
import type { FontScript } from './sitrep.pdf.fonts.js';

type Kind = 'L' | 'R' | 'EN' | 'AN' | 'N';

interface Char {
  text: string;
  kind: Kind;
  /** The script's font; undefined for neutrals, which take a neighbour's. */
  script: FontScript | undefined;
}

export interface Run {
  /** The run's characters in logical order. */
  text: string;
  script: FontScript;
  /** The bidi embedding level: odd levels read right to left. */
  level: number;
}

const isArabicScript = (cp: number) =>
  (cp >= 0x0600 && cp <= 0x06ff) ||
  (cp >= 0x0750 && cp <= 0x077f) ||
  (cp >= 0x08a0 && cp <= 0x08ff) ||
  (cp >= 0xfb50 && cp <= 0xfdff) ||
  (cp >= 0xfe70 && cp <= 0xfeff);
const isArabicDigit = (cp: number) =>
  (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9);
const isHan = (cp: number) =>
  (cp >= 0x2e80 && cp <= 0x2fdf) ||
  (cp >= 0x3000 && cp <= 0x30ff) ||
  (cp >= 0x3400 && cp <= 0x4dbf) ||
  (cp >= 0x4e00 && cp <= 0x9fff) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xff00 && cp <= 0xffef) ||
  (cp >= 0x20000 && cp <= 0x3ffff);
/** Combining marks and joiners belong to the character before them. */
const attaches = (char: string) => /\p{M}/u.test(char) || char === '\u200c' || char === '\u200d';

function classify(char: string): Omit<Char, 'text'> {
  const cp = char.codePointAt(0) ?? 0;
  if (isArabicDigit(cp)) return { kind: 'AN', script: 'arabic' };
  if (isArabicScript(cp)) return { kind: 'R', script: 'arabic' };
  if (isHan(cp)) return { kind: 'L', script: 'han' };
  if (cp >= 0x30 && cp <= 0x39) return { kind: 'EN', script: 'latin' };
  if (/\p{L}/u.test(char)) return { kind: 'L', script: 'latin' };
  return { kind: 'N', script: undefined };
}

/** European separators, common separators and terminators of numbers (W4, W5). */
const NUMBER_SEPARATORS = new Set(['+', '-', ',', '.', '/', ':', '\u00a0']);
const NUMBER_TERMINATORS = new Set(['#', '$', '%', '°', '€', '£', '¥', '₨']);

function charsOf(text: string): Char[] {
  const chars: Char[] = [];
  for (const char of text) {
    const last = chars.at(-1);
    if (last && attaches(char)) last.text += char;
    else chars.push({ text: char, ...classify(char) });
  }
  // W4: one separator between two digits of a kind is part of the number (2026-11-28, 09:00).
  // W5: a terminator next to European digits is part of the number (#31, 40%).
  chars.forEach((char, index) => {
    if (char.kind !== 'N') return;
    const before = chars[index - 1]?.kind;
    const after = chars[index + 1]?.kind;
    const between = before === after && (before === 'EN' || before === 'AN');
    if (between && NUMBER_SEPARATORS.has(char.text)) {
      char.kind = before;
      char.script = chars[index - 1]?.script;
    } else if (NUMBER_TERMINATORS.has(char.text) && (before === 'EN' || after === 'EN')) {
      char.kind = 'EN';
      char.script = 'latin';
    }
  });
  return chars;
}

/**
 * The direction of a paragraph from its first strong character (P2, P3):
 * record content keeps its own direction, an English title in an Urdu
 * report reads left to right. Without one (a date, a number), `fallbackRtl`.
 */
export function paragraphIsRtl(text: string, fallbackRtl: boolean): boolean {
  for (const char of text) {
    const { kind } = classify(char);
    if (kind === 'L') return false;
    if (kind === 'R') return true;
  }
  return fallbackRtl;
}

/** W2 and W7: a number takes the direction of the strong character before it (or the paragraph's). */
function numberDirections(chars: readonly Char[], baseRtl: boolean): ('L' | 'R' | undefined)[] {
  let lastStrong: 'L' | 'R' = baseRtl ? 'R' : 'L';
  return chars.map((char) => {
    if (char.kind === 'L' || char.kind === 'R') lastStrong = char.kind;
    if (char.kind === 'AN') return 'R';
    if (char.kind === 'EN') return lastStrong;
    return char.kind === 'N' ? undefined : char.kind;
  });
}

/** Embedding level of each character (rules N1, N2, I1, I2). */
function levelsOf(chars: readonly Char[], baseRtl: boolean): number[] {
  const base = baseRtl ? 'R' : 'L';
  const directions = numberDirections(chars, baseRtl);
  const strongLevel = (direction: 'L' | 'R') => (direction === 'R' ? 1 : baseRtl ? 2 : 0);
  return chars.map((char, index) => {
    if (char.kind === 'EN' || char.kind === 'AN')
      return !baseRtl && directions[index] === 'L' ? 0 : 2;
    const own = directions[index];
    if (own) return strongLevel(own);
    let before: 'L' | 'R' = base;
    for (let i = index - 1; i >= 0; i--) {
      const d = directions[i];
      if (d) {
        before = d;
        break;
      }
    }
    let after: 'L' | 'R' = base;
    for (let i = index + 1; i < chars.length; i++) {
      const d = directions[i];
      if (d) {
        after = d;
        break;
      }
    }
    return strongLevel(before === after ? before : base);
  });
}

/** A neutral is drawn in the font of a neighbour at the same level, if that font has it. */
function scriptsOf(
  chars: readonly Char[],
  levels: readonly number[],
  covers: (script: FontScript, text: string) => boolean,
): FontScript[] {
  return chars.map((char, index) => {
    if (char.script) return covers(char.script, char.text) ? char.script : 'latin';
    const level = levels[index];
    for (const neighbour of [index - 1, index + 1]) {
      const script = chars[neighbour]?.script;
      if (script && levels[neighbour] === level && covers(script, char.text)) return script;
    }
    return 'latin';
  });
}

/** Runs of one script and level, in logical order. */
export function logicalRuns(
  text: string,
  baseRtl: boolean,
  covers: (script: FontScript, text: string) => boolean,
): Run[] {
  const chars = charsOf(text);
  const levels = levelsOf(chars, baseRtl);
  const scripts = scriptsOf(chars, levels, covers);
  const runs: Run[] = [];
  chars.forEach((char, index) => {
    const level = levels[index] ?? 0;
    const script = scripts[index] ?? 'latin';
    const last = runs.at(-1);
    if (last && last.level === level && last.script === script) last.text += char.text;
    else runs.push({ text: char.text, script, level });
  });
  return runs;
}

/** L2: from the highest level down to the lowest odd one, reverse every stretch at that level or above. */
export function visualOrder(runs: readonly Run[]): Run[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((l) => l % 2 === 1));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    let start = 0;
    while (start < ordered.length) {
      if ((ordered[start]?.level ?? 0) < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < ordered.length && (ordered[end]?.level ?? 0) >= level) end += 1;
      ordered.splice(start, end - start, ...ordered.slice(start, end).reverse());
      start = end;
    }
  }
  return ordered;
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

/** Brackets swapped for their mirror images, as a right-to-left run shows them (L4). */
export function mirrorBrackets(text: string): string {
  return [...text].map((char) => MIRRORED[char] ?? char).join('');
}

/** The characters of a right-to-left run that no shaping engine reverses (neutrals drawn in Noto Sans), in visual order. */
export function reversedNeutrals(text: string): string {
  return mirrorBrackets([...text].reverse().join(''));
}
