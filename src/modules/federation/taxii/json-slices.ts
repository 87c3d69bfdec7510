/**
 * The exact text of each element of a JSON document's top-level `objects`
 * array, so that objects POSTed to a collection are stored as they arrived
 * (byte for byte: number spellings, escapes, key order, spacing inside) and
 * signatures over them are never disturbed by a re-serialisation.
 *
 * It only cuts text: the caller must have checked with JSON.parse that the
 * document is valid JSON, which lets the scanner skip values without
 * validating them. Like JSON.parse, a repeated `objects` key counts once, the
 * last time.
 */
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(text: string, at: number): number {
  let index = at;
  while (index < text.length && WHITESPACE.has(text.charAt(index))) index++;
  return index;
}

/** The index just after the string that starts (with its quote) at `at`. */
function skipString(text: string, at: number): number {
  let index = at + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) return text.length;
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (text.charAt(quote - 1 - backslashes) === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}

/** The index just after the value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const first = text.charAt(at);
  if (first === '"') return skipString(text, at);
  if (first === '{' || first === '[') {
    let depth = 0;
    let index = at;
    while (index < text.length) {
      const c = text.charAt(index);
      if (c === '"') {
        index = skipString(text, index);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return index + 1;
      }
      index++;
    }
    return index;
  }
  let index = at;
  while (
    index < text.length &&
    !',}]'.includes(text.charAt(index)) &&
    !WHITESPACE.has(text.charAt(index))
  )
    index++;
  return index;
}

function arrayElements(text: string, at: number): { elements: string[]; end: number } {
  const elements: string[] = [];
  let index = skipWhitespace(text, at + 1);
  if (text.charAt(index) === ']') return { elements, end: index + 1 };
  for (;;) {
    const end = skipValue(text, index);
    elements.push(text.slice(index, end));
    index = skipWhitespace(text, end);
    if (text.charAt(index) !== ',') return { elements, end: index + 1 };
    index = skipWhitespace(text, index + 1);
  }
}

/**
 * The texts of `objects` in a valid JSON document, or undefined when the
 * document is not an object or its `objects` is missing or not an array.
 */
export function objectsArrayTexts(text: string): string[] | undefined {
  let index = skipWhitespace(text, 0);
  if (text.charAt(index) !== '{') return undefined;
  let found: string[] | undefined;
  index = skipWhitespace(text, index + 1);
  while (index < text.length && text.charAt(index) !== '}') {
    const keyEnd = skipString(text, index);
    const key: unknown = JSON.parse(text.slice(index, keyEnd));
    index = skipWhitespace(text, keyEnd);
    index = skipWhitespace(text, index + 1); // past the colon
    if (key === 'objects') {
      if (text.charAt(index) === '[') {
        const array = arrayElements(text, index);
        found = array.elements;
        index = array.end;
      } else {
        found = undefined;
        index = skipValue(text, index);
      }
    } else {
      index = skipValue(text, index);
    }
    index = skipWhitespace(text, index);
    if (text.charAt(index) === ',') index = skipWhitespace(text, index + 1);
  }
  return found;
}
