import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../../api/admin';
import type { UserSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { SelectField } from '../../components/Field';
import { Icon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { Dialog } from '../../components/Dialog';
import { EmptyState, Notice } from '../../components/Notice';
import { ListPagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/useCursorPages';
import { UserForm } from './UserForm';
import { UserRowActions } from './UserRowActions';
import { useOrganisations } from './useOrganisations';

const PAGE_SIZE = 25;

export function UsersPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [query, setQuery] = useState('');
  const [orgId, setOrgId] = useState('');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { user: actor } = useSession();
  // An organisation administrator manages the people of their own organisation only.
  const nodeAdmin = actor.roles.includes('node_admin');
  const { organisations, error: organisationsError } = useOrganisations();
  const selectable = nodeAdmin
    ? organisations
    : organisations.filter((organisation) => organisation.id === actor.organisation.id);
  const load = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      listUsers({ q: query, orgId: orgId || undefined, limit: PAGE_SIZE, cursor }, signal),
    [query, orgId],
  );
  const list = useCursorPages(load, `${query}\u0000${orgId}`);
  const organisationFilter = useMemo(
    () => [
      { value: '', label: t('users.allOrganisations') },
      ...organisations.map((organisation) => ({
        value: organisation.id,
        label: organisation.name,
      })),
    ],
    [organisations, t],
  );
  const onUpdated = useCallback(
    (updated: UserSummary, message: string) => {
      list.replaceItem((item) => item.id === updated.id, updated);
      setNotice(message);
    },
    [list],
  );

  return (
    <section className="panel" aria-labelledby="users-heading">
      <div className="panel-toolbar">
        <h2 id="users-heading" className="panel-title">
          {t('admin.tabs.users')}
        </h2>
        <SearchBox label={t('users.search')} onSearch={setQuery} />
        {nodeAdmin ? (
          <div className="toolbar-filter">
            <SelectField
              label={t('users.filterByOrganisation')}
              value={orgId}
              onValueChange={setOrgId}
              options={organisationFilter}
            />
          </div>
        ) : null}
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" />
          {t('users.new')}
        </button>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {organisationsError ? (
        <Notice tone="error">{describeError(organisationsError, t)}</Notice>
      ) : null}
      <ListTable
        list={list}
        testId="users-table"
        dense={false}
        columns={[
          { label: t('users.fields.displayName') },
          { label: t('users.fields.username') },
          { label: t('users.fields.organisation') },
          { label: t('users.fields.roles') },
          { label: t('users.fields.mfa') },
          { label: t('users.fields.status') },
          { label: t('users.fields.lastLoginAt') },
          { label: <span className="visually-hidden">{t('common.actions')}</span> },
        ]}
        spinner={false}
        empty={
          <EmptyState title={query || orgId ? t('users.noMatch') : t('users.empty')}>
            {query || orgId ? t('common.tryAnotherSearch') : null}
          </EmptyState>
        }
      >
        {list.items.map((user) => (
          <tr key={user.id} className={user.disabled ? 'row-disabled' : undefined}>
            <td className="cell-strong">{user.displayName}</td>
            <td className="code">{user.username}</td>
            <td>{user.organisation.name}</td>
            <td className="chips">
              {user.roles.map((role) => (
                <span key={role} className="chip">
                  {t(`roles.${role}.name`)}
                </span>
              ))}
            </td>
            <td>
              {user.mfaEnabled ? (
                t('users.mfaOn')
              ) : (
                <span className="cell-muted">{t('users.mfaOff')}</span>
              )}
            </td>
            <td>
              <span className={user.disabled ? 'badge badge-disabled' : 'badge badge-active'}>
                {user.disabled ? t('users.disabled') : t('users.active')}
              </span>
            </td>
            <td className="cell-muted">
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users.never')}
            </td>
            <td className="cell-actions">
              <UserRowActions user={user} onUpdated={onUpdated} />
            </td>
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
      <Dialog title={t('users.new')} open={creating} onClose={() => setCreating(false)}>
        <UserForm
          organisations={selectable}
          defaultOrgId={nodeAdmin ? orgId : actor.organisation.id}
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setNotice(t('users.created', { name: user.displayName }));
            list.reload();
          }}
        />
      </Dialog>
    </section>
  );
}
