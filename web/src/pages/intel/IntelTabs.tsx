/** The two lists of the intelligence section: threat reports and threat actors. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';

export function IntelTabs({ current }: { current: 'reports' | 'actors' }) {
  const { t } = useTranslation();
  const tabs = [
    { key: 'reports', to: '/intel', label: t('intel.tabs.reports') },
    { key: 'actors', to: '/intel/actors', label: t('intel.tabs.actors') },
  ] as const;
  return (
    <nav className="tabs intel-tabs" aria-label={t('intel.tabs.label')}>
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          to={tab.to}
          className={tab.key === current ? 'tab tab-current' : 'tab'}
          aria-current={tab.key === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
