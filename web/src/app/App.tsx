/**
 * The application root: asks the server who we are, then shows the bootstrap
 * page, the sign-in page, or the signed-in layout with the page for the path.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';
import { onSessionExpired } from '../api/client';
import { updateMe } from '../api/me';
import type { CurrentUser, Locale } from '../api/types';
import { Layout } from '../components/Layout';
import { Spinner } from '../components/Notice';
import { applyLocale } from '../i18n';
import { describeError } from '../i18n/errors';
import BootstrapPage from '../pages/BootstrapPage';
import ForbiddenPage from '../pages/ForbiddenPage';
import LoginPage from '../pages/LoginPage';
import NotFoundPage from '../pages/NotFoundPage';
import { loadBoot, type Boot } from './boot';
import { isWithin, navigate, Redirect, usePath } from './router';
import { HOME_PATH, ROUTES } from './routes';
import { hasAnyRole, SessionContext, type SessionValue } from './session';

export function App() {
  const { t } = useTranslation();
  const path = usePath();
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    loadBoot(controller.signal).then(
      (result) => {
        if (result.status === 'ready' && result.user) void applyLocale(result.user.locale);
        setBoot(result);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setBoot({ status: 'unreachable', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signedOut = useCallback(() => {
    setBoot((current) =>
      current.status === 'ready'
        ? {
            status: 'ready',
            session: { ...current.session, authenticated: false, mfaPending: false },
            user: null,
          }
        : current,
    );
  }, []);

  useEffect(() => {
    onSessionExpired(() => signedOut());
    return () => onSessionExpired(null);
  }, [signedOut]);

  // A language picked on the sign-in page wins over the profile's, and becomes the profile's.
  const pickedBeforeSignIn = useRef<Locale | null>(null);

  const signedIn = useCallback(
    (user: CurrentUser) => {
      const picked = pickedBeforeSignIn.current;
      pickedBeforeSignIn.current = null;
      void applyLocale(picked ?? user.locale);
      if (picked && picked !== user.locale) {
        updateMe({ locale: picked }).then(
          (updated) =>
            setBoot((current) =>
              current.status === 'ready' ? { ...current, user: updated } : current,
            ),
          () => undefined,
        );
      }
      setBoot((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              session: { ...current.session, authenticated: true, mfaPending: false },
              user,
            }
          : current,
      );
      if (path === '/' || path === '/login' || path === '/bootstrap')
        navigate(HOME_PATH, { replace: true });
    },
    [path],
  );

  const bootstrapFinished = useCallback(() => {
    setBoot((current) =>
      current.status === 'ready'
        ? { ...current, session: { ...current.session, bootstrapOpen: false } }
        : current,
    );
    navigate('/login');
  }, []);

  const session = useMemo<SessionValue | null>(() => {
    if (boot.status !== 'ready' || boot.user === null) return null;
    return {
      node: boot.session.node,
      user: boot.user,
      replaceUser: (user) =>
        setBoot((current) => (current.status === 'ready' ? { ...current, user } : current)),
      signOut: async () => {
        try {
          await logout();
        } catch {
          // The session had already ended; signing out locally is all that is left.
        }
        signedOut();
        navigate('/login');
      },
    };
  }, [boot, signedOut]);

  const changeLocale = useCallback(
    (locale: Locale) => {
      void applyLocale(locale);
      if (session) {
        // Remember it in the profile too; the interface has already switched if this fails.
        updateMe({ locale }).then(session.replaceUser, () => undefined);
      } else {
        pickedBeforeSignIn.current = locale;
      }
    },
    [session],
  );

  if (boot.status === 'loading') {
    return (
      <div className="splash">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (boot.status === 'unreachable') {
    return (
      <div className="splash">
        <div className="splash-card">
          <p>{describeError(boot.error, t)}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAttempt((n) => n + 1)}
          >
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (path === '/bootstrap') {
    return (
      <BootstrapPage
        node={boot.session.node}
        bootstrapOpen={boot.session.bootstrapOpen}
        onLocale={changeLocale}
        onFinished={bootstrapFinished}
      />
    );
  }
  if (session === null) {
    return (
      <LoginPage
        node={boot.session.node}
        mfaPending={boot.session.mfaPending}
        bootstrapOpen={boot.session.bootstrapOpen}
        onSignedIn={signedIn}
        onLocale={changeLocale}
      />
    );
  }
  if (path === '/' || path === '/login') return <Redirect to={HOME_PATH} />;
  const route = ROUTES.find((candidate) => isWithin(path, candidate.path));
  let page = <NotFoundPage />;
  if (route && !hasAnyRole(session.user, route.roles)) page = <ForbiddenPage />;
  else if (route) page = <route.page />;

  return (
    <SessionContext.Provider value={session}>
      <Layout onLocale={changeLocale}>
        <Suspense
          fallback={
            <div className="page-loading">
              <Spinner label={t('common.loading')} />
            </div>
          }
        >
          {page}
        </Suspense>
      </Layout>
    </SessionContext.Provider>
  );
}
