import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/client';
import type { Catalogue } from './index';

type KnownCode = keyof Catalogue['errors'];

function isKnownCode(code: string): code is KnownCode {
  return i18next.exists(`errors.${code}`, { lng: 'en' });
}

/**
 * The message to show for a failed request. In English it is the server's own
 * safe message; in other languages the translation of its stable code, or the
 * server's message when the code is not one the client knows.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.UNEXPECTED');
  const english = i18next.language === 'en';
  let message: string;
  if (!english && isKnownCode(error.code)) message = t(`errors.${error.code}`);
  else if (error.status === 0) message = t('errors.NETWORK_ERROR');
  else if (error.code.startsWith('HTTP_')) message = t('errors.UNEXPECTED');
  else message = error.message;
  if (
    error.status === 429 &&
    error.retryAfterSeconds !== undefined &&
    error.retryAfterSeconds > 0
  ) {
    message = `${message} ${t('errors.retryAfter', { seconds: error.retryAfterSeconds })}`;
  }
  return message;
}

/** Per-field messages from the server's validation issues, keyed by the issue path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    if (result[issue.path] === undefined) result[issue.path] = issue.message;
  }
  return result;
}
