import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations } from '../../api/admin';
import type { Organisation } from '../../api/types';
import { useSession } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { EmptyState, Notice } from '../../components/Notice';
import { ListPagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/useCursorPages';
import { OrganisationForm } from './OrganisationForm';

const PAGE_SIZE = 25;

export function OrganisationsPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = currentLocale();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Organisation | null>(null);
  const load = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      listOrganisations({ q: query, limit: PAGE_SIZE, cursor }, signal),
    [query],
  );
  const list = useCursorPages(load, query);
  const canCreate = user.roles.includes('node_admin');

  return (
    <section className="panel" aria-labelledby="organisations-heading">
      <div className="panel-toolbar">
        <h2 id="organisations-heading" className="panel-title">
          {t('admin.tabs.organisations')}
        </h2>
        <SearchBox label={t('organisations.search')} onSearch={setQuery} />
        {canCreate ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Icon name="plus" />
            {t('organisations.new')}
          </button>
        ) : null}
      </div>
      {created ? (
        <Notice tone="success">{t('organisations.created', { name: created.name })}</Notice>
      ) : null}
      <ListTable
        list={list}
        testId="organisations-table"
        dense={false}
        columns={[
          { label: t('organisations.fields.name') },
          { label: t('organisations.fields.country') },
          { label: t('organisations.fields.kind') },
          { label: t('organisations.fields.node') },
          { label: t('organisations.fields.createdAt') },
        ]}
        spinner={false}
        empty={
          <EmptyState title={query ? t('organisations.noMatch') : t('organisations.empty')}>
            {query ? t('common.tryAnotherSearch') : null}
          </EmptyState>
        }
      >
        {list.items.map((organisation) => (
          <tr key={organisation.id}>
            <td className="cell-strong">{organisation.name}</td>
            <td>
              <span className="code">{organisation.country}</span>{' '}
              {countryName(organisation.country, locale)}
            </td>
            <td>{t(`kinds.${organisation.kind}`)}</td>
            <td>
              <span className={organisation.local ? 'badge badge-local' : 'badge badge-peer'}>
                {organisation.local ? t('organisations.local') : t('organisations.peer')}
              </span>
            </td>
            <td className="cell-muted">{formatDateTime(organisation.createdAt, locale)}</td>
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
      <Dialog title={t('organisations.new')} open={creating} onClose={() => setCreating(false)}>
        <OrganisationForm
          onCancel={() => setCreating(false)}
          onCreated={(organisation) => {
            setCreating(false);
            setCreated(organisation);
            list.reload();
          }}
        />
      </Dialog>
    </section>
  );
}
