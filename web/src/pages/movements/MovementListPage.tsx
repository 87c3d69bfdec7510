/**
 * The movements of one day (today unless another day is chosen): those
 * leaving that day or on the road during it, filtered by state and words,
 * with their risk and last check-in. The day and filters live in the address.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listMovements,
  MOVEMENT_STATES,
  type MovementFilters,
  type MovementState,
} from '../../api/movements';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField, TextField } from '../../components/Field';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState } from '../../components/Notice';
import { ListPageHeader } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { searchReader, searchString, useFiltersInAddress } from '../../lib/addressFilters';
import { formatDateTime, formatEventDate } from '../../lib/format';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { canRequestMovements } from './permissions';
import { levelClass } from './riskLevels';
import { RouteText } from './RouteText';
import { StateBadge } from './StateBadge';

const PAGE_SIZE = 50;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isState(value: string | undefined): value is MovementState {
  return value !== undefined && (MOVEMENT_STATES as readonly string[]).includes(value);
}

function fromSearch(search: string): MovementFilters {
  const { text, date } = searchReader(search);
  const state = text('state');
  return { day: date('day'), state: isState(state) ? state : undefined, q: text('q') };
}

function toSearch(filters: MovementFilters): string {
  const params = new URLSearchParams();
  if (filters.day) params.set('day', filters.day);
  if (filters.state) params.set('state', filters.state);
  if (filters.q) params.set('q', filters.q);
  return searchString(params);
}

export default function MovementListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  useDocumentTitle(t('nav.movements'));
  const { filters, filterKey, setFilters } = useFiltersInAddress(
    '/movements',
    fromSearch,
    toSearch,
  );
  const today = useMemo(localToday, []);
  const day = filters.day ?? today;
  const list = useCursorPages(
    (cursor, signal) => listMovements({ ...filters, day }, { limit: PAGE_SIZE, cursor }, signal),
    `${filterKey}|${day}`,
  );
  const onSearch = useCallback(
    (q: string) => setFilters({ ...filters, q: q === '' ? undefined : q }),
    [filters, setFilters],
  );
  const filtered = filters.state !== undefined || filters.q !== undefined;

  return (
    <div className="page page-movements">
      <ListPageHeader
        title={t('nav.movements')}
        description={t('movements.description')}
        newRecord={
          canRequestMovements(user) ? { to: '/movements/new', label: t('movements.new') } : null
        }
      />
      <form
        className="filter-bar"
        aria-label={t('movements.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <TextField
          label={t('movements.filters.day')}
          type="date"
          value={day}
          onValueChange={(value) =>
            setFilters({ ...filters, day: value === '' || value === today ? undefined : value })
          }
        />
        <SelectField
          label={t('movements.fields.state')}
          value={filters.state ?? ''}
          onValueChange={(value) =>
            setFilters({ ...filters, state: isState(value) ? value : undefined })
          }
          options={[
            { value: '', label: t('movements.filters.allStates') },
            ...MOVEMENT_STATES.map((state) => ({
              value: state,
              label: t(`movements.states.${state}`),
            })),
          ]}
        />
        <SearchBox
          showLabel
          value={filters.q ?? ''}
          onSearch={onSearch}
          label={t('movements.filters.q')}
          placeholder={t('movements.filters.qPlaceholder')}
        />
      </form>
      <p className="cell-muted" aria-live="polite">
        {day === today
          ? t('movements.filters.showingToday')
          : t('movements.filters.showingDay', { day: formatEventDate(day, 1, locale) })}
      </p>

      <ListTable
        list={list}
        onRetry={list.reload}
        testId="movements-table"
        caption={t('nav.movements')}
        columns={[
          { label: t('movements.fields.title') },
          { label: t('movements.fields.state') },
          { label: t('movements.fields.route') },
          { label: t('movements.fields.departure') },
          { label: t('movements.fields.arrival') },
          { label: t('movements.fields.risk') },
          { label: t('movements.fields.lastCheckin') },
          { label: t('movements.fields.marking') },
        ]}
        empty={
          <EmptyState title={filtered ? t('movements.noMatch') : t('movements.empty')}>
            {filtered ? t('common.tryAnotherSearch') : t('movements.emptyHint')}
          </EmptyState>
        }
      >
        {list.items.map((movement) => (
          <tr key={movement.id}>
            <td>
              <Link to={`/movements/${movement.id}`} className="row-link cell-strong" dir="auto">
                {movement.title}
              </Link>
            </td>
            <td>
              <StateBadge state={movement.state} />
            </td>
            <td>
              <RouteText from={movement.originName} to={movement.destinationName} />
            </td>
            <td className="cell-muted">{formatDateTime(movement.plannedDeparture, locale)}</td>
            <td className="cell-muted">{formatDateTime(movement.plannedArrival, locale)}</td>
            <td>
              {movement.riskLevel ? (
                <span className={levelClass(movement.riskLevel)}>
                  {t(`movements.risk.levels.${movement.riskLevel}`)}
                  {movement.riskScore !== null ? ` · ${movement.riskScore}` : ''}
                </span>
              ) : (
                <span className="cell-muted">{t('movements.risk.notAssessed')}</span>
              )}
            </td>
            <td className="cell-muted">
              {movement.lastPosition ? formatDateTime(movement.lastPosition.at, locale) : '—'}
            </td>
            <td>
              <MarkingBadge marking={movement.marking} />
            </td>
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </div>
  );
}
