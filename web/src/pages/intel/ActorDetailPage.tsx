/** One threat actor: names, description, STIX vocabularies, when seen, and the record. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getThreatActor, type ThreatActor } from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { MarkingBadge } from '../../components/MarkingBadge';
import { ReleaseList } from '../../components/sharing/ReleaseList';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime, formatEventDate } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { isMotivation, isSophistication } from './actorDraft';
import { Fact } from './Fact';
import { canEditRecord } from './permissions';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; actor: ThreatActor }
  | { status: 'error'; error: unknown };

export default function ActorDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getThreatActor(id, controller.signal).then(
      (actor) => setLoaded({ status: 'ready', actor }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id]);
  useDocumentTitle(loaded.status === 'ready' ? loaded.actor.name : t('intel.actors.heading'));

  const back = (
    <Link to="/intel/actors" className="back-link">
      ← {t('intel.actors.backToList')}
    </Link>
  );
  if (loaded.status === 'loading') {
    return (
      <div className="page-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (loaded.status === 'error') {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <div className="page">
        {back}
        {notFound ? (
          <EmptyState title={t('intel.actors.notFound')}>
            {t('intel.actors.notFoundHint')}
          </EmptyState>
        ) : (
          <Notice tone="error">{describeError(loaded.error, t)}</Notice>
        )}
      </div>
    );
  }
  const { actor } = loaded;
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
          <section className="card card-tight" aria-labelledby="actor-heading">
            <h2 id="actor-heading" className="section-title">
              {t('intel.actors.profile')}
            </h2>
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
          </section>
        </div>
        <aside className="detail-side">
          <section className="card card-tight" aria-labelledby="actor-record-heading">
            <h2 id="actor-record-heading" className="section-title">
              {t('intel.detail.record')}
            </h2>
            <dl className="facts facts-compact">
              <Fact label={t('intel.fields.organisation')}>
                {directory.nameOf(actor.createdBy) ?? t('intel.unknownOrganisation')}
              </Fact>
              <Fact label={t('intel.fields.marking')}>
                <MarkingBadge marking={actor.marking} />
              </Fact>
              {actor.releasableTo ? (
                <Fact label={t('intel.fields.releasableTo')}>
                  <ReleaseList ids={actor.releasableTo} directory={directory} />
                </Fact>
              ) : null}
              <Fact label={t('intel.fields.created')}>{formatDateTime(actor.created, locale)}</Fact>
              <Fact label={t('intel.fields.modified')}>
                {formatDateTime(actor.modified, locale)}
              </Fact>
              <Fact label={t('intel.detail.id')}>
                <span className="code id-value">{actor.id}</span>
              </Fact>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
