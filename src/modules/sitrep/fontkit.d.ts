/**
 * The little of fontkit (pdfkit's font engine, a direct dependency for the
 * PDF situation report) that the report uses: shaping a run of text into
 * positioned glyphs, and each glyph's outline. fontkit ships no types.
 */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    name: string;
    /** The characters the glyph stands for (none for a mark split off by shaping). */
    codePoints: number[];
    advanceWidth: number;
    /** The outline in font units, y up. */
    path: { commands: { command: string; args: number[] }[] };
  }

  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface GlyphRun {
    /** In visual order: fontkit reverses a right-to-left run after shaping. */
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
    direction: 'ltr' | 'rtl';
  }

  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    availableFeatures: string[];
    layout(
      text: string,
      features?: string[] | Record<string, boolean>,
      script?: string,
      language?: string,
      direction?: 'ltr' | 'rtl',
    ): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Every code point the character map covers. */
    characterSet: number[];
  }

  export function create(buffer: Uint8Array): Font;
}
