/**
 * The signed-in frame: header (product, node, language, notifications, user menu), the side
 * navigation on the inline-start side (left in English and Chinese, right in
 * Urdu) and the page.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { isWithin, Link, usePath } from '../app/router';
import { ROUTES } from '../app/routes';
import { hasAnyRole, useSession } from '../app/session';
import { AlarmBanner } from './alarms/AlarmBanner';
import { Icon, Logo } from './icons';
import { LanguageSelect } from './LanguageSelect';
import { NotificationBell } from './notifications/NotificationBell';
import { UserMenu } from './UserMenu';

export function Layout({
  children,
  onLocale,
}: {
  children: ReactNode;
  onLocale: (locale: Locale) => void;
}) {
  const { t } = useTranslation();
  const { node, user } = useSession();
  const path = usePath();
  const items = ROUTES.filter((route) => route.nav && hasAnyRole(user, route.roles));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
          <span className="node-name" title={t('layout.nodeTitle')}>
            {node.name}
          </span>
        </div>
        <div className="topbar-actions">
          <LanguageSelect onSelect={onLocale} />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')} data-testid="side-nav">
        <ul>
          {items.map((route) => {
            const nav = route.nav;
            if (!nav) return null;
            const current = isWithin(path, route.path);
            return (
              <li key={route.path}>
                <Link
                  to={route.path}
                  className={current ? 'sidenav-link sidenav-link-current' : 'sidenav-link'}
                  aria-current={current ? 'page' : undefined}
                >
                  <Icon name={nav.icon} />
                  <span>{t(`nav.${nav.label}`)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <AlarmBanner />
        {children}
      </main>
    </div>
  );
}
