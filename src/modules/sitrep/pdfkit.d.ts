/** pdfkit 0.20 options that @types/pdfkit (0.17) does not list yet. */
import type { Font } from 'fontkit';

declare global {
  namespace PDFKit.Mixins {
    interface TextOptions {
      /** Horizontal scaling of the glyphs, in per cent. */
      horizontalScaling?: number | undefined;
    }
    interface PDFFont {
      /** pdfkit also takes an opened fontkit font, which saves parsing it again for every document. */
      registerFont(name: string, src: Font): this;
    }
  }
}
