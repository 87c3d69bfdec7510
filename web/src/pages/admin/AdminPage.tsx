/** Administration: organisations and users of this node, one tab each. */
import { useTranslation } from 'react-i18next';
import { Link, usePath } from '../../app/router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { OrganisationsPanel } from './OrganisationsPanel';
import { UsersPanel } from './UsersPanel';

const TABS = [
  { path: '/admin/organisations', label: 'organisations' },
  { path: '/admin/users', label: 'users' },
] as const;

export default function AdminPage() {
  const { t } = useTranslation();
  const path = usePath();
  const active = TABS.find((tab) => path.startsWith(tab.path)) ?? TABS[0];
  useDocumentTitle(`${t(`admin.tabs.${active.label}`)} · ${t('nav.administration')}`);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('nav.administration')}</h1>
        <p className="page-description">{t('admin.description')}</p>
      </header>
      <nav className="tabs" aria-label={t('admin.tabsLabel')}>
        {TABS.map((tab) => (
          <Link
            key={tab.path}
            to={tab.path}
            className={tab === active ? 'tab tab-current' : 'tab'}
            aria-current={tab === active ? 'page' : undefined}
          >
            {t(`admin.tabs.${tab.label}`)}
          </Link>
        ))}
      </nav>
      {active.label === 'organisations' ? <OrganisationsPanel /> : <UsersPanel />}
    </div>
  );
}
