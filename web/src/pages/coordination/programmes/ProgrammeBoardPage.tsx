/**
 * The programme board: every cooperation programme the user may read, in
 * columns by status or by kind, filtered by kind, status, working group and
 * lead organisation (kept in the address), each card with its milestone
 * progress and overdue milestones said in words.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listProgrammes,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type ProgrammeKind,
  type ProgrammeStatus,
  type ProgrammeSummary,
} from '../../../api/programmes';
import { useSession } from '../../../app/session';
import { SelectField } from '../../../components/Field';
import { EmptyState, Notice, Spinner } from '../../../components/Notice';
import { DirectoryWarning } from '../../../components/Originator';
import { ListPageHeader } from '../../../components/Page';
import { ListPagination } from '../../../components/Pagination';
import { describeError } from '../../../i18n/errors';
import { useFiltersInAddress } from '../../../lib/addressFilters';
import { useOrganisationDirectory } from '../../../lib/organisationDirectory';
import { useCursorPages } from '../../../lib/useCursorPages';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { CoordinationTabs } from '../CoordinationTabs';
import { canWriteCoordination } from '../permissions';
import { useWorkingGroups } from '../useWorkingGroups';
import { ProgrammeCard } from './ProgrammeCard';
import {
  boardViewFromSearch,
  filtersOf,
  hasBoardFilters,
  searchFromBoardView,
  type BoardGrouping,
  type BoardView,
} from './programmeFilters';
import { kindOptions, programmeStatusOptions } from './programmeLabels';

const PAGE_SIZE = 100;

export default function ProgrammeBoardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('coordination.programmes.title'));
  const { filters: view, setFilters: setView } = useFiltersInAddress(
    '/coordination/programmes',
    boardViewFromSearch,
    searchFromBoardView,
  );
  const directory = useOrganisationDirectory();
  const groups = useWorkingGroups();
  const list = useCursorPages<ProgrammeSummary>(
    (cursor, signal) => listProgrammes(filtersOf(view), { limit: PAGE_SIZE, cursor }, signal),
    // The grouping changes only how the same programmes are laid out.
    searchFromBoardView({ ...view, groupBy: 'status' }),
  );
  const columns: readonly (ProgrammeKind | ProgrammeStatus)[] =
    view.groupBy === 'kind' ? PROGRAMME_KINDS : PROGRAMME_STATUSES;
  const columnOf = (programme: ProgrammeSummary) =>
    view.groupBy === 'kind' ? programme.kind : programme.status;
  const columnTitle = (key: string) =>
    view.groupBy === 'kind'
      ? t(`coordination.programmes.kinds.${key as ProgrammeKind}`)
      : t(`coordination.programmes.statuses.${key as ProgrammeStatus}`);

  return (
    <div className="page page-coordination">
      <ListPageHeader
        title={t('nav.coordination')}
        description={t('coordination.programmes.description')}
        newRecord={
          canWriteCoordination(user)
            ? { to: '/coordination/programmes/new', label: t('coordination.programmes.new') }
            : null
        }
      />
      <CoordinationTabs current="programmes" />
      <BoardFilters
        view={view}
        onChange={setView}
        groups={groups}
        organisations={directory.organisations}
      />
      <DirectoryWarning directory={directory} />
      {list.status === 'error' ? (
        <Notice tone="error">
          {describeError(list.error, t)}{' '}
          <button type="button" className="button button-link" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      {list.status === 'loading' && list.items.length === 0 ? (
        <Spinner label={t('common.loading')} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          title={
            hasBoardFilters(view)
              ? t('coordination.programmes.noMatch')
              : t('coordination.programmes.empty')
          }
        >
          {hasBoardFilters(view)
            ? t('common.tryAnotherSearch')
            : t('coordination.programmes.emptyHint')}
        </EmptyState>
      ) : null}
      {list.items.length > 0 ? (
        <div
          className="programme-board"
          data-testid="programme-board"
          aria-busy={list.status === 'loading'}
        >
          {columns.map((key) => {
            const cards = list.items.filter((programme) => columnOf(programme) === key);
            return (
              <section key={key} className="programme-column" aria-labelledby={`column-${key}`}>
                <h2 id={`column-${key}`} className="section-title programme-column-title">
                  {columnTitle(key)} <span className="cell-muted">({cards.length})</span>
                </h2>
                {cards.map((programme) => (
                  <ProgrammeCard
                    key={programme.id}
                    programme={programme}
                    groupBy={view.groupBy}
                    directory={directory}
                  />
                ))}
              </section>
            );
          })}
        </div>
      ) : null}
      <ListPagination list={list} />
    </div>
  );
}

function BoardFilters({
  view,
  onChange,
  groups,
  organisations,
}: {
  view: BoardView;
  onChange: (view: BoardView) => void;
  groups: ReturnType<typeof useWorkingGroups>;
  organisations: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const all = { value: '', label: t('coordination.filters.all') };
  const set = (changes: Partial<BoardView>) => onChange({ ...view, ...changes });
  const orUndefined = (value: string) => (value === '' ? undefined : value);
  return (
    <form
      className="filter-bar programme-filter-bar"
      aria-label={t('coordination.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="programme-filters"
    >
      <fieldset className="field">
        <legend className="field-label">{t('coordination.programmes.groupBy')}</legend>
        <div className="segmented">
          {(['status', 'kind'] as const satisfies readonly BoardGrouping[]).map((grouping) => (
            <label
              key={grouping}
              className={grouping === view.groupBy ? 'segment segment-selected' : 'segment'}
            >
              <input
                type="radio"
                name={`${id}-group-by`}
                value={grouping}
                checked={grouping === view.groupBy}
                onChange={() => set({ groupBy: grouping })}
              />
              {t(`coordination.programmes.groupings.${grouping}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t('coordination.programmes.kind')}
        value={view.kind ?? ''}
        onValueChange={(value) => set({ kind: orUndefined(value) as ProgrammeKind | undefined })}
        options={[all, ...kindOptions(t)]}
      />
      <SelectField
        label={t('coordination.fields.status')}
        value={view.status ?? ''}
        onValueChange={(value) =>
          set({ status: orUndefined(value) as ProgrammeStatus | undefined })
        }
        options={[all, ...programmeStatusOptions(t)]}
      />
      <SelectField
        label={t('coordination.fields.workingGroup')}
        value={view.workingGroupId ?? ''}
        onValueChange={(value) => set({ workingGroupId: orUndefined(value) })}
        options={[all, ...groups.items.map((group) => ({ value: group.id, label: group.name }))]}
      />
      <SelectField
        label={t('coordination.programmes.lead')}
        value={view.leadOrgId ?? ''}
        onValueChange={(value) => set({ leadOrgId: orUndefined(value) })}
        options={[all, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <div className="filter-bar-end">
        <button
          type="button"
          className="button button-link"
          onClick={() => onChange({ groupBy: view.groupBy })}
          disabled={!hasBoardFilters(view)}
        >
          {t('coordination.filters.clear')}
        </button>
      </div>
    </form>
  );
}
