/**
 * The report's chart: the day's incidents by event type (every type, zeros
 * included, so that days compare) as bars in a real table, and the 7 days
 * ending on the report's day as columns with the same numbers in a table
 * for screen readers. Plain HTML and CSS, no chart library, colours as in
 * the incidents chart.
 */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { currentLocale } from '../../i18n';
import { eventTypeColour } from '../../lib/acled';
import { formatCount } from '../../lib/format';
import { eventTypeLabel, SitrepSection } from './SitrepParts';

/** A bar's length as a share of the longest, in per cent; an empty chart draws no bars. */
function share(value: number, max: number): string {
  return `${max > 0 ? (value / max) * 100 : 0}%`;
}

function shortDay(date: string, locale: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(parsed);
}

export function SitrepCharts({ chart }: { chart: Sitrep['chart'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeMax = Math.max(0, ...chart.incidentsByEventType.map((bar) => bar.count));
  const dayMax = Math.max(0, ...chart.incidentsByDay.map((bar) => bar.count));
  return (
    <SitrepSection id="sitrep-chart" title={t('sitrep.chart.title')}>
      <figure className="sitrep-chart" data-testid="sitrep-chart-types">
        <figcaption className="sitrep-subtitle">{t('sitrep.chart.byType')}</figcaption>
        <table className="sitrep-bars">
          <caption className="visually-hidden">{t('sitrep.chart.byType')}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('sitrep.chart.type')}</th>
              <th scope="col">{t('sitrep.chart.count')}</th>
            </tr>
          </thead>
          <tbody>
            {chart.incidentsByEventType.map((bar) => (
              <tr key={bar.eventType}>
                <th scope="row">{eventTypeLabel(bar.eventType, t)}</th>
                <td>
                  <span className="sitrep-bar-track" aria-hidden="true">
                    <span
                      className="sitrep-bar"
                      style={{
                        inlineSize: share(bar.count, typeMax),
                        background: eventTypeColour(bar.eventType),
                      }}
                    />
                  </span>
                  <span className="sitrep-bar-value">{formatCount(bar.count, locale)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <figure className="sitrep-chart" data-testid="sitrep-chart-days">
        <figcaption className="sitrep-subtitle">{t('sitrep.chart.byDay')}</figcaption>
        {/* Time runs left to right in every language, as in the incidents chart. */}
        <ol className="sitrep-columns" dir="ltr" aria-hidden="true">
          {chart.incidentsByDay.map((bar) => (
            <li key={bar.date}>
              <span className="sitrep-column-value">{formatCount(bar.count, locale)}</span>
              <span className="sitrep-column-track">
                <span className="sitrep-column" style={{ blockSize: share(bar.count, dayMax) }} />
              </span>
              <span className="sitrep-column-label">{shortDay(bar.date, locale)}</span>
            </li>
          ))}
        </ol>
        <table className="visually-hidden">
          <caption>{t('sitrep.chart.byDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sitrep.chart.day')}</th>
              <th scope="col">{t('sitrep.chart.count')}</th>
            </tr>
          </thead>
          <tbody>
            {chart.incidentsByDay.map((bar) => (
              <tr key={bar.date}>
                <th scope="row">{shortDay(bar.date, locale)}</th>
                <td>{formatCount(bar.count, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </SitrepSection>
  );
}
