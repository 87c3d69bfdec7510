/**
 * Threat reports valid now whose area meets the site, and incidents near it,
 * as the server finds them for this reader (it lists only records the reader
 * may read). Each links to its record.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteNearby } from '../../api/sites';
import { Link } from '../../app/router';
import { DetailCard } from '../../components/Detail';
import { SelectField } from '../../components/Field';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { isEventType, isSubEventType } from '../../lib/acled';
import { formatEventDate } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';

const RADII = [10, 25, 50, 100] as const;
const PERIODS = [30, 90, 365] as const;

export function SiteNearby({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [radiusKm, setRadius] = useState<number>(25);
  const [days, setDays] = useState<number>(90);
  const key = `${siteId}|${radiusKm}|${days}`;
  const { loaded, reload } = useLoaded(key, (_key, signal) =>
    siteNearby(siteId, { radiusKm, days }, signal),
  );

  return (
    <div className="nearby">
      <form
        className="filter-bar"
        onSubmit={(event) => event.preventDefault()}
        aria-label={t('sites.nearby.filters')}
      >
        <SelectField
          label={t('sites.nearby.radius')}
          value={String(radiusKm)}
          onValueChange={(value) => setRadius(Number(value))}
          options={RADII.map((km) => ({ value: String(km), label: t('sites.detail.km', { km }) }))}
        />
        <SelectField
          label={t('sites.nearby.period')}
          value={String(days)}
          onValueChange={(value) => setDays(Number(value))}
          options={PERIODS.map((d) => ({
            value: String(d),
            label: t('sites.nearby.days', { count: d }),
          }))}
        />
      </form>
      {loaded.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {loaded.status === 'error' ? (
        <Notice tone="error">
          {describeError(loaded.error, t)}{' '}
          <button type="button" className="button button-link" onClick={reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      {loaded.status === 'ready' ? (
        <div className="detail-grid">
          <DetailCard headingId="nearby-threats-heading" title={t('sites.nearby.threats')}>
            {loaded.value.threatReports.items.length === 0 ? (
              <EmptyState title={t('sites.nearby.noThreats')} />
            ) : (
              <ul className="link-list" data-testid="nearby-threats">
                {loaded.value.threatReports.items.map((threat) => (
                  <li key={threat.id}>
                    <Link to={`/intel/${threat.id}`} dir="auto">
                      {threat.title}
                    </Link>
                    {threat.validUntil ? (
                      <span className="cell-muted">
                        {' '}
                        ·{' '}
                        {t('sites.nearby.validUntil', {
                          day: formatEventDate(threat.validUntil.slice(0, 10), 1, locale),
                        })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {loaded.value.threatReports.truncated ? (
              <p className="cell-muted">{t('sites.nearby.truncated')}</p>
            ) : null}
          </DetailCard>
          <DetailCard headingId="nearby-incidents-heading" title={t('sites.nearby.incidents')}>
            {loaded.value.incidents.items.length === 0 ? (
              <EmptyState title={t('sites.nearby.noIncidents')} />
            ) : (
              <ul className="link-list" data-testid="nearby-incidents">
                {loaded.value.incidents.items.map((incident) => (
                  <li key={incident.id}>
                    <Link to={`/incidents/${incident.id}`}>
                      {formatEventDate(incident.eventDate, 1, locale)} ·{' '}
                      {isSubEventType(incident.subEventType)
                        ? t(`acled.subEventTypes.${incident.subEventType}`)
                        : isEventType(incident.eventType)
                          ? t(`acled.eventTypes.${incident.eventType}`)
                          : incident.eventType}
                    </Link>
                    {incident.location ? (
                      <span className="cell-muted"> · {incident.location}</span>
                    ) : null}
                    <span className="cell-muted">
                      {' '}
                      · {t('sites.nearby.distance', { km: incident.distanceKm.toFixed(1) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {loaded.value.incidents.truncated ? (
              <p className="cell-muted">{t('sites.nearby.truncated')}</p>
            ) : null}
          </DetailCard>
        </div>
      ) : null}
    </div>
  );
}
