/**
 * The joint working groups the user may read. Searching asks the server,
 * which looks in names and descriptions in every script the node holds.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listWorkingGroups, type WorkingGroupSummary } from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState } from '../../components/Notice';
import { DirectoryWarning, OriginatorCell } from '../../components/Originator';
import { ListPageHeader, NewRecordLink } from '../../components/Page';
import { SearchBox } from '../../components/SearchBox';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { CoordinationTabs } from './CoordinationTabs';
import { orgName } from './labels';
import { canWriteCoordination } from './permissions';
import { useWorkingGroups } from './useWorkingGroups';

export default function WorkingGroupListPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('coordination.groups.title'));
  const directory = useOrganisationDirectory();
  const groups = useWorkingGroups();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text.trim()), []);
  const found = useGroupSearch(q);
  const list = q === '' ? groups : found;
  const shown = list.items;
  const writer = canWriteCoordination(user);
  const newGroup = { to: '/coordination/groups/new', label: t('coordination.groups.new') };

  return (
    <div className="page page-coordination">
      <ListPageHeader
        title={t('nav.coordination')}
        description={t('coordination.groups.description')}
        newRecord={writer ? newGroup : null}
      />
      <CoordinationTabs current="groups" />
      <div className="panel-toolbar">
        <SearchBox label={t('coordination.groups.search')} onSearch={onSearch} />
      </div>
      <DirectoryWarning directory={directory} />
      <ListTable
        list={{ status: list.status, items: shown, error: list.error }}
        onRetry={list.reload}
        testId="working-groups-table"
        caption={t('coordination.groups.title')}
        columns={[
          { label: t('coordination.fields.name') },
          { label: t('coordination.fields.chair') },
          { label: t('coordination.fields.secretary') },
          { label: t('coordination.fields.members'), className: 'cell-number' },
          { label: t('coordination.fields.marking') },
          { label: t('coordination.fields.originator') },
        ]}
        empty={
          <EmptyState title={q ? t('coordination.groups.noMatch') : t('coordination.groups.empty')}>
            {q ? (
              t('common.tryAnotherSearch')
            ) : (
              <>
                <p>{t('coordination.groups.emptyHint')}</p>
                {writer ? (
                  <NewRecordLink
                    {...newGroup}
                    className="button button-secondary empty-state-action"
                  />
                ) : null}
              </>
            )}
          </EmptyState>
        }
      >
        {shown.map((group) => (
          <tr key={group.id}>
            <td className="cell-title">
              <Link
                to={`/coordination/groups/${group.id}`}
                className="row-link row-link-wrap"
                dir="auto"
              >
                {group.name}
              </Link>
            </td>
            <td>{orgName(directory, group.chairOrgId, t)}</td>
            <td>{orgName(directory, group.secretaryOrgId, t)}</td>
            <td className="cell-number">{group.memberOrgIds.length}</td>
            <td>
              <MarkingBadge marking={group.marking} />
            </td>
            <OriginatorCell
              directory={directory}
              orgId={group.createdBy}
              unknownLabel={t('coordination.unknownOrganisation')}
            />
          </tr>
        ))}
      </ListTable>
    </div>
  );
}

interface GroupSearch {
  status: 'loading' | 'ready' | 'error';
  items: WorkingGroupSummary[];
  error: unknown;
  reload: () => void;
}

/** The groups the server finds for `q` (the API needs 2 characters at least; one finds nothing). */
function useGroupSearch(q: string): GroupSearch {
  const [state, setState] = useState<Omit<GroupSearch, 'reload'>>({
    status: 'ready',
    items: [],
    error: undefined,
  });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if (q.length < 2) {
      setState({ status: 'ready', items: [], error: undefined });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ ...current, status: 'loading' }));
    listWorkingGroups({ limit: 200, cursor: null, q }, controller.signal).then(
      (page) => setState({ status: 'ready', items: page.items, error: undefined }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', items: [], error });
      },
    );
    return () => controller.abort();
  }, [q, attempt]);
  return { ...state, reload };
}
