/**
 * Bar charts in pdfkit vector calls: horizontal bars for categories (label,
 * bar, value) and vertical bars for a series of days. Mirrored for a
 * right-to-left report: labels on the right, bars growing leftwards, the
 * first day on the right.
 */
import type { PdfPrinter } from './sitrep.pdf.printer.js';
import { MUTED, STYLES } from './sitrep.pdf.styles.js';

const BAR = '#3b6ea5';
const ROW = 15;
const COLUMNS_HEIGHT = 80;

interface Bar {
  label: string;
  value: number;
}

function horizontal(printer: PdfPrinter, bars: readonly Bar[], max: number): void {
  const labelWidth = printer.width * 0.34;
  const valueWidth = 36;
  const barSpace = printer.width - labelWidth - valueWidth - 12;
  const top = printer.y;
  bars.forEach((bar, index) => {
    const y = top + index * ROW;
    const length = max > 0 ? (bar.value / max) * barSpace : 0;
    printer.drawText(
      bar.label,
      { x: printer.slot(0, labelWidth), width: labelWidth, top: y + 1 },
      STYLES.cell,
      'end',
    );
    printer.doc
      .rect(printer.slot(labelWidth + 6, length), y + 3, Math.max(length, 0.5), ROW - 6)
      .fillColor(BAR)
      .fill();
    printer.drawText(
      bar.value.toLocaleString('en'),
      { x: printer.slot(labelWidth + 10 + length, valueWidth), width: valueWidth, top: y + 1 },
      { ...STYLES.cell, color: MUTED },
    );
  });
  printer.y = top + bars.length * ROW + 6;
}

function vertical(printer: PdfPrinter, bars: readonly Bar[], max: number): void {
  const slotWidth = printer.width / Math.max(1, bars.length);
  const barWidth = Math.min(36, slotWidth * 0.6);
  const valueTop = printer.y;
  const baseline = valueTop + 12 + COLUMNS_HEIGHT;
  bars.forEach((bar, index) => {
    const x = printer.slot(index * slotWidth, slotWidth);
    const height = max > 0 ? (bar.value / max) * COLUMNS_HEIGHT : 0;
    printer.doc
      .rect(x + (slotWidth - barWidth) / 2, baseline - height, barWidth, Math.max(height, 0.5))
      .fillColor(BAR)
      .fill();
    printer.drawText(
      bar.value.toLocaleString('en'),
      { x, width: slotWidth, top: baseline - height - 11 },
      { ...STYLES.note, size: 7 },
      'center',
    );
    printer.drawText(bar.label, { x, width: slotWidth, top: baseline + 2 }, STYLES.note, 'center');
  });
  printer.doc
    .moveTo(printer.frame.left, baseline)
    .lineTo(printer.frame.right, baseline)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  printer.y = baseline + 18;
}

export function drawBarChart(
  printer: PdfPrinter,
  title: string,
  bars: readonly Bar[],
  orientation: 'horizontal' | 'vertical',
  marking: string,
): void {
  const height = orientation === 'horizontal' ? bars.length * ROW + 6 : COLUMNS_HEIGHT + 30;
  printer.y += 4;
  printer.paragraph(title, STYLES.subheading, 4, height);
  printer.mark(marking);
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  if (orientation === 'horizontal') horizontal(printer, bars, max);
  else vertical(printer, bars, max);
}
