import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations } from '../../api/admin';
import type { Organisation } from '../../api/types';
import { useSession } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { EmptyState, Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
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
      {list.status === 'error' ? (
        <Notice tone="error">{describeError(list.error, t)}</Notice>
      ) : null}
      <div className="table-wrap" aria-busy={list.status === 'loading'}>
        <table className="table" data-testid="organisations-table">
          <thead>
            <tr>
              <th scope="col">{t('organisations.fields.name')}</th>
              <th scope="col">{t('organisations.fields.country')}</th>
              <th scope="col">{t('organisations.fields.kind')}</th>
              <th scope="col">{t('organisations.fields.node')}</th>
              <th scope="col">{t('organisations.fields.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
        {list.status === 'ready' && list.items.length === 0 ? (
          <EmptyState title={query ? t('organisations.noMatch') : t('organisations.empty')}>
            {query ? t('common.tryAnotherSearch') : null}
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
