import i18next, { type TFunction } from 'i18next';
import { ApiError, type ApiIssue } from '../api/client';
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

type IssueKey = keyof Catalogue['fieldIssues'];

function isIssueKey(key: string): key is IssueKey {
  return i18next.exists(`fieldIssues.${key}`, { lng: 'en' });
}

/**
 * An issue in the user's language: the server's English text in English;
 * otherwise the translation of zod's code, made precise by what it limits
 * (`too_small` of a string reads "at least N characters").
 */
function issueMessage(issue: ApiIssue): string {
  if (i18next.language === 'en' || issue.code === undefined) return issue.message;
  const params = issue.params ?? {};
  const origin = typeof params.origin === 'string' ? params.origin : '';
  const precise = `${issue.code}_${origin}`;
  const key = isIssueKey(precise) ? precise : isIssueKey(issue.code) ? issue.code : 'invalid';
  return i18next.t(`fieldIssues.${key}`, {
    minimum: params.minimum,
    maximum: params.maximum,
  });
}

/** Per-field messages from the server's validation issues, keyed by the issue path, in the user's language. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    if (result[issue.path] === undefined) result[issue.path] = issueMessage(issue);
  }
  return result;
}
