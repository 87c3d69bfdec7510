/**
 * Alarms and alerts raised on the report's day that the reader may see (the
 * server applies the alarm audience, duress hidden from field-only users,
 * and the alert visibility rule): alarms with level, reason and whether
 * they were acknowledged; alerts counted by severity, with headline and
 * acknowledgement. Named with the alarm and alert pages' own words.
 */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { SitrepEmpty, SitrepNote, SitrepSection, SitrepTable } from './SitrepParts';

const REASONS = ['missed_checkin', 'overdue_arrival', 'duress'] as const;
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function SitrepAlarmsAlerts({ value }: { value: Sitrep['alarmsAlerts'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { alarms, alerts } = value;
  const yesNo = (acknowledged: unknown) =>
    acknowledged ? t('sitrep.alarmsAlerts.yes') : t('sitrep.alarmsAlerts.no');
  const reason = (r: string) => t(`alarms.reason.${isOneOf(REASONS, r) ? r : 'other'}`);
  const severity = (s: string) => (isOneOf(SEVERITIES, s) ? t(`alerts.severity.${s}`) : s);
  return (
    <SitrepSection id="sitrep-alarms-alerts" title={t('sitrep.alarmsAlerts.title')}>
      <h3 className="sitrep-subtitle">{t('sitrep.alarmsAlerts.alarms')}</h3>
      {alarms.total === 0 ? (
        <SitrepEmpty testId="sitrep-alarms-empty">{t('sitrep.alarmsAlerts.noAlarms')}</SitrepEmpty>
      ) : (
        <SitrepTable
          testId="sitrep-alarms"
          caption={t('sitrep.alarmsAlerts.alarms')}
          columns={[
            { label: t('sitrep.alarmsAlerts.raised') },
            { label: t('sitrep.alarmsAlerts.movement') },
            { label: t('sitrep.alarmsAlerts.reason') },
            { label: t('sitrep.alarmsAlerts.level'), numeric: true },
            { label: t('sitrep.alarmsAlerts.acknowledged') },
          ]}
        >
          {alarms.items.map((a) => (
            <tr key={a.id} data-reason={a.reason}>
              <td className="cell-muted">{formatDateTime(a.raisedAt, locale)}</td>
              <td className="cell-title">
                <Link
                  to={`/movements/${a.movement.id}`}
                  className="row-link row-link-wrap"
                  dir="auto"
                >
                  {a.movement.title}
                </Link>
                <div>
                  <MarkingBadge marking={a.marking} />
                </div>
              </td>
              <td className="cell-strong">{reason(a.reason)}</td>
              <td className="cell-number">{t('alarms.level', { level: a.level })}</td>
              <td>{yesNo(a.acknowledged)}</td>
            </tr>
          ))}
        </SitrepTable>
      )}
      {alarms.truncated ? (
        <SitrepNote>
          {t('sitrep.alarmsAlerts.alarmsTruncated', {
            shown: formatCount(alarms.items.length, locale),
            total: formatCount(alarms.total, locale),
          })}
        </SitrepNote>
      ) : null}
      <h3 className="sitrep-subtitle">{t('sitrep.alarmsAlerts.alerts')}</h3>
      {alerts.total === 0 ? (
        <SitrepEmpty testId="sitrep-alerts-empty">{t('sitrep.alarmsAlerts.noAlerts')}</SitrepEmpty>
      ) : (
        <>
          <ul className="chips" data-testid="sitrep-alert-severities">
            {alerts.bySeverity
              .filter((s) => s.count > 0)
              .map((s) => (
                <li key={s.severity} className="chip">
                  {severity(s.severity)}{' '}
                  <span className="cell-strong">{formatCount(s.count, locale)}</span>
                </li>
              ))}
          </ul>
          <SitrepTable
            testId="sitrep-alerts"
            caption={t('sitrep.alarmsAlerts.alerts')}
            columns={[
              { label: t('sitrep.alarmsAlerts.raised') },
              { label: t('sitrep.alarmsAlerts.alert') },
              { label: t('sitrep.alarmsAlerts.severity') },
              { label: t('sitrep.alarmsAlerts.acknowledged') },
            ]}
          >
            {alerts.items.map((a) => (
              <tr key={a.id}>
                <td className="cell-muted">{formatDateTime(a.createdAt, locale)}</td>
                <td className="cell-title">
                  <Link to="/alerts" className="row-link row-link-wrap" dir="auto">
                    {a.headline}
                  </Link>
                  <div>
                    <MarkingBadge marking={a.marking} />
                  </div>
                </td>
                <td>{severity(a.severity)}</td>
                <td>{yesNo(a.acknowledged)}</td>
              </tr>
            ))}
          </SitrepTable>
          {alerts.truncated ? (
            <SitrepNote>
              {t('sitrep.alarmsAlerts.alertsTruncated', {
                shown: formatCount(alerts.items.length, locale),
                total: formatCount(alerts.total, locale),
              })}
            </SitrepNote>
          ) : null}
        </>
      )}
    </SitrepSection>
  );
}
