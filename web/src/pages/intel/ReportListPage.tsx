/** Threat reports the user may read: filters in the address, a page of reports at a time. */
import { useTranslation } from 'react-i18next';
import {
  listThreatReports,
  threatReportExportUrl,
  type ThreatReportSummary,
} from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { DirectoryWarning, OriginatorCell } from '../../components/Originator';
import { EmptyState } from '../../components/Notice';
import { ExportLinks } from '../../components/ExportLinks';
import { ListPageHeader, NewRecordLink } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { currentLocale } from '../../i18n';
import { useFiltersInAddress } from '../../lib/addressFilters';
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
  const { filters, filterKey, setFilters } = useFiltersInAddress(
    '/intel',
    filtersFromSearch,
    searchFromFilters,
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
      <ListPageHeader
        title={t('nav.intelligence')}
        description={t('intel.reports.description')}
        newRecord={writer ? { to: '/intel/new', label: t('intel.reports.new') } : null}
        actions={<ExportLinks urlFor={(format) => threatReportExportUrl(filters, format)} />}
      />
      <IntelTabs current="reports" />

      <ReportFilterBar
        filters={filters}
        onChange={setFilters}
        organisations={directory.organisations}
      />

      <DirectoryWarning directory={directory} />

      <ListTable
        list={list}
        onRetry={list.reload}
        testId="reports-table"
        caption={t('intel.reports.title')}
        columns={[
          { label: t('intel.fields.title') },
          { label: t('intel.fields.validity') },
          { label: t('intel.fields.targetType') },
          { label: t('intel.fields.grading') },
          { label: t('intel.fields.marking') },
          { label: t('intel.fields.organisation') },
        ]}
        empty={
          <EmptyState title={filtered ? t('intel.reports.noMatch') : t('intel.reports.empty')}>
            {filtered ? (
              t('common.tryAnotherSearch')
            ) : (
              <>
                <p>{t('intel.reports.emptyHint')}</p>
                {writer ? (
                  <NewRecordLink
                    to="/intel/new"
                    label={t('intel.reports.new')}
                    className="button button-secondary empty-state-action"
                  />
                ) : null}
              </>
            )}
          </EmptyState>
        }
      >
        {list.items.map((report) => (
          <tr key={report.id} className={report.status === 'revoked' ? 'row-disabled' : undefined}>
            <td className="cell-title">
              <Link to={`/intel/${report.id}`} className="row-link row-link-wrap">
                {report.title}
              </Link>
              {report.status !== 'published' ? <StatusBadge status={report.status} inline /> : null}
            </td>
            <td className="cell-muted">
              <ValidityRange from={report.validFrom} until={report.validUntil} locale={locale} />
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
            <OriginatorCell
              directory={directory}
              orgId={report.createdBy}
              unknownLabel={t('intel.unknownOrganisation')}
            />
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </div>
  );
}
