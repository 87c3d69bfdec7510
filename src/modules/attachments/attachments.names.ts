/**
 * File names as uploaders send them are untrusted text: they may carry
 * paths, control characters, bidirectional overrides that disguise an
 * extension ("report\u202Efdp.exe"), or quotes that break a header. This
 * file turns them into a name safe to store, show and send back in a
 * Content-Disposition header (RFC 6266 with an RFC 8187 UTF-8 form).
 */
import { extensionOf } from './attachments.types.js';

export const MAX_FILE_NAME_CHARS = 200;

/** Code point ranges (inclusive) never kept in a name. */
const UNSAFE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL and C1 controls
  [0x061c, 0x061c], // Arabic letter mark
  [0x200b, 0x200f], // zero-width characters, left-to-right and right-to-left marks
  [0x202a, 0x202e], // bidirectional embeddings and overrides
  [0x2066, 0x2069], // bidirectional isolates
  [0xfeff, 0xfeff], // byte-order mark
];

function isSafeCharacter(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return !UNSAFE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * A name safe to store and show: no path (only what follows the last slash
 * or backslash), no control or direction characters, no leading dots, at
 * most 200 characters with the extension kept. Empty names become
 * `attachment`.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/u).at(-1) ?? '';
  const cleaned = [...base]
    .filter(isSafeCharacter)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\.+/u, '')
    .trim();
  const name = cleaned === '' ? 'attachment' : cleaned;
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_CHARS) return name;
  const extension = extensionOf(name);
  // Keep a short extension whole: it decides how the file opens once downloaded.
  const kept = extension !== '' && extension.length <= 10 ? `.${extension}` : '';
  const stemLength = MAX_FILE_NAME_CHARS - [...kept].length;
  return `${characters.slice(0, stemLength).join('').trimEnd()}${kept}`;
}

/** Printable ASCII only, without the quote and backslash of a quoted-string. */
function asciiFallback(name: string): string {
  const printable = (c: string) => c >= ' ' && c <= '~' && c !== '"' && c !== '\\';
  return [...name].map((c) => (printable(c) ? c : '_')).join('');
}

/** RFC 8187 value characters: percent-encode everything outside attr-char. */
function rfc8187(name: string): string {
  return encodeURIComponent(name).replace(
    /['()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Always a download, never shown inline: the browser saves the file instead of rendering it. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc8187(fileName)}`;
}
