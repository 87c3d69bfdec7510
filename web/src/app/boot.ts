/** What the application needs to know before it can show anything: the session and, when signed in, the user. */
import { getSession } from '../api/auth';
import { ApiError } from '../api/client';
import { getMe } from '../api/me';
import type { CurrentUser, SessionInfo } from '../api/types';

export type Boot =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'ready'; session: SessionInfo; user: CurrentUser | null };

export async function loadBoot(signal: AbortSignal): Promise<Boot> {
  const session = await getSession(signal);
  if (!session.authenticated) return { status: 'ready', session, user: null };
  try {
    return { status: 'ready', session, user: await getMe(signal) };
  } catch (error) {
    // The session ended between the two requests: sign in again.
    if (error instanceof ApiError && error.status === 401) {
      return { status: 'ready', session: { ...session, authenticated: false }, user: null };
    }
    throw error;
  }
}
