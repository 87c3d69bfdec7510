import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-write.js';

describe('CSV writing', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe(
      '"a,b","say ""hi""","two\nlines",,3\n',
    );
  });

  it('keeps spreadsheet formulas from running, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('Besham')).toBe('Besham');
  });
});
