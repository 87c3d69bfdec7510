/**
 * Setting text in the PDF: measuring, breaking into lines, and drawing a
 * line as runs in visual order (sitrep.pdf.bidi.ts). Latin and Han runs are
 * ordinary PDF text in their embedded fonts.
 *
 * Arabic-script runs are drawn twice. What the reader sees is fontkit's
 * shaping (joined letter forms, marks, glyphs in visual order) drawn as
 * glyph outlines. Under it lies the same run as invisible text in the
 * embedded Naskh font, one glyph per character, unshaped, stretched to the
 * same width: that is what search, copy and text extraction read. Shaped
 * glyphs cannot carry the text themselves: Naskh draws ب ت ث ن ی from one
 * dotless skeleton plus dot glyphs, so a PDF's one-Unicode-value-per-glyph
 * map makes them all read as one letter and the dots as nothing, and pdfkit
 * also lays out a run word by word, which puts Urdu words in left-to-right
 * order. fontkit reverses an unshaped right-to-left run too, so the
 * invisible glyphs are in visual order, which PDF readers turn back into
 * reading order with their own bidi step.
 */
import type { Font } from 'fontkit';
import {
  logicalRuns,
  paragraphIsRtl,
  reversedNeutrals,
  visualOrder,
  type Run,
} from './sitrep.pdf.bidi.js';
import { covers, fontFor, pdfFontName, type FontWeight } from './sitrep.pdf.fonts.js';
import { fillArabicRun } from './sitrep.pdf.outlines.js';

export interface TextStyle {
  size: number;
  weight: FontWeight;
  color: string;
}

export type Align = 'start' | 'end' | 'center';

const isArabic = (text: string) =>
  /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufeff]/u.test(text);
