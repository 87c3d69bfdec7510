/**
 * The alert inbox (/alerts): open or all alerts the reader may see, newest
 * first, page by page; new alerts arrive live without a reload and are
 * announced in a polite live region; Acknowledge on each open one.
 * The view is kept in the address (?view=all) so that it survives a reload.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSearch } from '../../app/router';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { describeError } from '../../i18n/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AlertCard } from './AlertCard';
import type { AlertView } from './alertList';
import { LiveIndicator } from './LiveIndicator';
import { useAlertInbox } from './useAlertInbox';
import './alerts.css';

const PAGE_SIZE = 25;

export default function AlertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('alerts.title'));
  const view: AlertView = new URLSearchParams(useSearch()).get('view') === 'all' ? 'all' : 'open';
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const inbox = useAlertInbox(view, PAGE_SIZE, (alert) =>
    setAnnouncement(t('alerts.newAlert', { headline: alert.headline })),
  );

  async function acknowledge(id: string): Promise<void> {
    await inbox.acknowledge(id);
    // The card may leave the open view with the focused button: keep keyboard users in the list.
    if (view === 'open') listRef.current?.focus();
  }

  return (
    <div className="page alerts-page">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('alerts.title')}</h1>
          <p className="page-description">{t('alerts.description')}</p>
        </div>
        <LiveIndicator />
      </header>
      <div className="segmented" role="group" aria-label={t('alerts.views.label')}>
        {(['open', 'all'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={option === view ? 'button button-primary' : 'button button-secondary'}
            aria-pressed={option === view}
            onClick={() => navigate(option === 'all' ? '/alerts?view=all' : '/alerts')}
          >
            {t(`alerts.views.${option}`)}
          </button>
        ))}
      </div>
      <div
        className="visually-hidden"
        role="status"
        aria-live="polite"
        data-testid="alert-announcement"
      >
        {announcement}
      </div>
      {inbox.status === 'error' ? (
        <Notice tone="error">
          {describeError(inbox.error, t)}{' '}
          <button type="button" className="button button-link" onClick={inbox.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      <div
        ref={listRef}
        tabIndex={-1}
        className="alert-list"
        aria-label={t('alerts.listLabel')}
        aria-busy={inbox.status === 'loading'}
        role="region"
        data-testid="alert-list"
      >
        {inbox.status === 'loading' && inbox.items.length === 0 ? (
          <Spinner label={t('common.loading')} />
        ) : null}
        {inbox.status === 'ready' && inbox.items.length === 0 ? (
          <EmptyState title={view === 'open' ? t('alerts.emptyOpen') : t('alerts.emptyAll')}>
            {view === 'open' ? t('alerts.emptyOpenBody') : t('alerts.emptyAllBody')}
          </EmptyState>
        ) : null}
        <ul className="alert-cards">
          {inbox.items.map((alert) => (
            <li key={alert.id}>
              <AlertCard alert={alert} headingLevel={2} onAcknowledge={acknowledge} />
            </li>
          ))}
        </ul>
      </div>
      <Pagination
        page={inbox.page}
        hasPrevious={inbox.hasPrevious}
        hasNext={inbox.hasNext}
        onPrevious={inbox.previous}
        onNext={inbox.next}
        busy={inbox.status === 'loading'}
      />
    </div>
  );
}
