/** One incident: every field, the point on a map, and its history. */
import { useTranslation } from 'react-i18next';
import { getIncident, incidentHistory, revokeIncident, type Casualties } from '../../api/incidents';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { PartnerSharingPanel } from '../../components/federation/PartnerSharingPanel';
import { MarkingBadge } from '../../components/MarkingBadge';
import { ReleaseList } from '../../components/sharing/ReleaseList';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { currentLocale, LOCALE_NAMES, isLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import {
  eventTypeColour,
  INTER_CODES,
  isEventType,
  isSubEventType,
  type InterCode,
} from '../../lib/acled';
import { countryName } from '../../lib/countries';
import { formatDateTime, formatEventDate } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { PointMap } from '../../map/PointMap';
import { IncidentHistory } from './IncidentHistory';
import { canEditIncident } from './permissions';

const loadIncident = withHistory(getIncident, incidentHistory);

function CasualtyFacts({ label, value }: { label: string; value: Casualties | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const total = value?.total;
  return (
    <Fact label={label}>
      <span className="cell-strong">
        {total === null || total === undefined ? t('incidents.unknownCount') : total}
      </span>
      {value && value.byNationality.length > 0 ? (
        <ul className="nationality-list">
          {value.byNationality.map((entry) => (
            <li key={entry.country}>
              {countryName(entry.country, locale)}{' '}
              <span className="cell-strong">{entry.count}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Fact>
  );
}

export default function IncidentDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded, reload } = useLoaded(id, loadIncident);
  const revocation = useConfirmedAction<'revoke'>(async () => {
    await revokeIncident(id);
  }, reload);

  const incident = loaded.status === 'ready' ? loaded.value.record : null;
  const typeLabel = (type: string) => (isEventType(type) ? t(`acled.eventTypes.${type}`) : type);
  const subLabel = (sub: string) => (isSubEventType(sub) ? t(`acled.subEventTypes.${sub}`) : sub);
  const title = incident
    ? t('incidents.detail.title', {
        type: subLabel(incident.subEventType),
        place: incident.place.name,
      })
    : t('incidents.detail.heading');
  useDocumentTitle(title);

  const back = <BackLink to="/incidents" label={t('incidents.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('incidents.detail.notFound')}
        notFoundHint={t('incidents.detail.notFoundHint')}
      />
    );
  }

  const { versions, historyError } = loaded.value;
  const item = loaded.value.record;
  const editable = canEditIncident(user, item) && !item.revoked;
  const organisationName = (orgId: string) =>
    directory.nameOf(orgId) ?? t('incidents.unknownOrganisation');
  const inter = (code: number) =>
    (INTER_CODES as readonly number[]).includes(code)
      ? t(`acled.inter.${code as InterCode}`)
      : String(code);

  return (
    <div className="page page-incident">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1>{title}</h1>
          <div className="incident-meta">
            <span className="swatch" style={{ background: eventTypeColour(item.eventType) }} />
            <span>{typeLabel(item.eventType)}</span>
            <span aria-hidden="true">·</span>
            <span>{formatEventDate(item.eventDate, item.timePrecision, locale)}</span>
            <MarkingBadge marking={item.marking} />
            {item.revoked ? (
              <span className="badge badge-disabled">{t('incidents.revoked')}</span>
            ) : null}
          </div>
        </div>
        {editable ? (
          <div className="header-actions">
            <Link to={`/incidents/${item.id}/edit`} className="button button-primary">
              {t('incidents.edit')}
            </Link>
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => revocation.ask('revoke')}
            >
              {t('incidents.revoke')}
            </button>
          </div>
        ) : null}
      </header>

      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="facts-heading" title={t('incidents.detail.event')}>
            <dl className="facts">
              <Fact label={t('incidents.fields.eventType')}>{typeLabel(item.eventType)}</Fact>
              <Fact label={t('incidents.fields.subEventType')}>{subLabel(item.subEventType)}</Fact>
              <Fact label={t('incidents.fields.eventDate')}>
                {formatEventDate(item.eventDate, item.timePrecision, locale)}{' '}
                <span className="cell-muted">
                  ({t(`incidents.timePrecision.${item.timePrecision}`)})
                </span>
              </Fact>
              <Fact label={t('incidents.fields.actor1')}>
                {item.actor1.name} <span className="cell-muted">({inter(item.actor1.inter)})</span>
              </Fact>
              <Fact label={t('incidents.fields.actor2')}>
                {item.actor2 ? (
                  <>
                    {item.actor2.name}{' '}
                    <span className="cell-muted">({inter(item.actor2.inter)})</span>
                  </>
                ) : (
                  '—'
                )}
              </Fact>
              <CasualtyFacts label={t('incidents.fields.fatalities')} value={item.fatalities} />
              <CasualtyFacts label={t('incidents.fields.injured')} value={item.injured} />
            </dl>
          </DetailCard>

          <DetailCard headingId="narrative-heading" title={t('incidents.fields.narrative')}>
            {item.narrative ? (
              <p
                className="narrative"
                lang={item.language}
                dir={item.language === 'ur' ? 'rtl' : 'ltr'}
                data-testid="narrative"
              >
                {item.narrative}
              </p>
            ) : (
              <p className="cell-muted">{t('incidents.detail.noNarrative')}</p>
            )}
          </DetailCard>

          <DetailCard headingId="sources-heading" title={t('incidents.fields.sources')}>
            {item.sources.length === 0 ? (
              <p className="cell-muted">{t('incidents.detail.noSources')}</p>
            ) : (
              <ul className="source-list">
                {item.sources.map((source, index) => (
                  <li key={index}>
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer">
                        {source.name}
                      </a>
                    ) : (
                      source.name
                    )}
                    {source.date ? (
                      <span className="cell-muted">
                        {' '}
                        · {formatEventDate(source.date, 1, locale)}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </DetailCard>

          <DetailCard headingId="record-heading" title={t('incidents.detail.record')}>
            <dl className="facts">
              <Fact label={t('incidents.fields.organisation')}>
                {organisationName(item.createdBy)}
              </Fact>
              <Fact label={t('incidents.fields.marking')}>
                <MarkingBadge marking={item.marking} />
              </Fact>
              {item.releasableTo ? (
                <Fact label={t('incidents.fields.releasableTo')}>
                  <ReleaseList ids={item.releasableTo} directory={directory} />
                </Fact>
              ) : null}
              <Fact label={t('incidents.fields.language')}>
                {isLocale(item.language) ? LOCALE_NAMES[item.language] : item.language}
              </Fact>
              <Fact label={t('incidents.fields.created')}>
                {formatDateTime(item.created, locale)}
              </Fact>
              <Fact label={t('incidents.fields.modified')}>
                {formatDateTime(item.modified, locale)}
              </Fact>
              {item.siteId ? (
                <Fact label={t('incidents.fields.siteId')}>
                  <span className="code">{item.siteId}</span>
                </Fact>
              ) : null}
              {item.movementId ? (
                <Fact label={t('incidents.fields.movementId')}>
                  <span className="code">{item.movementId}</span>
                </Fact>
              ) : null}
              <Fact label={t('incidents.detail.id')}>
                <span className="code id-value">{item.id}</span>
              </Fact>
            </dl>
          </DetailCard>
          <PartnerSharingPanel recordId={item.id} version={item.modified} />
        </div>

        <aside className="detail-side">
          <DetailCard headingId="place-heading" title={t('incidents.fields.place')}>
            <PointMap
              point={{ lat: item.place.lat, lon: item.place.lon }}
              label={t('incidents.detail.mapLabel', { place: item.place.name })}
            />
            <dl className="facts facts-compact">
              <Fact label={t('incidents.fields.placeName')}>
                {[item.place.name, item.place.admin2, item.place.admin1].filter(Boolean).join(', ')}
              </Fact>
              <Fact label={t('incidents.fields.country')}>
                {countryName(item.place.country, locale)}
              </Fact>
              <Fact label={t('incidents.fields.coordinates')}>
                <span className="code" dir="ltr">
                  {item.place.lat.toFixed(5)}, {item.place.lon.toFixed(5)}
                </span>
              </Fact>
              <Fact label={t('incidents.fields.geoPrecision')}>
                {t(`incidents.geoPrecision.${item.place.geoPrecision}`)}
              </Fact>
            </dl>
          </DetailCard>

          <DetailCard headingId="history-heading" title={t('incidents.history.title')}>
            {versions ? <IncidentHistory versions={versions} /> : null}
            {historyError ? <Notice tone="error">{describeError(historyError, t)}</Notice> : null}
          </DetailCard>
        </aside>
      </div>

      <ConfirmDialog
        action={revocation}
        title={t('incidents.revokeTitle')}
        confirmLabel={t('incidents.revoke')}
        danger
      >
        <p>{t('incidents.revokeExplanation')}</p>
      </ConfirmDialog>
    </div>
  );
}
