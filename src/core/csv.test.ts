import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from './csv.js';

function parseInChunks(text: string, size: number): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  return [...out, ...parser.finish()];
}

const TRICKY =
  '\ufeffa,b,c\r\n1,"two, with comma","say ""hi"""\r\n"multi\r\nline",,x\n' + 'last,"",end';

describe('the CSV parser', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    expect(parseInChunks(TRICKY, 1_000)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, with comma', 'say "hi"'] },
      { line: 3, fields: ['multi\r\nline', '', 'x'] },
      { line: 5, fields: ['last', '', 'end'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parseInChunks(TRICKY, 1_000);
    for (let size = 1; size <= 7; size++) expect(parseInChunks(TRICKY, size)).toEqual(whole);
  });

  it('skips blank lines and a final line break', () => {
    expect(parseInChunks('a\n\nb\n', 100)).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('refuses a quoted field left open at the end of the file', () => {
    const parser = new CsvParser();
    parser.push('a,"never closed\nmore');
    expect(() => parser.finish()).toThrow(/line 1: a quoted field is not closed/);
  });
});
