/**
 * One alert as a card: severity, urgency and certainty in words (the colour
 * of the edge only repeats the severity), the headline, the subject and the
 * trigger as links, distance and time, the instruction, and Acknowledge or
 * who acknowledged it, with the CAP 1.2 message as a download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  CAP_CERTAINTIES,
  CAP_SEVERITIES,
  CAP_URGENCIES,
  alertCapUrl,
  type Alert,
} from '../../api/alerts';
import { ALERT_ACKNOWLEDGING_ROLES } from '@vocabulary/protection';
import { Link } from '../../app/router';
import { hasAnyRole, useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { severityTone, subjectPath, triggerPath } from './alertList';

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function severityText(severity: string, t: TFunction): string {
  return t(`alerts.severity.${oneOf(CAP_SEVERITIES, severity) ? severity : 'Unknown'}`);
}

function urgencyText(urgency: string, t: TFunction): string {
  return t(`alerts.urgency.${oneOf(CAP_URGENCIES, urgency) ? urgency : 'Unknown'}`);
}

function certaintyText(certainty: string, t: TFunction): string {
  return t(`alerts.certainty.${oneOf(CAP_CERTAINTIES, certainty) ? certainty : 'Unknown'}`);
}

export function AlertCard({
  alert,
  headingLevel = 3,
  onAcknowledge,
}: {
  alert: Alert;
  headingLevel?: 2 | 3;
  onAcknowledge: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `alert-${alert.id}`;

  async function acknowledge(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge(alert.id);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  const acknowledged = alert.acknowledged;
  const by = acknowledged ? acknowledged.by : null;
  const mayAcknowledge = hasAnyRole(user, ALERT_ACKNOWLEDGING_ROLES);
  const subjectType = alert.subject.type === 'site' ? 'site' : 'movement';
  const triggerType = alert.trigger.type === 'incident' ? 'incident' : 'threat-report';
  return (
    <article
      className={`alert-card alert-tone-${severityTone(alert.severity)}`}
      aria-labelledby={headingId}
      data-testid="alert-card"
      data-alert-id={alert.id}
    >
      <p className="alert-tags">
        <span className="alert-severity">
          <span className="visually-hidden">{t('alerts.severityLabel')}: </span>
          {severityText(alert.severity, t)}
        </span>
        <span>{t('alerts.urgencyIs', { value: urgencyText(alert.urgency, t) })}</span>
        <span>{t('alerts.certaintyIs', { value: certaintyText(alert.certainty, t) })}</span>
        {alert.escalationLevel > 0 ? (
          <span className="alert-escalated">
            {t('alerts.escalated', { level: alert.escalationLevel })}
          </span>
        ) : null}
      </p>
      <Heading id={headingId} className="alert-headline">
        {alert.headline}
      </Heading>
      <dl className="alert-facts">
        <dt>{t('alerts.subjectIs', { type: t(`alerts.subject.${subjectType}`) })}</dt>
        <dd>
          <Link to={subjectPath(alert.subject)}>{alert.subject.name || alert.subject.id}</Link>
        </dd>
        <dt>{t('alerts.triggerIs', { type: t(`alerts.trigger.${triggerType}`) })}</dt>
        <dd>
          <Link to={triggerPath(alert.trigger)}>{alert.trigger.title || alert.trigger.id}</Link>
        </dd>
      </dl>
      <p className="alert-meta">
        <span>{t('alerts.distance', { km: alert.distanceKm.toLocaleString(locale) })}</span>
        <span>{t('alerts.raisedAt', { at: formatDateTime(alert.createdAt, locale) })}</span>
      </p>
      {alert.instruction ? <p className="alert-instruction">{alert.instruction}</p> : null}
      <div className="alert-actions">
        {acknowledged ? (
          <span className="alert-acknowledged">
            {by === null
              ? t('alerts.acknowledgedAt', { at: formatDateTime(acknowledged.at, locale) })
              : t('alerts.acknowledgedBy', { by, at: formatDateTime(acknowledged.at, locale) })}
          </span>
        ) : !mayAcknowledge ? null : (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => void acknowledge()}
            disabled={busy}
            aria-describedby={headingId}
          >
            {busy ? t('alerts.acknowledging') : t('alerts.acknowledge')}
          </button>
        )}
        <a
          className="button button-secondary button-small"
          href={alertCapUrl(alert.id)}
          download
          aria-label={t('alerts.capXmlLabel', { headline: alert.headline })}
        >
          {t('alerts.capXml')}
        </a>
      </div>
      {error ? (
        <p className="alert-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
    </article>
  );
}
