/** Threat actors the user may read, searched by name, a page at a time. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreatActors, type ThreatActorSummary } from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { Icon } from '../../components/icons';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatEventDate } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { isMotivation, isSophistication } from './actorDraft';
import { IntelTabs } from './IntelTabs';
import { canWriteIntel } from './permissions';

const PAGE_SIZE = 50;

export default function ActorListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  useDocumentTitle(t('intel.actors.title'));
  const directory = useOrganisationDirectory();
  const [q, setQ] = useState('');
  const onSearch = useCallback((text: string) => setQ(text), []);
  const list = useCursorPages<ThreatActorSummary>(
    (cursor, signal) => listThreatActors({ q: q || undefined, limit: PAGE_SIZE, cursor }, signal),
    q,
  );
  const writer = canWriteIntel(user);
  const day = (iso: string | null) => (iso ? formatEventDate(iso.slice(0, 10), 1, locale) : '—');

  return (
    <div className="page page-intel">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('nav.intelligence')}</h1>
          <p className="page-description">{t('intel.actors.description')}</p>
        </div>
        {writer ? (
          <Link to="/intel/actors/new" className="button button-primary">
            <Icon name="plus" />
            {t('intel.actors.new')}
          </Link>
        ) : null}
      </header>
      <IntelTabs current="actors" />
      <div className="panel-toolbar">
        <SearchBox label={t('intel.actors.search')} onSearch={onSearch} />
      </div>
      {list.status === 'error' ? (
        <Notice tone="error">
          {describeError(list.error, t)}{' '}
          <button type="button" className="button button-link" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      <div className="table-wrap" aria-busy={list.status === 'loading'}>
        <table className="table table-dense" data-testid="actors-table">
          <caption className="visually-hidden">{t('intel.actors.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intel.actorFields.name')}</th>
              <th scope="col">{t('intel.actorFields.sophistication')}</th>
              <th scope="col">{t('intel.actorFields.primaryMotivation')}</th>
              <th scope="col">{t('intel.actorFields.firstSeen')}</th>
              <th scope="col">{t('intel.actorFields.lastSeen')}</th>
              <th scope="col">{t('intel.fields.marking')}</th>
              <th scope="col">{t('intel.fields.organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((actor) => (
              <tr key={actor.id}>
                <td>
                  <Link to={`/intel/actors/${actor.id}`} className="row-link row-link-wrap">
                    {actor.name}
                  </Link>
                </td>
                <td>
                  {actor.sophistication && isSophistication(actor.sophistication)
                    ? t(`intel.sophistication.${actor.sophistication}`)
                    : '—'}
                </td>
                <td>
                  {actor.primaryMotivation && isMotivation(actor.primaryMotivation)
                    ? t(`intel.motivation.${actor.primaryMotivation}`)
                    : '—'}
                </td>
                <td className="cell-muted">{day(actor.firstSeen)}</td>
                <td className="cell-muted">{day(actor.lastSeen)}</td>
                <td>
                  <MarkingBadge marking={actor.marking} />
                </td>
                <td className="cell-org">
                  {directory.nameOf(actor.createdBy) ?? (
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
          <EmptyState title={q ? t('intel.actors.noMatch') : t('intel.actors.empty')}>
            {q ? t('common.tryAnotherSearch') : t('intel.actors.emptyHint')}
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
