/**
 * TAXII 2.1 media types and content negotiation: whether a request's Accept
 * header allows a TAXII 2.1 answer, and whether its Content-Type is a TAXII
 * 2.1 body. Pure; never looks at anything but the header text.
 */
export const TAXII_VERSION = '2.1';
export const TAXII_MEDIA_TYPE = `application/taxii+json;version=${TAXII_VERSION}`;
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

interface MediaRange {
  type: string;
  parameters: Map<string, string>;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const [head, ...rest] = text.split(';');
  const type = head?.trim().toLowerCase();
  if (!type?.includes('/')) return undefined;
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    const value = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    parameters.set(name, value);
  }
  return { type, parameters };
}

/** `application/taxii+json` of version 2.1; without a version it means the latest, which is 2.1 here. */
function isTaxii21(range: MediaRange): boolean {
  const version = range.parameters.get('version');
  return (
    range.type === 'application/taxii+json' && (version === undefined || version === TAXII_VERSION)
  );
}

function quality(range: MediaRange): number {
  const q = range.parameters.get('q');
  if (q === undefined) return 1;
  const value = Number(q);
  return Number.isFinite(value) ? value : 0;
}

/**
 * True when a TAXII 2.1 answer is acceptable. No Accept header accepts
 * anything (RFC 9110); `application/json` alone does not: TAXII clients must
 * ask for TAXII.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  for (const part of accept.split(',')) {
    const range = parseMediaRange(part);
    if (!range || quality(range) <= 0) continue;
    if (range.type === '*/*' || range.type === 'application/*' || isTaxii21(range)) return true;
  }
  return false;
}

/** True when a request body is declared as a TAXII 2.1 message. */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const range = parseMediaRange(contentType);
  return range !== undefined && isTaxii21(range);
}
