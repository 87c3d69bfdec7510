/**
 * Receives the one file of an upload form (multipart/form-data, field
 * `file`) with @fastify/multipart, never holding more than the limit plus
 * one byte: the parser truncates the file there, which is how an oversized
 * file is told apart from one exactly at the limit. Every part is read to
 * its end so that the request is consumed and the answer reaches the client.
 */
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { fail, ok, type Result } from '../../core/result.js';
import type { ReceivedFile } from './attachments.service.js';

export const UPLOAD_FIELD = 'file';

/** Why an upload carried no usable file. */
export type UploadError = 'no_file' | 'too_large' | 'malformed';

/** Options for @fastify/multipart: one part, which must be a file, at most `maxBytes` + 1 bytes kept. */
export function multipartOptions(maxBytes: number) {
  return {
    // Checked below from `truncated`, so that the answer is ours rather than the plugin's.
    throwFileSizeLimit: false,
    limits: { files: 1, fields: 0, parts: 1, fileSize: maxBytes + 1 },
  };
}

/** Reads a stream to its end, keeping chunks only while `keep` says so. */
async function readAll(stream: Readable, keep: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) if (keep) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function receiveUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<Result<ReceivedFile, UploadError>> {
  if (!request.isMultipart()) return fail('no_file');
  let received: ReceivedFile | undefined;
  let truncated = false;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const wanted = part.fieldname === UPLOAD_FIELD && received === undefined;
      const bytes = await readAll(part.file, wanted);
      if (!wanted) continue;
      truncated = part.file.truncated;
      received = { fileName: part.filename, declaredType: part.mimetype, bytes };
    }
  } catch (error) {
    // A limit hit (a second part, a field) or a broken body: the client's fault, said plainly.
    request.log.debug({ err: error }, 'multipart upload refused');
    return fail('malformed');
  }
  if (!received || received.bytes.length === 0) return fail('no_file');
  if (truncated || received.bytes.length > maxBytes) return fail('too_large');
  return ok(received);
}
