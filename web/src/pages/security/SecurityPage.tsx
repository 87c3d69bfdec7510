/** The signed-in user's own security settings: two-factor authentication and API tokens. */
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { MfaSection } from './MfaSection';
import { TokensSection } from './TokensSection';

export default function SecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.title'));
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('security.title')}</h1>
        <p className="page-description">{t('security.description')}</p>
      </header>
      <MfaSection />
      <TokensSection />
    </div>
  );
}
