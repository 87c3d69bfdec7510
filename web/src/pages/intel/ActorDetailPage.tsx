/** One threat actor: names, description, STIX vocabularies, when seen, and the record. */
import { useTranslation } from 'react-i18next';
import { getThreatActor } from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { BackLink } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatEventDate } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded } from '../../lib/useLoaded';
import { isMotivation, isSophistication } from './actorDraft';
import { canEditRecord } from './permissions';
import { SharingFacts } from './SharingFacts';

export default function ActorDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded } = useLoaded(id, getThreatActor);
  useDocumentTitle(loaded.status === 'ready' ? loaded.value.name : t('intel.actors.heading'));

  const back = <BackLink to="/intel/actors" label={t('intel.actors.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('intel.actors.notFound')}
        notFoundHint={t('intel.actors.notFoundHint')}
      />
    );
  }
  const actor = loaded.value;
  const day = (iso: string | undefined) =>
    iso ? formatEventDate(iso.slice(0, 10), 1, locale) : '—';

  return (
    <div className="page page-actor">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{actor.name}</h1>
          <div className="incident-meta">
            <MarkingBadge marking={actor.marking} />
            <span>{directory.nameOf(actor.createdBy) ?? t('intel.unknownOrganisation')}</span>
          </div>
        </div>
        {canEditRecord(user, actor) ? (
          <div className="header-actions">
            <Link to={`/intel/actors/${actor.id}/edit`} className="button button-primary">
              {t('intel.actions.edit')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="actor-heading" title={t('intel.actors.profile')}>
            <dl className="facts">
              <Fact label={t('intel.actorFields.aliases')}>
                {actor.aliases.length > 0 ? actor.aliases.join(', ') : '—'}
              </Fact>
              <Fact label={t('intel.actorFields.sophistication')}>
                {actor.sophistication && isSophistication(actor.sophistication)
                  ? t(`intel.sophistication.${actor.sophistication}`)
                  : '—'}
              </Fact>
              <Fact label={t('intel.actorFields.primaryMotivation')}>
                {actor.primaryMotivation && isMotivation(actor.primaryMotivation)
                  ? t(`intel.motivation.${actor.primaryMotivation}`)
                  : '—'}
              </Fact>
              <Fact label={t('intel.actorFields.firstSeen')}>{day(actor.firstSeen)}</Fact>
              <Fact label={t('intel.actorFields.lastSeen')}>{day(actor.lastSeen)}</Fact>
            </dl>
            {actor.description ? (
              <p className="narrative" dir="auto" data-testid="actor-description">
                {actor.description}
              </p>
            ) : (
              <p className="cell-muted">{t('intel.actors.noDescription')}</p>
            )}
          </DetailCard>
        </div>
        <aside className="detail-side">
          <DetailCard headingId="actor-record-heading" title={t('intel.detail.record')}>
            <dl className="facts facts-compact">
              <SharingFacts record={actor} directory={directory} />
              <Fact label={t('intel.fields.created')}>{formatDateTime(actor.created, locale)}</Fact>
              <Fact label={t('intel.fields.modified')}>
                {formatDateTime(actor.modified, locale)}
              </Fact>
              <Fact label={t('intel.detail.id')}>
                <span className="code id-value">{actor.id}</span>
              </Fact>
            </dl>
          </DetailCard>
        </aside>
      </div>
    </div>
  );
}
