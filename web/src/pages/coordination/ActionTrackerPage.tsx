/**
 * The action tracker across working groups: every action item the user may
 * read, by due date, filtered by owner, status, due date, group or overdue
 * only (filters kept in the address). Overdue rows are marked and say so in
 * words; those who may report progress add a note in the row itself.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listActionItems, type ActionItemSummary } from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { EmptyState, Notice } from '../../components/Notice';
import { DirectoryWarning } from '../../components/Originator';
import { ListPageHeader } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { useFiltersInAddress } from '../../lib/addressFilters';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ActionItemCells, actionItemColumns, rowClassOf } from './ActionItemCells';
import { CoordinationTabs } from './CoordinationTabs';
import { canAddProgressNote } from './permissions';
import { ProgressNoteForm } from './ProgressNoteForm';
import { TrackerFilterBar } from './TrackerFilterBar';
import {
  hasTrackerFilters,
  searchFromTrackerFilters,
  trackerFiltersFromSearch,
} from './trackerFilters';
import { useWorkingGroups } from './useWorkingGroups';

const PAGE_SIZE = 50;
/** Title, owner, due, status, marking, group, notes: the inline note form spans them all. */
const COLUMN_COUNT = 7;

export default function ActionTrackerPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('coordination.tracker.title'));
  const { filters, filterKey, setFilters } = useFiltersInAddress(
    '/coordination/actions',
    trackerFiltersFromSearch,
    searchFromTrackerFilters,
  );
  const directory = useOrganisationDirectory();
  const groups = useWorkingGroups();
  const list = useCursorPages<ActionItemSummary>(
    (cursor, signal) => listActionItems(filters, { limit: PAGE_SIZE, cursor }, signal),
    filterKey,
  );
  const [noting, setNoting] = useState<string | null>(null);
  const [noted, setNoted] = useState<string | null>(null);
  const filtered = hasTrackerFilters(filters);
  const columns = [
    ...actionItemColumns(t),
    { label: t('coordination.fields.workingGroup') },
    { label: t('coordination.notes.title'), className: 'cell-actions' },
  ];

  return (
    <div className="page page-coordination">
      <ListPageHeader
        title={t('nav.coordination')}
        description={t('coordination.tracker.description')}
        newRecord={null}
      />
      <CoordinationTabs current="actions" />
      <TrackerFilterBar
        filters={filters}
        onChange={setFilters}
        organisations={directory.organisations}
        groups={groups}
      />
      <DirectoryWarning directory={directory} />
      {noted ? (
        <Notice tone="success">{t('coordination.notes.addedTo', { title: noted })}</Notice>
      ) : null}
      <ListTable
        list={list}
        onRetry={list.reload}
        testId="tracker-table"
        caption={t('coordination.tracker.title')}
        columns={columns}
        empty={
          <EmptyState
            title={filtered ? t('coordination.tracker.noMatch') : t('coordination.tracker.empty')}
          >
            {filtered ? t('common.tryAnotherSearch') : t('coordination.tracker.emptyHint')}
          </EmptyState>
        }
      >
        {list.items.map((item) => (
          <Fragment key={item.id}>
            <tr className={rowClassOf(item)}>
              <ActionItemCells item={item} directory={directory} />
              <td>
                <Link
                  to={`/coordination/groups/${item.workingGroupId}`}
                  className="row-link row-link-wrap"
                >
                  {groups.nameOf(item.workingGroupId) ?? t('coordination.groups.heading')}
                </Link>
              </td>
              <td className="cell-actions">
                {canAddProgressNote(user, item) && noting !== item.id ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t('coordination.notes.addTo', { title: item.title })}
                    onClick={() => {
                      setNoting(item.id);
                      setNoted(null);
                    }}
                  >
                    {t('coordination.notes.add')}
                  </button>
                ) : null}
              </td>
            </tr>
            {noting === item.id ? (
              <tr className="note-row">
                <td colSpan={COLUMN_COUNT}>
                  <ProgressNoteForm
                    itemId={item.id}
                    itemTitle={item.title}
                    onCancel={() => setNoting(null)}
                    autoFocus
                    onAdded={() => {
                      setNoting(null);
                      setNoted(item.title);
                    }}
                  />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </div>
  );
}
