/**
 * The PDF side of SitrepPrinter: a cursor down A4 pages, headings, notes,
 * figures and tables that break across pages (repeating their header row),
 * mirrored for a right-to-left report. It records, per page, the markings
 * of what it drew, so that each page's banner can carry the highest of them.
 */
import { drawBarChart } from './sitrep.pdf.charts.js';
import { MUTED, RULE, STYLES } from './sitrep.pdf.styles.js';
import type { Align, TextSetter, TextStyle } from './sitrep.pdf.text.js';
import type { SitrepLanguage } from './sitrep.schema.js';
import type { SitrepPrinter, TableColumn, TableRow } from './sitrep.section.js';
import type { SitrepTexts } from './sitrep.texts.js';

const CELL_PAD = 3;

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export class PdfPrinter implements SitrepPrinter {
  y: number;
  /** The markings drawn on each page, by page index. */
  readonly pageMarkings: Set<string>[] = [new Set()];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly texts: SitrepTexts,
    readonly language: SitrepLanguage,
    readonly setter: TextSetter,
    readonly frame: Frame,
  ) {
    this.y = frame.top;
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  /** The x of a box `offset` from the reading start of the frame (the right edge in Urdu). */
  slot(offset: number, width: number): number {
    return this.setter.rtl ? this.frame.right - offset - width : this.frame.left + offset;
  }

  mark(marking: string): void {
    this.pageMarkings.at(-1)?.add(marking);
  }

  newPage(): void {
    this.doc.addPage();
    this.pageMarkings.push(new Set());
    this.y = this.frame.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.frame.bottom && this.y > this.frame.top) this.newPage();
  }

  /** Lines of `text` in a box, from `top`; returns the height used. */
  drawText(
    text: string,
    box: { x: number; width: number; top: number },
    style: TextStyle,
    align: Align = 'start',
  ): number {
    const rtl = this.setter.isRtl(text);
    let top = box.top;
    for (const line of this.setter.lines(text, style, box.width)) {
      this.setter.drawLine(line, { ...box, top }, style, align, rtl);
      top += this.setter.metrics(line, style).height;
    }
    return top - box.top;
  }

  textHeight(text: string, style: TextStyle, width: number): number {
    return this.setter
      .lines(text, style, width)
      .reduce((sum, line) => sum + this.setter.metrics(line, style).height, 0);
  }

  paragraph(text: string, style: TextStyle, gapAfter: number, keepWith = 0): void {
    const rtl = this.setter.isRtl(text);
    const box = { x: this.frame.left, width: this.width };
    for (const line of this.setter.lines(text, style, this.width)) {
      const height = this.setter.metrics(line, style).height;
      this.ensure(height + keepWith);
      this.setter.drawLine(line, { ...box, top: this.y }, style, 'start', rtl);
      this.y += height;
    }
    this.y += gapAfter;
  }

  heading(text: string): void {
    this.y += 10;
    this.paragraph(text, STYLES.heading, 4, 60);
    this.doc
      .moveTo(this.frame.left, this.y - 2)
      .lineTo(this.frame.right, this.y - 2)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    this.y += 4;
  }

  subheading(text: string): void {
    this.y += 4;
    this.paragraph(text, STYLES.subheading, 3, 40);
  }

  note(text: string): void {
    this.paragraph(text, STYLES.note, 4);
  }

  emptyState(text: string): void {
    this.paragraph(text, { ...STYLES.body, color: MUTED }, 6);
  }

  figures(items: readonly { label: string; value: string }[], marking: string): void {
    const gap = 8;
    const boxWidth = (this.width - gap * (items.length - 1)) / items.length;
    const height = 44;
    this.ensure(height + 6);
    this.mark(marking);
    items.forEach((item, index) => {
      const x = this.slot(index * (boxWidth + gap), boxWidth);
      this.doc.rect(x, this.y, boxWidth, height).fillColor('#f4f6f8').fill();
      this.drawText(item.value, { x: x + 6, width: boxWidth - 12, top: this.y + 4 }, STYLES.figure);
      this.drawText(item.label, { x: x + 6, width: boxWidth - 12, top: this.y + 28 }, STYLES.note);
    });
    this.y += height + 8;
  }

  table(columns: readonly TableColumn[], rows: readonly TableRow[]): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.width);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const box = (i: number) => ({
      x: this.slot(offsets[i] ?? 0, widths[i] ?? 0) + CELL_PAD,
      width: (widths[i] ?? 0) - 2 * CELL_PAD,
    });
    const heightOf = (cells: readonly string[], style: TextStyle) =>
      Math.max(...cells.map((cell, i) => this.textHeight(cell, style, box(i).width))) +
      2 * CELL_PAD;
    const drawRow = (cells: readonly string[], style: TextStyle, height: number, shade: string) => {
      if (shade !== '')
        this.doc.rect(this.frame.left, this.y, this.width, height).fillColor(shade).fill();
      cells.forEach((cell, i) =>
        this.drawText(cell, { ...box(i), top: this.y + CELL_PAD }, style, columns[i]?.align),
      );
      this.doc
        .moveTo(this.frame.left, this.y + height)
        .lineTo(this.frame.right, this.y + height)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.y += height;
    };
    const labels = columns.map((column) => column.label);
    const headerHeight = heightOf(labels, STYLES.cellHeader);
    const firstHeight = rows[0] ? heightOf(rows[0].cells, STYLES.cell) : 0;
    this.ensure(headerHeight + firstHeight);
    drawRow(labels, STYLES.cellHeader, headerHeight, '#e9edf2');
    for (const row of rows) {
      const height = heightOf(row.cells, STYLES.cell);
      if (this.y + height > this.frame.bottom) {
        this.newPage();
        drawRow(labels, STYLES.cellHeader, headerHeight, '#e9edf2');
      }
      this.mark(row.marking);
      drawRow(row.cells, STYLES.cell, height, '');
    }
    this.y += 6;
  }

  barChart(
    title: string,
    bars: readonly { label: string; value: number }[],
    orientation: 'horizontal' | 'vertical',
    marking: string,
  ): void {
    drawBarChart(this, title, bars, orientation, marking);
  }
}
