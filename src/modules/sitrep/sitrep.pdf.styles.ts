/** The PDF report's type sizes and colours. */
import type { TextStyle } from './sitrep.pdf.text.js';

export const INK = '#1f2328';
export const MUTED = '#5b636e';
export const RULE = '#c9ced6';

export const STYLES = {
  title: { size: 18, weight: 'bold', color: INK },
  heading: { size: 12.5, weight: 'bold', color: INK },
  subheading: { size: 9.5, weight: 'bold', color: INK },
  body: { size: 8.5, weight: 'regular', color: INK },
  note: { size: 7.5, weight: 'regular', color: MUTED },
  cell: { size: 7.5, weight: 'regular', color: INK },
  cellHeader: { size: 7.5, weight: 'bold', color: INK },
  figure: { size: 16, weight: 'bold', color: INK },
} as const satisfies Record<string, TextStyle>;

/** TLP 2.0 label colours: coloured text on black. */
export const TLP_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#FFFFFF',
  'TLP:GREEN': '#33FF00',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:RED': '#FF2B2B',
};