/** Where a line may break: after a word and its spaces, or around a Han character. */
const BREAK_UNIT =
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef] *|[^ \u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+ *| +/gu;

/** Widths of words in em, by font and word: shared by every document, emptied when large. */
const wordWidths = new Map<string, number>();
const MAX_CACHED_WORDS = 50_000;

function wordWidth(script: Run['script'], weight: FontWeight, word: string): number {
  const key = `${script}|${weight}|${word}`;
  let width = wordWidths.get(key);
  if (width === undefined) {
    const font = fontFor(script, weight);
    width = font.layout(word).advanceWidth / font.unitsPerEm;
    if (wordWidths.size >= MAX_CACHED_WORDS) wordWidths.clear();
    wordWidths.set(key, width);
  }
  return width;
}

/** Every feature off: fontkit then maps each character to its own glyph. */
function noShaping(font: Font): Record<string, boolean> {
  return Object.fromEntries(font.availableFeatures.map((feature) => [feature, false]));
}

export class TextSetter {
  private readonly textWidths = new Map<string, number>();
  private readonly broken = new Map<string, string[]>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    /** The paragraph direction: right to left for Urdu. */
    readonly rtl: boolean,
  ) {}

  private runsOf(text: string, rtl = this.rtl): Run[] {
    return logicalRuns(text, rtl, covers);
  }

  /** The reading direction of a paragraph: its own (first strong character), else the report's. */
  isRtl(text: string): boolean {
    return paragraphIsRtl(text, this.rtl);
  }

  /**
   * A run's width as the sum of its words' and spaces' widths, each laid out
   * once: shaping never joins across a space (pdfkit lays Latin text out word
   * by word too), and a report repeats the same words many times.
   */
  private runWidth(run: Run, style: TextStyle): number {
    let units = 0;
    for (const piece of run.text.split(/( +)/u))
      if (piece !== '') units += wordWidth(run.script, style.weight, piece);
    return units * style.size;
  }

  widthOf(text: string, style: TextStyle): number {
    const key = `${style.weight}|${text}`;
    let units = this.textWidths.get(key);
    if (units === undefined) {
      units = this.runsOf(text).reduce(
        (sum, run) => sum + this.runWidth(run, { ...style, size: 1 }),
        0,
      );
      this.textWidths.set(key, units);
    }
    return units * style.size;
  }

  /** Line height and the baseline's distance from the line's top. */
  metrics(line: string, style: TextStyle): { height: number; baseline: number } {
    return isArabic(line)
      ? { height: style.size * 1.9, baseline: style.size * 1.25 }
      : { height: style.size * 1.45, baseline: style.size * 1.08 };
  }

  /** Breaks at spaces and around Han characters; a word wider than the line is split where it must. */
  lines(text: string, style: TextStyle, maxWidth: number): string[] {
    const key = `${style.weight}|${style.size}|${maxWidth}|${text}`;
    let lines = this.broken.get(key);
    if (!lines) {
      lines = this.breakLines(text, style, maxWidth);
      this.broken.set(key, lines);
    }
    return lines;
  }

  private breakLines(text: string, style: TextStyle, maxWidth: number): string[] {
    const units = text.replace(/\s+/gu, ' ').trim().match(BREAK_UNIT) ?? [];
    const out: string[] = [];
    let line = '';
    // Shaping never joins across a space or a Han character, so a line is as wide as its units.
    let width = 0;
    for (const unit of units) {
      if (line !== '' && width + this.widthOf(unit.trimEnd(), style) > maxWidth) {
        out.push(line.trimEnd());
        line = '';
        width = 0;
      }
      if (line === '' && this.widthOf(unit.trimEnd(), style) > maxWidth) {
        const pieces = this.splitWord(unit.trimEnd(), style, maxWidth);
        out.push(...pieces.slice(0, -1));
        line = (pieces.at(-1) ?? '') + (unit.endsWith(' ') ? ' ' : '');
        width = this.widthOf(line, style);
        continue;
      }
      line += unit;
      width += this.widthOf(unit, style);
    }
    if (line.trim() !== '' || out.length === 0) out.push(line.trimEnd());
    return out;
  }

  /** A word too wide for the line, cut into pieces that fit (the last may be short). */
  private splitWord(word: string, style: TextStyle, maxWidth: number): string[] {
    const pieces: string[] = [];
    let rest = [...word];
    while (rest.length > 1 && this.widthOf(rest.join(''), style) > maxWidth) {
      let fit = rest.length - 1;
      while (fit > 1 && this.widthOf(rest.slice(0, fit).join(''), style) > maxWidth) fit -= 1;
      pieces.push(rest.slice(0, fit).join(''));
      rest = rest.slice(fit);
    }
    pieces.push(rest.join(''));
    return pieces;
  }

  /**
   * Draws one line in the box [x, x + width], `top` being the line's top
   * edge; `rtl` is the paragraph's direction, alignment follows the report's.
   * Runs are placed in visual order but written in reading order, so that a
   * PDF reader's text (search, copy, extraction) follows the reading order.
   */
  drawLine(
    line: string,
    box: { x: number; width: number; top: number },
    style: TextStyle,
    align: Align,
    rtl = this.isRtl(line),
  ) {
    const logical = this.runsOf(line, rtl);
    const widths = new Map(logical.map((run) => [run, this.runWidth(run, style)]));
    const lineWidth = logical.reduce((sum, run) => sum + (widths.get(run) ?? 0), 0);
    const side =
      align === 'center' ? 'center' : (align === 'start') !== this.rtl ? 'left' : 'right';
    let pen =
      side === 'left'
        ? box.x
        : side === 'right'
          ? box.x + box.width - lineWidth
          : box.x + (box.width - lineWidth) / 2;
    const xs = new Map<Run, number>();
    for (const run of visualOrder(logical)) {
      xs.set(run, pen);
      pen += widths.get(run) ?? 0;
    }
    const baseline = box.top + this.metrics(line, style).baseline;
    for (const run of logical) {
      const x = xs.get(run) ?? box.x;
      if (run.script === 'arabic') this.drawArabic(run, x, baseline, widths.get(run) ?? 0, style);
      else {
        this.doc
          .font(pdfFontName(run.script, style.weight))
          .fontSize(style.size)
          .fillColor(style.color)
          .text(run.level % 2 === 1 ? reversedNeutrals(run.text) : run.text, x, baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
          });
      }
    }
  }

  private drawArabic(run: Run, x: number, baseline: number, width: number, style: TextStyle) {
    fillArabicRun(
      this.doc,
      { text: run.text, rtl: run.level % 2 === 1 },
      { x, baseline, size: style.size, weight: style.weight, color: style.color },
    );
    const font = fontFor('arabic', style.weight);
    // The text layer: invisible, unshaped, as wide as what is seen.
    const features = noShaping(font);
    // pdfkit hands `features` to fontkit, which also takes an object of on/off flags; the types know only the array form.
    const asOptions = features as unknown as PDFKit.Mixins.OpenTypeFeatures[];
    this.doc.save().fillOpacity(0).font(pdfFontName('arabic', style.weight)).fontSize(style.size);
    const plainWidth = this.doc.widthOfString(run.text, { features: asOptions });
    this.doc.text(run.text, x, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      features: asOptions,
      horizontalScaling: plainWidth > 0 ? (100 * width) / plainWidth : 100,
    });
    this.doc.restore();
  }
}
