/**
 * The operations room's inbox: the newest open alerts with Acknowledge,
 * live, and a link to the whole inbox. New alerts are announced politely
 * here as on the inbox page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { describeError } from '../../i18n/errors';
import { AlertCard } from './AlertCard';
import { LiveIndicator } from './LiveIndicator';
import { useAlertInbox } from './useAlertInbox';
import './alerts.css';

const PANEL_SIZE = 10;

export function AlertInboxPanel() {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const inbox = useAlertInbox('open', PANEL_SIZE, (alert) =>
    setAnnouncement(t('alerts.newAlert', { headline: alert.headline })),
  );
  return (
    <section className="card ops-panel" aria-labelledby="ops-alerts-title" data-testid="ops-alerts">
      <div className="card-header">
        <h2 id="ops-alerts-title">{t('alerts.inboxTitle')}</h2>
        <LiveIndicator />
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {inbox.status === 'error' ? (
        <Notice tone="error">{describeError(inbox.error, t)}</Notice>
      ) : null}
      {inbox.status === 'loading' && inbox.items.length === 0 ? (
        <Spinner label={t('common.loading')} />
      ) : null}
      {inbox.status === 'ready' && inbox.items.length === 0 ? (
        <EmptyState title={t('alerts.emptyOpen')}>{t('alerts.emptyOpenBody')}</EmptyState>
      ) : null}
      <ul className="alert-cards">
        {inbox.items.map((alert) => (
          <li key={alert.id}>
            <AlertCard alert={alert} onAcknowledge={inbox.acknowledge} />
          </li>
        ))}
      </ul>
      <Link to="/alerts">{t('alerts.inboxAll')}</Link>
    </section>
  );
}
