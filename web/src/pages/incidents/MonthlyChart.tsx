/**
 * Incidents per month, stacked by event type: plain SVG, no chart library.
 * Long spans are drawn per quarter or per year so that bars stay readable.
 * Prefers the server's monthly counts (all incidents under the filters);
 * where the server does not offer them, counts the incidents listed so far
 * and says so in the caption. A table with the same numbers is there for
 * screen readers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  incidentMonthly,
  type IncidentFilters,
  type IncidentSummary,
  type MonthlyCount,
} from '../../api/incidents';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { EVENT_TYPES, eventTypeColour, isEventType } from '../../lib/acled';
import { formatCount, formatMonth } from '../../lib/format';

const MAX_BARS = 36;
const HEIGHT = 168;
const PAD = { top: 8, right: 8, bottom: 22, left: 34 };

type Source =
  | { kind: 'loading' }
  | { kind: 'server'; months: MonthlyCount[] }
  | { kind: 'fallback' }
  | { kind: 'error'; error: unknown };

/** Whether this server answers /api/incidents/monthly; learnt once per page life. */
let serverHasMonthly: boolean | undefined;

function countListed(items: readonly IncidentSummary[]): MonthlyCount[] {
  const counts = new Map<string, MonthlyCount>();
  for (const item of items) {
    const month = item.eventDate.slice(0, 7);
    const key = `${month}|${item.eventType}`;
    const found = counts.get(key);
    if (found) found.count += 1;
    else counts.set(key, { month, eventType: item.eventType, count: 1 });
  }
  return [...counts.values()];
}

function nextMonth(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

interface Column {
  month: string;
  total: number;
  parts: { eventType: string; count: number }[];
}

/** Months per bar: one month, a quarter or a year, so that at most MAX_BARS bars are drawn. */
function bucketSize(monthCount: number): 1 | 3 | 12 {
  if (monthCount <= MAX_BARS) return 1;
  return monthCount <= MAX_BARS * 3 ? 3 : 12;
}

function bucketStart(month: string, size: number): string {
  if (size === 1) return month;
  const [year = '0', number = '1'] = month.split('-');
  const start = size === 12 ? 1 : Math.floor((Number(number) - 1) / 3) * 3 + 1;
  return `${year}-${String(start).padStart(2, '0')}`;
}

function columnsOf(counts: readonly MonthlyCount[]): { columns: Column[]; size: 1 | 3 | 12 } {
  if (counts.length === 0) return { columns: [], size: 1 };
  const sorted = [...counts].sort((a, b) => a.month.localeCompare(b.month));
  const first = sorted[0]?.month ?? '';
  const last = sorted[sorted.length - 1]?.month ?? '';
  let span = 0;
  for (let month = first; month <= last && span < 10_000; month = nextMonth(month)) span += 1;
  const size = bucketSize(span);
  const starts: string[] = [];
  for (let month = bucketStart(first, size); month <= last;) {
    starts.push(month);
    for (let step = 0; step < size; step += 1) month = nextMonth(month);
  }
  const order = (type: string) => (isEventType(type) ? EVENT_TYPES.indexOf(type) : 99);
  const columns = starts.map((start) => {
    const byType = new Map<string, number>();
    for (const count of counts) {
      if (count.count > 0 && bucketStart(count.month, size) === start)
        byType.set(count.eventType, (byType.get(count.eventType) ?? 0) + count.count);
    }
    const parts = [...byType]
      .map(([eventType, count]) => ({ eventType, count }))
      .sort((a, b) => order(a.eventType) - order(b.eventType));
    return { month: start, total: parts.reduce((sum, p) => sum + p.count, 0), parts };
  });
  return { columns, size };
}

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return value;
}

