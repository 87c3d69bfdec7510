/**
 * Markdown -> blocks -> inlines, as plain data: the parsing half of the
 * Markdown renderer (Markdown.tsx). Pure, with no React and no HTML.
 * Searches for a closing delimiter look a bounded distance ahead, so a
 * narrative full of unmatched `*` or `[` still parses in linear-ish time.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** How far ahead a closing delimiter is looked for. */
const LOOKAHEAD = 1000;
/** Emphasis inside emphasis inside … stops being parsed here. */
const MAX_DEPTH = 6;

// Linear regexes only: a narrative is up to 50,000 characters typed by anyone.
const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const ESCAPABLE = /[\\`*_[\]()#+\-.!<>~]/;

/** An absolute http(s) address, normalised, or undefined for anything else. */
export function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function closing(text: string, delimiter: string, from: number): number {
  const end = Math.min(text.length, from + LOOKAHEAD);
  // Emphasis needs something to emphasise: "****" is four stars, not an empty strong.
  let content = from;
  while (content < end && (text[content] === '*' || text[content] === '_')) content += 1;
  for (let at = text.indexOf(delimiter, content + 1); at !== -1 && at < end;) {
    // A closer follows text, not a space ("a * b * c" is no emphasis), and a
    // single delimiter is not half of a double one ("*a **b** c*").
    const partOfDouble =
      delimiter.length === 1 && (text[at + 1] === delimiter || text[at - 1] === delimiter);
    if (!/\s/.test(text[at - 1] ?? '') && !partOfDouble) return at;
    at = text.indexOf(delimiter, at + 1);
  }
  return -1;
}

/** The `)` that closes a link's address, allowing balanced parentheses inside it. */
function closingParenthesis(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let at = from; at < limit; at += 1) {
    if (text[at] === '(') depth += 1;
    else if (text[at] === ')' && depth-- === 0) return at;
  }
  return -1;
}

function linkAt(text: string, open: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  const limit = Math.min(text.length, open + LOOKAHEAD);
  for (let at = open; at < limit; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '[') depth += 1;
    else if (char === ']' && --depth === 0) {
      if (text[at + 1] !== '(') return null;
      const close = closingParenthesis(text, at + 2, limit);
      if (close === -1) return null;
      // The address ends at the first space: a quoted title after it is ignored.
      const target =
        text
          .slice(at + 2, close)
          .trim()
          .split(/\s+/)[0] ?? '';
      return {
        label: text.slice(open + 1, at),
        href: target.replace(/^<|>$/g, ''),
        end: close + 1,
      };
    }
  }
  return null;
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  const push = (inline: Inline) => {
    flush();
    out.push(inline);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (char === '\\' && ESCAPABLE.test(next)) {
      plain += next;
      i += 2;
    } else if (char === '\n') {
      push({ kind: 'break' });
      i += 1;
    } else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end === -1 || end - i > LOOKAHEAD) {
        plain += char;
        i += 1;
      } else {
        push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
      }
    } else if ((char === '*' || char === '_') && depth < MAX_DEPTH) {
      const double = next === char;
      const delimiter = double ? char + char : char;
      // snake_case_words are not emphasis.
      const intraword = char === '_' && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '');
      const start = i + delimiter.length;
      const end = intraword || /\s/.test(text[start] ?? ' ') ? -1 : closing(text, delimiter, start);
      if (end === -1) {
        plain += delimiter;
        i = start;
      } else {
        const children = parseInline(text.slice(start, end), depth + 1);
        push({ kind: double ? 'strong' : 'em', children });
        i = end + delimiter.length;
      }
    } else if (char === '[' && depth < MAX_DEPTH) {
      const link = linkAt(text, i);
      if (!link) {
        plain += char;
        i += 1;
      } else {
        const children = parseInline(link.label, depth + 1);
        const href = safeHref(link.href);
        if (href) {
          push({ kind: 'link', href, children });
        } else {
          // Not a web address: keep the words, drop the link.
          flush();
          out.push(...children);
        }
        i = link.end;
      }
    } else if (char === '<' && /^<https?:\/\/[^\s<>]+>/.test(text.slice(i, i + LOOKAHEAD))) {
      const end = text.indexOf('>', i);
      const raw = text.slice(i + 1, end);
      const href = safeHref(raw);
      if (href) push({ kind: 'link', href, children: [{ kind: 'text', text: raw }] });
      else plain += text.slice(i, end + 1);
      i = end + 1;
    } else {
      plain += char;
      i += 1;
    }
  }
  flush();
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
  const startsBlock = (line: string) =>
    HEADING.test(line) ||
    BULLET.test(line) ||
    NUMBERED.test(line) ||
    QUOTE.test(line) ||
    FENCE.test(line) ||
    RULE.test(line);
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) {
        body.push(lines[i] ?? '');
        i += 1;
      }
      blocks.push({ kind: 'code', text: body.join('\n') });
      i += 1; // the closing fence, or past the end
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        // A closing run of # ("## Title ##") is decoration.
        inlines: parseInline((heading[2] ?? '').replace(/\s#+\s*$/, '').trim()),
      });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (let match = QUOTE.exec(line); match; match = QUOTE.exec(lines[i] ?? '')) {
        quoted.push(match[1] ?? '');
        i += 1;
      }
      blocks.push({ kind: 'quote', inlines: parseInline(quoted.join('\n')) });
      continue;
    }
    const ordered = NUMBERED.exec(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = pattern.exec(current);
        if (item) items.push((ordered ? item[2] : item[1]) ?? '');
        // An indented line continues the item above it.
        else if (!isBlank(current) && /^\s+/.test(current) && items.length > 0)
          items[items.length - 1] += `\n${current.trim()}`;
        else break;
        i += 1;
      }
      blocks.push({
        kind: 'list',
        ordered: ordered !== null,
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((item) => parseInline(item)),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i]) &&
      (paragraph.length === 0 || !startsBlock(lines[i] ?? ''))
    ) {
      paragraph.push((lines[i] ?? '').trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}
