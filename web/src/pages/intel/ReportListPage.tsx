/** Threat reports the user may read: filters in the address, a page of reports at a time. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreatReports, type ReportFilters, type ThreatReportSummary } from '../../api/intel';
import { Link, navigate, useSearch } from '../../app/router';
import { useSession } from '../../app/session';
import { Icon } from '../../components/icons';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { GradeCode } from './Grading';
import { IntelTabs } from './IntelTabs';
import { canWriteIntel } from './permissions';
import { ReportFilterBar } from './ReportFilterBar';
import { filtersFromSearch, hasFilters, searchFromFilters } from './reportFilters';
import { StatusBadge, TargetTypeLabel, ValidityRange } from './reportLabels';

const PAGE_SIZE = 50;

export default function ReportListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  useDocumentTitle(t('intel.reports.title'));
  const search = useSearch();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const filterKey = searchFromFilters(filters);
  const setFilters = useCallback(
    (next: ReportFilters) => navigate(`/intel${searchFromFilters(next)}`, { replace: true }),
    [],
  );
  const directory = useOrganisationDirectory();
  const list = useCursorPages<ThreatReportSummary>(
    (cursor, signal) => listThreatReports(filters, { limit: PAGE_SIZE, cursor }, signal),
    filterKey,
  );
  const filtered = hasFilters(filters);
  const writer = canWriteIntel(user);

  return (
    <div className="page page-intel">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('nav.intelligence')}</h1>
          <p className="page-description">{t('intel.reports.description')}</p>
        </div>
        {writer ? (
          <Link to="/intel/new" className="button button-primary">
            <Icon name="plus" />
            {t('intel.reports.new')}
          </Link>
        ) : null}
      </header>
      <IntelTabs current="reports" />

      <ReportFilterBar
        filters={filters}
        onChange={setFilters}
        organisations={directory.organisations}
      />

      {directory.status === 'error' ? (
        <Notice tone="warning">{describeError(directory.error, t)}</Notice>
      ) : null}
      {list.status === 'error' ? (
        <Notice tone="error">
          {describeError(list.error, t)}{' '}
          <button type="button" className="button button-link" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}

      <div className="table-wrap" aria-busy={list.status === 'loading'}>
        <table className="table table-dense" data-testid="reports-table">
          <caption className="visually-hidden">{t('intel.reports.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intel.fields.title')}</th>
              <th scope="col">{t('intel.fields.validity')}</th>
              <th scope="col">{t('intel.fields.targetType')}</th>
              <th scope="col">{t('intel.fields.grading')}</th>
              <th scope="col">{t('intel.fields.marking')}</th>
              <th scope="col">{t('intel.fields.organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((report) => (
              <tr
                key={report.id}
                className={report.status === 'revoked' ? 'row-disabled' : undefined}
              >
                <td className="cell-title">
                  <Link to={`/intel/${report.id}`} className="row-link row-link-wrap">
                    {report.title}
                  </Link>
                  {report.status !== 'published' ? (
                    <StatusBadge status={report.status} inline />
                  ) : null}
                </td>
                <td className="cell-muted">
                  <ValidityRange
                    from={report.validFrom}
                    until={report.validUntil}
                    locale={locale}
                  />
                </td>
                <td>
                  <TargetTypeLabel type={report.targetType} />
                </td>
                <td>
                  <GradeCode
                    reliability={report.sourceReliability}
                    credibility={report.informationCredibility}
                  />
                </td>
                <td>
                  <MarkingBadge marking={report.marking} />
                </td>
                <td className="cell-org">
                  {directory.nameOf(report.createdBy) ?? (
                    <span className="cell-muted">{t('intel.unknownOrganisation')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.status === 'loading' && list.items.length === 0 ? (
          <div className="table-loading">
            <Spinner label={t('common.loading')} />
          </div>
        ) : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          <EmptyState title={filtered ? t('intel.reports.noMatch') : t('intel.reports.empty')}>
            {filtered ? (
              t('common.tryAnotherSearch')
            ) : (
              <>
                <p>{t('intel.reports.emptyHint')}</p>
                {writer ? (
                  <Link to="/intel/new" className="button button-secondary empty-state-action">
                    <Icon name="plus" />
                    {t('intel.reports.new')}
                  </Link>
                ) : null}
              </>
            )}
          </EmptyState>
        ) : null}
      </div>
      <Pagination
        page={list.page}
        hasPrevious={list.hasPrevious}
        hasNext={list.hasNext}
        onPrevious={list.previous}
        onNext={list.next}
        busy={list.status === 'loading'}
      />
    </div>
  );
}
