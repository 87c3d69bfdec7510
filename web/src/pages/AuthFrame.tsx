/** The frame of the pages shown before sign-in: a centred card with the product and node. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, NodeInfo } from '../api/types';
import { Logo } from '../components/icons';
import { LanguageSelect } from '../components/LanguageSelect';

interface AuthFrameProps {
  node: NodeInfo;
  title: string;
  subtitle?: string;
  wide?: boolean;
  onLocale: (locale: Locale) => void;
  children: ReactNode;
}

export function AuthFrame({ node, title, subtitle, wide, onLocale, children }: AuthFrameProps) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <div className="auth-language">
        <LanguageSelect onSelect={onLocale} tone="light" />
      </div>
      <main className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <div className="auth-brand">
          <span className="auth-logo">
            <Logo />
          </span>
          <div>
            <p className="auth-product">{t('app.name')}</p>
            <p className="auth-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <p className="auth-node">
          {t('auth.node')}: <strong>{node.name}</strong>
        </p>
        <h1 className="auth-title">{title}</h1>
        {subtitle ? <p className="auth-subtitle">{subtitle}</p> : null}
        {children}
      </main>
      <p className="auth-footer">{t('auth.footer')}</p>
    </div>
  );
}
