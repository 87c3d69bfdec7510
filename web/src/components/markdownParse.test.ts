import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdownParse';

describe('narrative Markdown', () => {
  it('keeps links only to absolute http(s) addresses', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
    const inlines = parseInline('[ok](https://example.org) and [bad](javascript:alert(1))');
    expect(inlines.filter((i) => i.kind === 'link')).toEqual([
      { kind: 'link', href: 'https://example.org/', children: [{ kind: 'text', text: 'ok' }] },
    ]);
  });

  it('reads headings, lists, emphasis and code, and never HTML', () => {
    const blocks = parseMarkdown(
      '# Threat\n\n**Planning** near *Besham*.\n\n- one\n- two\n\n<script>alert(1)</script>',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'paragraph']);
    const last = blocks.at(-1);
    expect(last).toEqual({
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }],
    });
  });

  it('keeps unmatched delimiters as text', () => {
    const blocks = parseMarkdown('*[ a ** b [c](');
    expect(blocks).toHaveLength(1);
    const text = JSON.stringify(blocks);
    expect(text).not.toContain('"link"');
    expect(text).toContain('c](');
  });
});
