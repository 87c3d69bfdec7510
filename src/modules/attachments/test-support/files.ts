/**
 * Tiny files for the attachments tests, built byte by byte so that each is
 * exactly what its name says, and a multipart body builder that lets a test
 * send any name and declared type (as a hostile client would).
 */
import { crc32, deflateSync } from 'node:zlib';

/** A one-page-less but well-formed PDF: header, catalogue, page tree, trailer; padded to `size` bytes if given. */
export function minimalPdf(size?: number): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj',
    'trailer <</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n');
  const pdf = Buffer.from(body, 'latin1');
  if (size === undefined) return pdf;
  // A PDF comment line after %%EOF: readers ignore it, and the type is still PDF.
  return Buffer.concat([
    pdf,
    Buffer.from('%', 'latin1'),
    Buffer.alloc(size - pdf.length - 1, 0x20),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid 1x1 RGBA PNG. */
export function onePixelPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA (compression, filter and interlace stay 0)
  const scanline = Buffer.from([0, 0x1f, 0x6f, 0xb4, 0xff]); // filter 0, one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const HTML_PAGE = Buffer.from(
  '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
);

export const SVG_IMAGE = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

export interface FormPart {
  field: string;
  /** Absent: a plain form field rather than a file. */
  fileName?: string;
  type?: string;
  content: Buffer;
}

const BOUNDARY = '----tandem-attachments-test';

/** A multipart/form-data body and its content type, written by hand so that nothing is corrected on the way. */
export function multipartForm(parts: readonly FormPart[]): {
  payload: Buffer;
  contentType: string;
} {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.field}"`
        : `form-data; name="${part.field}"; filename="${part.fileName}"`;
    const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(part.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
  };
}