export function MonthlyChart({
  filters,
  filterKey,
  listed,
  listComplete,
}: {
  filters: IncidentFilters;
  filterKey: string;
  listed: readonly IncidentSummary[];
  listComplete: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [source, setSource] = useState<Source>({ kind: 'loading' });

  useEffect(() => {
    if (serverHasMonthly === false) {
      setSource({ kind: 'fallback' });
      return;
    }
    const controller = new AbortController();
    setSource({ kind: 'loading' });
    incidentMonthly(filters, controller.signal).then(
      (months) => {
        serverHasMonthly = months !== null;
        if (!controller.signal.aborted)
          setSource(months === null ? { kind: 'fallback' } : { kind: 'server', months });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSource({ kind: 'error', error });
      },
    );
    return () => controller.abort();
    // `filterKey` stands for the filters: the same filters in a new object ask nothing new.
  }, [filterKey]);

  const counts = source.kind === 'server' ? source.months : countListed(listed);
  const { columns, size } = useMemo(() => columnsOf(counts), [counts]);
  const types = useMemo(
    () => EVENT_TYPES.filter((type) => counts.some((c) => c.eventType === type && c.count > 0)),
    [counts],
  );

  let body;
  if (source.kind === 'loading') body = <div className="chart-placeholder" />;
  else if (source.kind === 'error')
    body = <Notice tone="error">{describeError(source.error, t)}</Notice>;
  else if (columns.length === 0) body = <p className="chart-empty">{t('incidents.chart.empty')}</p>;
  else body = <Bars columns={columns} locale={locale} />;

  return (
    <figure className="chart card-tight" aria-labelledby="chart-title" data-testid="monthly-chart">
      <div className="chart-header">
        <h2 id="chart-title" className="section-title">
          {t('incidents.chart.title')}
        </h2>
        {types.length > 0 ? (
          <ul className="chart-legend">
            {types.map((type) => (
              <li key={type}>
                <span className="swatch" style={{ background: eventTypeColour(type) }} />
                {t(`acled.eventTypes.${type}`)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {body}
      <figcaption className="chart-caption">
        {source.kind === 'fallback'
          ? listComplete
            ? t('incidents.chart.fromListed', { count: listed.length })
            : t('incidents.chart.fromListedPartial', { count: listed.length })
          : null}
        {size === 3 ? ` ${t('incidents.chart.perQuarter')}` : null}
        {size === 12 ? ` ${t('incidents.chart.perYear')}` : null}
      </figcaption>
      {columns.length > 0 ? (
        <table className="visually-hidden">
          <caption>{t('incidents.chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.chart.month')}</th>
              {types.map((type) => (
                <th key={type} scope="col">
                  {t(`acled.eventTypes.${type}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.month}>
                <th scope="row">{formatMonth(column.month, locale)}</th>
                {types.map((type) => (
                  <td key={type}>
                    {column.parts.find((part) => part.eventType === type)?.count ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}

function Bars({
  columns,
  locale,
}: {
  columns: Column[];
  locale: ReturnType<typeof currentLocale>;
}) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(...columns.map((c) => c.total)));
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  const slot = plotWidth / columns.length;
  const barWidth = Math.max(2, Math.min(36, slot * 0.7));
  // Label every month when there is room, else every n-th.
  const labelEvery = Math.max(
    1,
    Math.ceil(columns.length / Math.max(1, Math.floor(plotWidth / 52))),
  );
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;

  return (
    <div ref={frame} className="chart-frame" dir="ltr">
      {width > 0 ? (
        <svg
          className="chart-svg"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          aria-hidden="true"
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                className="chart-grid"
                x1={PAD.left}
                x2={width - PAD.right}
                y1={y(tick)}
                y2={y(tick)}
              />
              <text className="chart-tick" x={PAD.left - 6} y={y(tick) + 3.5} textAnchor="end">
                {Number.isInteger(tick) ? formatCount(tick, locale) : ''}
              </text>
            </g>
          ))}
          {columns.map((column, index) => {
            const x = PAD.left + index * slot + (slot - barWidth) / 2;
            let top = PAD.top + plotHeight;
            return (
              <g key={column.month}>
                <title>
                  {`${formatMonth(column.month, locale)}: ${formatCount(column.total, locale)}\n`}
                  {column.parts
                    .map((part) =>
                      isEventType(part.eventType)
                        ? `${t(`acled.eventTypes.${part.eventType}`)}: ${part.count}`
                        : `${part.eventType}: ${part.count}`,
                    )
                    .join('\n')}
                </title>
                {column.parts.map((part) => {
                  const height = (part.count / max) * plotHeight;
                  top -= height;
                  return (
                    <rect
                      key={part.eventType}
                      x={x}
                      y={top}
                      width={barWidth}
                      height={Math.max(0, height - 0.5)}
                      fill={eventTypeColour(part.eventType)}
                    />
                  );
                })}
                {index % labelEvery === 0 ? (
                  <text
                    className="chart-tick"
                    x={x + barWidth / 2}
                    y={HEIGHT - 6}
                    textAnchor="middle"
                  >
                    {formatMonth(column.month, locale)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      ) : null}
    </div>
  );
}
