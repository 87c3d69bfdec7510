/** Threat actors the user may read, searched by name, a page at a time. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreatActors, type ThreatActorSummary } from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { OriginatorCell } from '../../components/Originator';
import { EmptyState } from '../../components/Notice';
import { ListPageHeader } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { currentLocale } from '../../i18n';
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
      <ListPageHeader
        title={t('nav.intelligence')}
        description={t('intel.actors.description')}
        newRecord={writer ? { to: '/intel/actors/new', label: t('intel.actors.new') } : null}
      />
      <IntelTabs current="actors" />
      <div className="panel-toolbar">
        <SearchBox label={t('intel.actors.search')} onSearch={onSearch} />
      </div>
      <ListTable
        list={list}
        onRetry={list.reload}
        testId="actors-table"
        caption={t('intel.actors.title')}
        columns={[
          { label: t('intel.actorFields.name') },
          { label: t('intel.actorFields.sophistication') },
          { label: t('intel.actorFields.primaryMotivation') },
          { label: t('intel.actorFields.firstSeen') },
          { label: t('intel.actorFields.lastSeen') },
          { label: t('intel.fields.marking') },
          { label: t('intel.fields.organisation') },
        ]}
        empty={
          <EmptyState title={q ? t('intel.actors.noMatch') : t('intel.actors.empty')}>
            {q ? t('common.tryAnotherSearch') : t('intel.actors.emptyHint')}
          </EmptyState>
        }
      >
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
            <OriginatorCell
              directory={directory}
              orgId={actor.createdBy}
              unknownLabel={t('intel.unknownOrganisation')}
            />
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </div>
  );
}
