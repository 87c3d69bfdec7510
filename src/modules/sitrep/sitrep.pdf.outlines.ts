/**
 * Shaped Arabic-script runs as PDF path operators: fontkit shapes the run
 * (joining forms, marks, glyphs in visual order) and each glyph's outline is
 * written in font units, offset by its position, as one filled path. A report
 * repeats its headings and labels on every page and row, so each run is
 * shaped and written once per process and then reused.
 */
import type { Font } from 'fontkit';
import { mirrorBrackets } from './sitrep.pdf.bidi.js';
import { fontFor, type FontWeight } from './sitrep.pdf.fonts.js';

interface Command {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

const cache = new Map<string, { operators: string; unitsPerEm: number }>();
const MAX_CACHED_RUNS = 5_000;

const n = (value: number) => String(Math.round(value));

/** PDF path operators for one glyph outline moved by (dx, dy); quadratic curves become cubic. */
function glyphOperators(commands: readonly Command[], dx: number, dy: number): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  for (const { command, args } of commands) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = args;
    switch (command) {
      case 'moveTo':
        out.push(`${n(a + dx)} ${n(b + dy)} m`);
        [x, y] = [a, b];
        break;
      case 'lineTo':
        out.push(`${n(a + dx)} ${n(b + dy)} l`);
        [x, y] = [a, b];
        break;
      case 'quadraticCurveTo': {
        const c1 = [x + ((a - x) * 2) / 3, y + ((b - y) * 2) / 3];
        const c2 = [c + ((a - c) * 2) / 3, d + ((b - d) * 2) / 3];
        out.push(
          `${n((c1[0] ?? 0) + dx)} ${n((c1[1] ?? 0) + dy)} ${n((c2[0] ?? 0) + dx)} ${n((c2[1] ?? 0) + dy)} ${n(c + dx)} ${n(d + dy)} c`,
        );
        [x, y] = [c, d];
        break;
      }
      case 'bezierCurveTo':
        out.push(`${n(a + dx)} ${n(b + dy)} ${n(c + dx)} ${n(d + dy)} ${n(e + dx)} ${n(f + dy)} c`);
        [x, y] = [e, f];
        break;
      case 'closePath':
        out.push('h');
        break;
    }
  }
  return out.join(' ');
}

function shape(font: Font, text: string, rtl: boolean): string {
  const run = font.layout(text, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
  const parts: string[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    if (!position) return;
    const commands = glyph.path.commands as Command[];
    if (commands.length > 0)
      parts.push(glyphOperators(commands, pen + position.xOffset, position.yOffset));
    pen += position.xAdvance;
  });
  return parts.join(' ');
}

/**
 * Fills the shaped run with its origin at (x, baseline) in the document's
 * coordinates (y down), `size` points high, in `color`.
 */
export function fillArabicRun(
  doc: PDFKit.PDFDocument,
  run: { text: string; rtl: boolean },
  at: { x: number; baseline: number; size: number; weight: FontWeight; color: string },
): void {
  const key = `${at.weight}|${run.rtl ? 'r' : 'l'}|${run.text}`;
  let shaped = cache.get(key);
  if (!shaped) {
    const font = fontFor('arabic', at.weight);
    // fontkit reverses a right-to-left run but does not mirror its brackets: "(دن)" must show as such.
    const text = run.rtl ? mirrorBrackets(run.text) : run.text;
    shaped = { operators: shape(font, text, run.rtl), unitsPerEm: font.unitsPerEm };
    if (cache.size >= MAX_CACHED_RUNS) cache.clear();
    cache.set(key, shaped);
  }
  if (shaped.operators === '') return;
  const scale = at.size / shaped.unitsPerEm;
  doc.save().fillColor(at.color).transform(scale, 0, 0, -scale, at.x, at.baseline);
  doc.addContent(`${shaped.operators} f`);
  doc.restore();
}
