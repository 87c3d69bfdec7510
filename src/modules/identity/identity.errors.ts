/** Maps the identity services' typed outcomes onto the error catalogue. */
import { AppError, type ErrorCode } from '../../core/errors.js';

const CODES: Record<string, ErrorCode> = {
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  username_taken: 'USERNAME_TAKEN',
  bad_cursor: 'BAD_REQUEST',
  already_enabled: 'MFA_ALREADY_ENABLED',
  invalid_code: 'INVALID_MFA_CODE',
  closed: 'BOOTSTRAP_CLOSED',
  invalid: 'CONFLICT',
};

/** Unwraps a result for a handler: the value, or the catalogue error for its failure. */
export function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; error: string; detail?: string },
): T {
  if (result.ok) return result.value;
  const code = CODES[result.error] ?? 'INTERNAL';
  throw new AppError(code, result.detail ? { issues: [{ path: '', message: result.detail }] } : {});
}
