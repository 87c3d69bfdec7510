/** Expected outcomes of attachment uploads and operations -> the error catalogue, naming the field at fault. */
import { AppError } from '../../core/errors.js';
import type { AttachmentError } from './attachments.service.js';
import { ALLOWED_MEDIA_TYPES } from './attachments.types.js';
import { UPLOAD_FIELD, type UploadError } from './attachments.upload.js';

const MIB = 1024 * 1024;

function sizeInWords(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

export function uploadError(error: UploadError, maxBytes: number): AppError {
  switch (error) {
    case 'too_large':
      return new AppError('ATTACHMENT_TOO_LARGE', {
        issues: [
          {
            path: UPLOAD_FIELD,
            message: `the file must be at most ${sizeInWords(maxBytes)}`,
            params: { maximum: maxBytes },
          },
        ],
      });
    case 'no_file':
      return new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: UPLOAD_FIELD,
            message: `attach one non-empty file in the form field '${UPLOAD_FIELD}'`,
          },
        ],
      });
    case 'malformed':
      return new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: UPLOAD_FIELD,
            message: `send exactly one file, in the form field '${UPLOAD_FIELD}', and nothing else`,
          },
        ],
      });
  }
}

/** `detail`: a type refusal's reason in words (it describes the uploader's own file). */
export function toAppError(error: AttachmentError, detail?: string): AppError {
  switch (error) {
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'revoked':
      // A revoked record is final: nothing more is added to it.
      return new AppError('CONFLICT');
    case 'type_refused':
      return new AppError('ATTACHMENT_TYPE_REFUSED', {
        issues: [
          {
            path: UPLOAD_FIELD,
            message: detail ?? `allowed types: ${ALLOWED_MEDIA_TYPES.join(', ')}`,
            params: { values: ALLOWED_MEDIA_TYPES },
          },
        ],
      });
  }
}
