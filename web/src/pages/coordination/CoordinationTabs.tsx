/** The three views of coordination: working groups, the action tracker, the programme board. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';

export type CoordinationTab = 'groups' | 'actions' | 'programmes';

export function CoordinationTabs({ current }: { current: CoordinationTab }) {
  const { t } = useTranslation();
  const tabs = [
    { key: 'groups', to: '/coordination', label: t('coordination.tabs.groups') },
    { key: 'actions', to: '/coordination/actions', label: t('coordination.tabs.actions') },
    { key: 'programmes', to: '/coordination/programmes', label: t('coordination.tabs.programmes') },
  ] as const;
  return (
    <nav className="tabs" aria-label={t('coordination.tabs.label')}>
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
