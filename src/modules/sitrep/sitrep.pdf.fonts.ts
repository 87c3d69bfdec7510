/**
 * The report's fonts: Noto Sans (Latin and the rest), Noto Sans SC (Han) and
 * Noto Naskh Arabic (Urdu), regular and bold, from the npm packages that ship
 * them, never from the host system. Each is opened once per process; pdfkit
 * embeds a subset of each in every document that uses it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

export type FontScript = 'latin' | 'han' | 'arabic';
export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontScript, Record<FontWeight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  han: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  },
};

export const FONT_SCRIPTS: readonly FontScript[] = ['latin', 'han', 'arabic'];
export const FONT_WEIGHTS: readonly FontWeight[] = ['regular', 'bold'];

const resolveModule = createRequire(import.meta.url).resolve;

/** Radicals, compatibility ideographs, presentation forms: characters that stand in for others. */
function isCompatibilityForm(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x2fdf) ||
    (codePoint >= 0x3300 && codePoint <= 0x33ff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfeff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x2f800 && codePoint <= 0x2fa1f)
  );
}
const opened = new Map<string, Font>();

/** The font file's path inside node_modules, as Node resolves it from here. */
export function fontPath(script: FontScript, weight: FontWeight): string {
  return resolveModule(FONT_FILES[script][weight]);
}

/**
 * The font, opened once per process and shared by every document. fontkit
 * keeps one glyph object per glyph, holding the characters it was first
 * reached from, and pdfkit writes those into the PDF's text map. Reached
 * first as a part of another glyph (when a document's subset is written) or
 * through shaping (Naskh draws ن from the glyph of ں plus a dot), a glyph
 * would carry no characters or the wrong ones in every later document; so
 * each character's own glyph is created from the character map up front.
 * Han glyphs are neither shaped nor built from parts, and the map is large:
 * they are left to be created as text reaches them.
 */
export function fontFor(script: FontScript, weight: FontWeight): Font {
  const name = pdfFontName(script, weight);
  let font = opened.get(name);
  if (!font) {
    font = create(readFileSync(fontPath(script, weight)));
    if (script !== 'han') {
      // Where characters share a glyph, the ordinary one wins: ب rather than its presentation form ﺏ.
      const characters = [...font.characterSet].sort((a, b) => a - b);
      for (const codePoint of characters.filter((c) => !isCompatibilityForm(c)))
        font.glyphForCodePoint(codePoint);
      for (const codePoint of characters.filter(isCompatibilityForm))
        font.glyphForCodePoint(codePoint);
    }
    opened.set(name, font);
  }
  return font;
}

/** The name a document registers the font under. */
export function pdfFontName(script: FontScript, weight: FontWeight): string {
  return `${script}-${weight}`;
}

/** Whether the font of `script` draws every character of `text` (else Noto Sans does). */
export function covers(script: FontScript, text: string): boolean {
  const font = fontFor(script, 'regular');
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!font.hasGlyphForCodePoint(codePoint)) return false;
  }
  return true;
}
