/**
 * People on site: the latest day's count by nationality, the days before
 * (last 30) as a table, and — for users the server lets record them — a
 * form that replaces a day's counts.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordSitePeople, sitePeople, type Site } from '../../api/sites';
import type { CurrentUser } from '../../api/types';
import { DetailCard } from '../../components/Detail';
import { ListTable } from '../../components/ListTable';
import { EmptyState, Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName, countryOptions } from '../../lib/countries';
import { formatCount, formatEventDate } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { canRecordPeople } from './permissions';
import { countRowsInput, type CountRow } from './peopleRows';

const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

function dayOffset(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

export function SitePeople({
  site,
  user,
  onRecorded,
}: {
  site: Site;
  user: CurrentUser;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const range = useMemo(() => ({ from: dayOffset(-HISTORY_DAYS), to: dayOffset(0) }), []);
  const { loaded, reload } = useLoaded(site.id, (id, signal) => sitePeople(id, range, signal));
  const latest = site.peopleOnSite;
  const mayRecord = canRecordPeople(user, site);

  return (
    <DetailCard headingId="site-people-heading" title={t('sites.people.title')}>
      {latest ? (
        <div className="people-today" data-testid="people-today">
          <p>
            <span className="people-total">{formatCount(latest.total, locale)}</span>{' '}
            {t('sites.people.onDay', { day: formatEventDate(latest.day, 1, locale) })}
          </p>
          <ul className="nationality-list">
            {latest.byNationality.map((entry) => (
              <li key={entry.nationality}>
                {entry.nationality === 'XX'
                  ? t('sites.people.other')
                  : countryName(entry.nationality, locale)}{' '}
                <span className="cell-strong">{formatCount(entry.count, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="cell-muted">{t('sites.people.none')}</p>
      )}

      {mayRecord ? (
        <PeopleForm
          site={site}
          onRecorded={() => {
            reload();
            onRecorded();
          }}
        />
      ) : null}

      <h3 className="subsection-title">{t('sites.people.history')}</h3>
      <ListTable
        list={
          loaded.status === 'ready'
            ? { status: 'ready', items: loaded.value, error: undefined }
            : loaded.status === 'error'
              ? { status: 'error', items: [], error: loaded.error }
              : { status: 'loading', items: [], error: undefined }
        }
        onRetry={reload}
        testId="people-history"
        caption={t('sites.people.history')}
        columns={[
          { label: t('sites.people.day') },
          { label: t('sites.people.total'), className: 'cell-number' },
          { label: t('sites.people.byNationality') },
        ]}
        empty={<EmptyState title={t('sites.people.noHistory')} />}
      >
        {(loaded.status === 'ready'
          ? [...loaded.value].sort((a, b) => (a.day < b.day ? 1 : -1))
          : []
        ).map((day) => (
          <tr key={day.day}>
            <td>{formatEventDate(day.day, 1, locale)}</td>
            <td className="cell-number">{formatCount(day.total, locale)}</td>
            <td>
              {day.byNationality
                .map(
                  (entry) =>
                    `${entry.nationality === 'XX' ? t('sites.people.other') : countryName(entry.nationality, locale)} ${formatCount(entry.count, locale)}`,
                )
                .join(' · ')}
            </td>
          </tr>
        ))}
      </ListTable>
    </DetailCard>
  );
}

function PeopleForm({ site, onRecorded }: { site: Site; onRecorded: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(
    () => [{ value: 'XX', label: t('sites.people.other') }, ...countryOptions(locale)],
    [locale, t],
  );
  const [day, setDay] = useState(dayOffset(0));
  const [rows, setRows] = useState<CountRow[]>(() =>
    (site.peopleOnSite?.byNationality ?? [{ nationality: 'PK', count: 0 }]).map((entry) => ({
      nationality: entry.nationality,
      count: String(entry.count),
    })),
  );
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'saving' }
    | { status: 'saved' }
    | { status: 'error'; message: string }
  >({ status: 'idle' });

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const counts = countRowsInput(rows);
    if (counts === null) {
      setState({ status: 'error', message: t('sites.people.invalid') });
      return;
    }
    setState({ status: 'saving' });
    try {
      await recordSitePeople(site.id, day, counts);
      setState({ status: 'saved' });
      onRecorded();
    } catch (error) {
      setState({ status: 'error', message: describeError(error, t) });
    }
  }

  const setRow = (index: number, change: Partial<CountRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <form
      className="people-form"
      onSubmit={(event) => void save(event)}
      aria-labelledby="people-form-title"
    >
      <h3 id="people-form-title" className="subsection-title">
        {t('sites.people.record')}
      </h3>
      <label className="field">
        <span className="field-label">{t('sites.people.day')}</span>
        <input
          type="date"
          className="input"
          value={day}
          max={dayOffset(1)}
          onChange={(event) => setDay(event.target.value)}
          required
        />
      </label>
      <ul className="prot-rows">
        {rows.map((row, index) => (
          <li key={index} className="prot-row">
            <label className="field">
              <span className="field-label">{t('sites.people.nationality')}</span>
              <select
                className="input select"
                value={row.nationality}
                onChange={(event) => setRow(index, { nationality: event.target.value })}
              >
                {countries.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('sites.people.count')}</span>
              <input
                type="number"
                min={0}
                inputMode="numeric"
                className="input"
                value={row.count}
                onChange={(event) => setRow(index, { count: event.target.value })}
              />
            </label>
            <button
              type="button"
              className="button button-link"
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
              aria-label={t('sites.people.removeRow', { number: index + 1 })}
            >
              {t('sites.people.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="form-row-buttons">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setRows([...rows, { nationality: 'XX', count: '0' }])}
        >
          {t('sites.people.addRow')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={state.status === 'saving'}
        >
          {state.status === 'saving' ? t('common.saving') : t('sites.people.save')}
        </button>
      </div>
      {state.status === 'error' ? <Notice tone="error">{state.message}</Notice> : null}
      {state.status === 'saved' ? <Notice tone="success">{t('sites.people.saved')}</Notice> : null}
    </form>
  );
}
