/**
 * The situation report as a PDF (pdfkit): the same content as the JSON,
 * with the report's own headings and labels in English, Chinese or Urdu and
 * record content as written. Fonts covering the three scripts are embedded
 * (subsets). Every page carries the report's title, date and organisation, a
 * banner top and bottom with the highest TLP marking of what is on that
 * page (TLP:CLEAR for none), and its number. Urdu pages read right to left.
 */
import PDFDocument from 'pdfkit';
import { FONT_SCRIPTS, FONT_WEIGHTS, fontFor, pdfFontName } from './sitrep.pdf.fonts.js';
import { drawMap } from './sitrep.pdf.map.js';
import { PdfPrinter, type Frame } from './sitrep.pdf.printer.js';
import { MUTED, RULE, STYLES, TLP_COLOURS } from './sitrep.pdf.styles.js';
import { TextSetter } from './sitrep.pdf.text.js';
import type { SitrepLanguage } from './sitrep.schema.js';
import { highestMarking, type MapFeature } from './sitrep.section.js';
import { ANY_SECTIONS, sectionValue } from './sitrep.sections.js';
import type { SitrepReport } from './sitrep.service.js';
import { sitrepTexts } from './sitrep.texts.js';

const PAGE = { width: 595.28, height: 841.89 };
const FRAME: Frame = { left: 42, right: PAGE.width - 42, top: 74, bottom: PAGE.height - 66 };
const MAP_HEIGHT = 250;
const DOCUMENT_LANGUAGE: Record<SitrepLanguage, string> = { en: 'en', zh: 'zh-Hans', ur: 'ur' };

function printTitleBlock(printer: PdfPrinter, report: SitrepReport): void {
  const { texts } = printer;
  printer.paragraph(texts.title, STYLES.title, 6);
  const rows: [string, string][] = [
    [texts.labels.date, report.date],
    [texts.labels.organisation, report.organisation.name],
    [texts.labels.generated, `${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`],
    [
      texts.labels.sources,
      report.sources.map((source) => texts.sources[source] ?? source).join(texts.separator),
    ],
  ];
  const labelWidth = printer.width * 0.24;
  const valueWidth = printer.width - labelWidth;
  for (const [label, value] of rows) {
    const top = printer.y;
    const used = Math.max(
      printer.drawText(
        label,
        { x: printer.slot(0, labelWidth), width: labelWidth, top },
        {
          ...STYLES.body,
          weight: 'bold',
        },
      ),
      printer.drawText(
        value,
        { x: printer.slot(labelWidth, valueWidth), width: valueWidth, top },
        STYLES.body,
      ),
    );
    printer.y = top + used;
  }
  printer.y += 4;
}

function printMap(printer: PdfPrinter, report: SitrepReport): void {
  const features: MapFeature[] = [];
  const notes: string[] = [];
  for (const section of ANY_SECTIONS) {
    const layer = section.mapLayer?.(sectionValue(report, section.key), printer.texts);
    if (!layer) continue;
    features.push(...layer.features);
    if (layer.note) notes.push(layer.note);
  }
  printer.heading(printer.texts.map.title);
  drawMap(printer, features, MAP_HEIGHT);
  printer.note([printer.texts.map.legend, ...notes].join(' '));
}

/** Title line, banners and page number on every page, once the pages' contents are known. */
function decoratePages(printer: PdfPrinter, report: SitrepReport): void {
  const { doc, texts } = printer;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const marking = highestMarking(printer.pageMarkings[index - start] ?? []);
    for (const top of [14, PAGE.height - 30]) {
      doc.rect(FRAME.left, top, printer.width, 16).fillColor('#000000').fill();
      printer.setter.drawLine(
        marking,
        { x: FRAME.left, width: printer.width, top: top + 2 },
        { size: 8, weight: 'bold', color: TLP_COLOURS[marking] ?? '#FFFFFF' },
        'center',
      );
    }
    const title = [texts.title, report.date, report.organisation.name].join('  ·  ');
    const header = { x: FRAME.left, width: printer.width };
    printer.setter.drawLine(title, { ...header, top: 38 }, STYLES.note, 'start');
    doc.moveTo(FRAME.left, 58).lineTo(FRAME.right, 58).lineWidth(0.6).strokeColor(RULE).stroke();
    printer.setter.drawLine(
      texts.page(index - start + 1, count),
      { ...header, top: PAGE.height - 52 },
      { ...STYLES.note, color: MUTED },
      'center',
    );
  }
}

export async function renderSitrepPdf(
  report: SitrepReport,
  language: SitrepLanguage,
): Promise<Buffer> {
  const texts = sitrepTexts(language);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: FRAME.top, bottom: 0, left: FRAME.left, right: FRAME.left },
    bufferPages: true,
    lang: DOCUMENT_LANGUAGE[language],
    info: {
      Title: `${texts.title} ${report.date}`,
      Author: report.organisation.name,
      Creator: 'Tandem',
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const script of FONT_SCRIPTS)
    for (const weight of FONT_WEIGHTS)
      doc.registerFont(pdfFontName(script, weight), fontFor(script, weight));

  const printer = new PdfPrinter(
    doc,
    texts,
    language,
    new TextSetter(doc, language === 'ur'),
    FRAME,
  );
  printTitleBlock(printer, report);
  printMap(printer, report);
  for (const section of ANY_SECTIONS) section.print(sectionValue(report, section.key), printer);
  for (const section of ANY_SECTIONS)
    section.printAnnex?.(sectionValue(report, section.key), printer);
  decoratePages(printer, report);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
