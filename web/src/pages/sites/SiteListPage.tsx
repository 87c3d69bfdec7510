/** Protected sites the user may read: search, type and posture filters, people on site today. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listSites,
  POSTURE_LEVELS,
  SITE_TYPES,
  type PostureLevel,
  type SiteFilters,
  type SiteType,
} from '../../api/sites';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField } from '../../components/Field';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState } from '../../components/Notice';
import { ListPageHeader } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { formatCount, formatEventDate } from '../../lib/format';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { levelClass } from '../movements/riskLevels';
import { canWriteSites } from './permissions';

const PAGE_SIZE = 25;

export default function SiteListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  useDocumentTitle(t('nav.sites'));
  const [filters, setFilters] = useState<SiteFilters>({});
  const filterKey = JSON.stringify(filters);
  const list = useCursorPages(
    (cursor, signal) => listSites(filters, { limit: PAGE_SIZE, cursor }, signal),
    filterKey,
  );
  // The server searches words of two letters or more.
  const onSearch = useCallback(
    (q: string) => setFilters((current) => ({ ...current, q: q.length >= 2 ? q : undefined })),
    [],
  );
  const filtered = filters.q !== undefined || filters.type !== undefined || !!filters.posture;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <div className="page page-sites">
      <ListPageHeader
        title={t('nav.sites')}
        description={t('sites.description')}
        newRecord={canWriteSites(user) ? { to: '/sites/new', label: t('sites.new') } : null}
      />
      <form
        className="filter-bar"
        aria-label={t('sites.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SearchBox
          showLabel
          value={filters.q ?? ''}
          onSearch={onSearch}
          label={t('sites.filters.q')}
          placeholder={t('sites.filters.qPlaceholder')}
        />
        <SelectField
          label={t('sites.fields.type')}
          value={filters.type ?? ''}
          onValueChange={(value) =>
            setFilters({ ...filters, type: value === '' ? undefined : (value as SiteType) })
          }
          options={[
            { value: '', label: t('sites.filters.all') },
            ...SITE_TYPES.map((type) => ({ value: type, label: t(`sites.types.${type}`) })),
          ]}
        />
        <SelectField
          label={t('sites.fields.posture')}
          value={filters.posture ?? ''}
          onValueChange={(value) =>
            setFilters({ ...filters, posture: value === '' ? undefined : (value as PostureLevel) })
          }
          options={[
            { value: '', label: t('sites.filters.all') },
            ...POSTURE_LEVELS.map((level) => ({
              value: level,
              label: t(`sites.posture.${level}`),
            })),
          ]}
        />
      </form>

      <ListTable
        list={list}
        onRetry={list.reload}
        testId="sites-table"
        caption={t('nav.sites')}
        columns={[
          { label: t('sites.fields.name') },
          { label: t('sites.fields.type') },
          { label: t('sites.fields.posture') },
          { label: t('sites.fields.peopleToday'), className: 'cell-number' },
          { label: t('sites.fields.operator') },
          { label: t('sites.fields.guard') },
          { label: t('sites.fields.marking') },
        ]}
        empty={
          <EmptyState title={filtered ? t('sites.noMatch') : t('sites.empty')}>
            {filtered ? t('common.tryAnotherSearch') : t('sites.emptyHint')}
          </EmptyState>
        }
      >
        {list.items.map((site) => (
          <tr key={site.id} className={site.revoked ? 'row-disabled' : undefined}>
            <td>
              <Link to={`/sites/${site.id}`} className="row-link cell-strong">
                {site.name}
              </Link>
              {site.revoked ? (
                <span className="badge badge-disabled badge-inline">{t('sites.revoked')}</span>
              ) : null}
            </td>
            <td>{t(`sites.types.${site.type}`)}</td>
            <td>
              <span className={levelClass(site.postureLevel)}>
                {t(`sites.posture.${site.postureLevel}`)}
              </span>
            </td>
            <td className="cell-number">
              {site.peopleOnSite ? (
                <>
                  {formatCount(site.peopleOnSite.total, locale)}
                  {site.peopleOnSite.day !== today ? (
                    <span className="cell-sub">
                      {t('sites.people.asOf', {
                        day: formatEventDate(site.peopleOnSite.day, 1, locale),
                      })}
                    </span>
                  ) : null}
                </>
              ) : (
                <span className="cell-muted">—</span>
              )}
            </td>
            <td className="cell-org">{site.operator.name ?? t('sites.unknownOrganisation')}</td>
            <td className="cell-org">{site.guard.name ?? t('sites.unknownOrganisation')}</td>
            <td>
              <MarkingBadge marking={site.marking} />
            </td>
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </div>
  );
}
