/** File names from uploaders become safe to store and to send back in a header. */
import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_FILE_NAME_CHARS, sanitiseFileName } from './attachments.names.js';

describe('sanitiseFileName', () => {
  it('keeps only the last path segment and drops control and direction characters', () => {
    expect(sanitiseFileName('C:\\Users\\x\\..\\report.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('../../etc/passwd.png')).toBe('passwd.png');
    expect(sanitiseFileName('re\u0000po\u0007rt\u202Efdp.png')).toBe('reportfdp.png');
    expect(sanitiseFileName('\u200Bnotes\u2066.pdf\u2069')).toBe('notes.pdf');
    expect(sanitiseFileName('line\r\nbreak\t.pdf')).toBe('linebreak.pdf');
  });

  it('drops leading dots and names an empty result "attachment"', () => {
    expect(sanitiseFileName('.hidden.png')).toBe('hidden.png');
    expect(sanitiseFileName('..')).toBe('attachment');
    expect(sanitiseFileName('   ')).toBe('attachment');
  });

  it('cuts long names to 200 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'会议纪要'.repeat(100)}.pdf`);
    expect([...name]).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('要.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('always says attachment, with a quoted ASCII fallback and the exact name in UTF-8', () => {
    expect(contentDisposition('a "quoted" \\ name (1).pdf')).toBe(
      `attachment; filename="a _quoted_ _ name (1).pdf"; filename*=UTF-8''a%20%22quoted%22%20%5C%20name%20%281%29.pdf`,
    );
    expect(contentDisposition('会议.png')).toBe(
      `attachment; filename="__.png"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.png`,
    );
  });
});
