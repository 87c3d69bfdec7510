/**
 * The head of the report: whose report it is, which day and hours it covers,
 * when it was made and from which sources, and the day in figures.
 */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Fact } from '../../components/Detail';
import { currentLocale } from '../../i18n';
import { formatCount, formatDateTime, formatEventDate } from '../../lib/format';

const KNOWN_SOURCES = [
  'incidents',
  'threat-reports',
  'action-items',
  'movements',
  'alerts',
  'sites',
] as const;
type KnownSource = (typeof KNOWN_SOURCES)[number];

const isKnownSource = (source: string): source is KnownSource =>
  (KNOWN_SOURCES as readonly string[]).includes(source);

/** An instant in UTC, as the report's window is stated ("28 Nov 2026, 00:00"). */
function formatUtc(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

export function SitrepHeader({ report }: { report: Sitrep }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="card card-tight sitrep-header" aria-labelledby="sitrep-header-title">
      <h2 id="sitrep-header-title" className="visually-hidden">
        {t('sitrep.header.label')}
      </h2>
      <dl className="facts">
        <Fact label={t('sitrep.header.organisation')}>
          <span className="cell-strong" data-testid="sitrep-organisation">
            {report.organisation.name}
          </span>
        </Fact>
        <Fact label={t('sitrep.header.date')}>
          <time dateTime={report.date} data-testid="sitrep-day">
            {formatEventDate(report.date, 1, locale)}
          </time>
        </Fact>
        <Fact label={t('sitrep.header.window')}>
          <span dir="auto">
            {formatUtc(report.window.from, locale)} – {formatUtc(report.window.to, locale)}
          </span>
        </Fact>
        <Fact label={t('sitrep.header.generatedAt')}>
          <time dateTime={report.generatedAt}>{formatDateTime(report.generatedAt, locale)}</time>
        </Fact>
        <Fact label={t('sitrep.header.sources')}>
          <ul className="chips" data-testid="sitrep-sources">
            {report.sources.map((source) => (
              <li key={source} className="chip">
                {isKnownSource(source) ? t(`sitrep.sources.${source}`) : source}
              </li>
            ))}
          </ul>
        </Fact>
      </dl>
    </section>
  );
}

export function SitrepFigures({ report }: { report: Sitrep }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const figures = [
    { key: 'incidents', value: report.incidents.total },
    { key: 'fatalities', value: report.incidents.fatalities },
    { key: 'injured', value: report.incidents.injured },
    { key: 'threats', value: report.threats.total },
    { key: 'overdue', value: report.actionItems.total },
    { key: 'movements', value: report.movements.total },
    { key: 'alarms', value: report.alarmsAlerts.alarms.total },
    { key: 'alerts', value: report.alarmsAlerts.alerts.total },
    { key: 'people', value: report.people.total },
  ] as const;
  return (
    <section className="sitrep-figures" aria-labelledby="sitrep-figures-title">
      <h2 id="sitrep-figures-title" className="visually-hidden">
        {t('sitrep.figures.label')}
      </h2>
      <dl>
        {figures.map((figure) => (
          <div key={figure.key} className="sitrep-figure" data-testid={`figure-${figure.key}`}>
            <dt>{t(`sitrep.figures.${figure.key}`)}</dt>
            <dd>{formatCount(figure.value, locale)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
