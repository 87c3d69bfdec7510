/** Incidents the user may read: filters, counts by type, the monthly chart and the list. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentExportUrl, incidentFacets, type IncidentFilters } from '../../api/incidents';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { DirectoryWarning, OriginatorCell } from '../../components/Originator';
import { EmptyState } from '../../components/Notice';
import { ExportLinks } from '../../components/ExportLinks';
import { ListPageHeader } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { EVENT_TYPES, eventTypeColour, isEventType, isSubEventType } from '../../lib/acled';
import { countryName } from '../../lib/countries';
import { formatCount, formatEventDate } from '../../lib/format';
import { filtersFromSearch, hasFilters, searchFromFilters } from '../../lib/incidentFilters';
import { useFiltersInAddress } from '../../lib/addressFilters';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { canWriteIncidents } from './permissions';
import { IncidentFilterBar } from './IncidentFilterBar';
import { MonthlyChart } from './MonthlyChart';
import { useIncidentList } from './useIncidentList';

type Facets =
  | { status: 'loading' }
  | { status: 'ready'; total: number; byType: Map<string, number> }
  | { status: 'error'; error: unknown };

function useFacets(filters: IncidentFilters, filterKey: string): Facets {
  const [facets, setFacets] = useState<Facets>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setFacets({ status: 'loading' });
    incidentFacets(filters, controller.signal).then(
      (answer) =>
        setFacets({
          status: 'ready',
          total: answer.total,
          byType: new Map(answer.eventTypes.map((entry) => [entry.eventType, entry.count])),
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFacets({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `filterKey` stands for the filters.
  }, [filterKey]);
  return facets;
}

export default function IncidentListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  useDocumentTitle(t('nav.incidents'));
  const { filters, filterKey, setFilters } = useFiltersInAddress(
    '/incidents',
    filtersFromSearch,
    searchFromFilters,
  );
  const directory = useOrganisationDirectory();
  const list = useIncidentList(filters, filterKey);
  const facets = useFacets(filters, filterKey);
  const filtered = hasFilters(filters);

  return (
    <div className="page page-incidents">
      <ListPageHeader
        title={t('nav.incidents')}
        description={t('incidents.description')}
        newRecord={
          canWriteIncidents(user) ? { to: '/incidents/new', label: t('incidents.new') } : null
        }
        actions={<ExportLinks urlFor={(format) => incidentExportUrl(filters, format)} />}
      />

      <IncidentFilterBar
        filters={filters}
        onChange={setFilters}
        organisations={directory.organisations}
      />

      <div className="facet-bar" aria-live="polite" data-testid="incident-facets">
        {facets.status === 'ready' ? (
          <>
            <span className="facet-total">
              {t('incidents.facets.total', { count: facets.total })}
            </span>
            {EVENT_TYPES.map((type) => {
              const count = facets.byType.get(type) ?? 0;
              const selected = filters.eventType === type;
              return (
                <button
                  key={type}
                  type="button"
                  className={selected ? 'facet facet-selected' : 'facet'}
                  aria-pressed={selected}
                  disabled={count === 0 && !selected}
                  onClick={() =>
                    setFilters({
                      ...filters,
                      eventType: selected ? undefined : type,
                      subEventType: undefined,
                    })
                  }
                >
                  <span className="swatch" style={{ background: eventTypeColour(type) }} />
                  {t(`acled.eventTypes.${type}`)}
                  <span className="facet-count">{formatCount(count, locale)}</span>
                </button>
              );
            })}
          </>
        ) : null}
        {facets.status === 'error' ? (
          <span className="field-error">{describeError(facets.error, t)}</span>
        ) : null}
      </div>

      <MonthlyChart
        filters={filters}
        filterKey={filterKey}
        listed={list.items}
        listComplete={!list.hasMore && list.status === 'ready'}
      />

      <DirectoryWarning directory={directory} />

      <ListTable
        list={list}
        onRetry={list.reload}
        testId="incidents-table"
        caption={t('nav.incidents')}
        columns={[
          { label: t('incidents.fields.eventDate') },
          { label: t('incidents.fields.type') },
          { label: t('incidents.fields.place') },
          { label: t('incidents.fields.country') },
          { label: t('incidents.fields.fatalities'), className: 'cell-number' },
          { label: t('incidents.fields.marking') },
          { label: t('incidents.fields.organisation') },
        ]}
        empty={
          <EmptyState title={filtered ? t('incidents.noMatch') : t('incidents.empty')}>
            {filtered ? t('common.tryAnotherSearch') : t('incidents.emptyHint')}
          </EmptyState>
        }
      >
        {list.items.map((incident) => (
          <tr key={incident.id} className={incident.revoked ? 'row-disabled' : undefined}>
            <td className="cell-muted">
              <Link to={`/incidents/${incident.id}`} className="row-link">
                {formatEventDate(incident.eventDate, incident.timePrecision, locale)}
              </Link>
            </td>
            <td>
              <span className="type-cell">
                <span
                  className="swatch"
                  style={{ background: eventTypeColour(incident.eventType) }}
                />
                <span>
                  <span className="cell-strong">
                    {isEventType(incident.eventType)
                      ? t(`acled.eventTypes.${incident.eventType}`)
                      : incident.eventType}
                  </span>
                  <span className="cell-sub">
                    {isSubEventType(incident.subEventType)
                      ? t(`acled.subEventTypes.${incident.subEventType}`)
                      : incident.subEventType}
                  </span>
                </span>
              </span>
            </td>
            <td>
              {incident.location}
              {incident.revoked ? (
                <span className="badge badge-disabled badge-inline">{t('incidents.revoked')}</span>
              ) : null}
            </td>
            <td>{countryName(incident.country, locale)}</td>
            <td className="cell-number">
              {incident.fatalities === null ? (
                <span className="cell-muted" title={t('incidents.unknownCount')}>
                  ?
                </span>
              ) : (
                formatCount(incident.fatalities, locale)
              )}
            </td>
            <td>
              <MarkingBadge marking={incident.marking} />
            </td>
            <OriginatorCell
              directory={directory}
              orgId={incident.createdBy}
              unknownLabel={t('incidents.unknownOrganisation')}
            />
          </tr>
        ))}
      </ListTable>
      <div className="list-footer">
        <span className="cell-muted">
          {list.items.length > 0
            ? t('incidents.shown', {
                count: list.items.length,
                total: facets.status === 'ready' ? facets.total : list.items.length,
              })
            : null}
        </span>
        {list.hasMore || list.status === 'loading-more' ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={list.loadMore}
            disabled={list.status !== 'ready'}
          >
            {list.status === 'loading-more' ? t('common.loading') : t('incidents.more')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
