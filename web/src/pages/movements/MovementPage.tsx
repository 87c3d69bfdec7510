/**
 * One movement: the route map with its corridor and last check-in, the
 * state with the actions the server allows this reader, the request, the
 * escort, the risk explanation, the timeline, the manifest (requester and
 * escort organisations only) and the request's versions.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMovement, movementHistory, type Movement } from '../../api/movements';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName } from '../../lib/countries';
import { formatDateTime, isPast } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { movementFeatures } from '../sites/geoFeatures';
import { ProtectionMap } from '../sites/ProtectionMap';
import { Tabs } from '../sites/Tabs';
import { MovementActions } from './MovementActions';
import { MovementHistory } from './MovementHistory';
import { MovementManifest } from './MovementManifest';
import { MovementTimeline } from './MovementTimeline';
import { mayReadManifest } from './permissions';
import { RiskPanel } from './RiskPanel';
import { levelClass } from './riskLevels';
import { StateBadge } from './StateBadge';

const loadMovement = withHistory(getMovement, movementHistory);
type Tab = 'overview' | 'risk' | 'timeline' | 'manifest' | 'history';

export default function MovementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { loaded, reload } = useLoaded(id, loadMovement);
  const [tab, setTab] = useState<Tab>('overview');
  const movement = loaded.status === 'ready' ? loaded.value.record : null;
  useDocumentTitle(movement ? movement.title : t('movements.detail.heading'));
  const back = <BackLink to="/movements" label={t('movements.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('movements.detail.notFound')}
        notFoundHint={t('movements.detail.notFoundHint')}
      />
    );
  }
  const item = loaded.value.record;
  const { versions, historyError } = loaded.value;
  const manifest = mayReadManifest(user, item);
  const tabs = [
    { key: 'overview' as const, label: t('movements.tabs.overview') },
    { key: 'risk' as const, label: t('movements.tabs.risk') },
    {
      key: 'timeline' as const,
      label: t('movements.tabs.timeline', { count: item.timeline.length }),
    },
    ...(manifest ? [{ key: 'manifest' as const, label: t('movements.tabs.manifest') }] : []),
    { key: 'history' as const, label: t('movements.tabs.history') },
  ];
  const awaitingSecond =
    item.state === 'submitted' &&
    item.risk.level === 'critical' &&
    item.approvals.length < item.approvalsRequired &&
    item.approvals.length > 0;

  return (
    <div className="page page-movement">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{item.title}</h1>
          <div className="incident-meta">
            <StateBadge state={item.state} />
            {item.risk.level ? (
              <span className={levelClass(item.risk.level)}>
                {t('movements.risk.badge', {
                  level: t(`movements.risk.levels.${item.risk.level}`),
                })}
              </span>
            ) : null}
            <MarkingBadge marking={item.marking} />
          </div>
        </div>
      </header>
      <MovementActions movement={item} onChanged={reload} />
      {awaitingSecond ? <Notice tone="info">{t('movements.detail.secondApproval')}</Notice> : null}
      <Tabs label={t('movements.tabs.label')} tabs={tabs} current={tab} onChange={setTab}>
        {tab === 'overview' ? <Overview movement={item} /> : null}
        {tab === 'risk' ? <RiskPanel movement={item} onChanged={reload} /> : null}
        {tab === 'timeline' ? (
          <DetailCard
            headingId="timeline-heading"
            title={t('movements.tabs.timeline', { count: item.timeline.length })}
          >
            <MovementTimeline entries={item.timeline} />
          </DetailCard>
        ) : null}
        {tab === 'manifest' && manifest ? (
          <MovementManifest
            movement={item}
            mayEdit={item.requesterOrgId === user.organisation.id}
          />
        ) : null}
        {tab === 'history' ? (
          <DetailCard headingId="movement-history-heading" title={t('movements.tabs.history')}>
            {versions ? <MovementHistory versions={versions} /> : null}
            {historyError ? <Notice tone="error">{describeError(historyError, t)}</Notice> : null}
          </DetailCard>
        ) : null}
      </Tabs>
    </div>
  );
}

function Overview({ movement }: { movement: Movement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const directory = useOrganisationDirectory();
  const request = movement;
  const features = useMemo(
    () =>
      movementFeatures({
        route: { coordinates: request.route?.coordinates ?? [] },
        origin: request.origin,
        destination: request.destination,
        waypoints: request.waypoints,
        lastPosition: movement.lastPosition,
      }),
    [request, movement.lastPosition],
  );
  const orgName = (id: string) => directory.nameOf(id) ?? t('movements.unknownOrganisation');
  const endpoint = (e: Movement['origin']) =>
    e.siteId ? <Link to={`/sites/${e.siteId}`}>{e.name}</Link> : <span dir="auto">{e.name}</span>;
  const next = movement.nextDeadline;

  return (
    <div className="detail-grid">
      <div className="detail-main">
        <DetailCard headingId="movement-facts-heading" title={t('movements.detail.request')}>
          <dl className="facts">
            <Fact label={t('movements.fields.origin')}>{endpoint(request.origin)}</Fact>
            <Fact label={t('movements.fields.destination')}>{endpoint(request.destination)}</Fact>
            <Fact label={t('movements.fields.departure')}>
              {formatDateTime(request.plannedDeparture, locale)}
            </Fact>
            <Fact label={t('movements.fields.arrival')}>
              {formatDateTime(request.plannedArrival, locale)}
            </Fact>
            <Fact label={t('movements.fields.waypoints')}>
              {request.waypoints.length === 0
                ? '—'
                : request.waypoints
                    .map((w) => w.name ?? `${w.lat.toFixed(3)}, ${w.lon.toFixed(3)}`)
                    .join(' → ')}
            </Fact>
            <Fact label={t('movements.fields.vehicles')}>
              {request.vehicles.length === 0
                ? '—'
                : request.vehicles
                    .map((v) =>
                      [
                        v.kind,
                        v.registration,
                        v.seats ? t('movements.detail.seats', { count: v.seats }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    )
                    .join('; ')}
            </Fact>
            <Fact label={t('movements.fields.passengers')}>
              {request.passengers.length === 0
                ? '—'
                : request.passengers
                    .map((p) => `${countryName(p.nationality, locale)} ${p.count}`)
                    .join(' · ')}
            </Fact>
            <Fact label={t('movements.fields.corridorKm')}>
              {t('movements.detail.km', { km: request.corridorKm })}
            </Fact>
            <Fact label={t('movements.fields.checkinInterval')}>
              {t('movements.detail.minutes', { count: request.checkinIntervalMinutes })}
            </Fact>
            <Fact label={t('movements.fields.requester')}>{orgName(movement.requesterOrgId)}</Fact>
          </dl>
          {request.notes ? (
            <p className="narrative" dir="auto">
              {request.notes}
            </p>
          ) : null}
        </DetailCard>
        <DetailCard headingId="escort-heading" title={t('movements.escort.title')}>
          {movement.escort ? (
            <dl className="facts" data-testid="escort-facts">
              <Fact label={t('movements.escort.organisation')}>
                {orgName(movement.escort.orgId)}
              </Fact>
              <Fact label={t('movements.escort.unit')}>{movement.escort.unit}</Fact>
              <Fact label={t('movements.escort.callSign')}>{movement.escort.callSign}</Fact>
              <Fact label={t('movements.escort.strength')}>{movement.escort.strength}</Fact>
              <Fact label={t('movements.escort.vehicles')}>
                {movement.escort.vehicles.length === 0
                  ? '—'
                  : movement.escort.vehicles
                      .map((v) => [v.kind, v.registration].filter(Boolean).join(' '))
                      .join('; ')}
              </Fact>
            </dl>
          ) : (
            <p className="cell-muted">{t('movements.escort.none')}</p>
          )}
        </DetailCard>
      </div>
      <aside className="detail-side">
        <DetailCard headingId="route-heading" title={t('movements.detail.route')}>
          <ProtectionMap
            features={features}
            bufferKm={request.corridorKm}
            testId="movement-map"
            label={t('movements.detail.mapLabel', { km: request.corridorKm })}
          />
          <dl className="facts facts-compact">
            <Fact label={t('movements.fields.lastCheckin')}>
              {movement.lastPosition ? (
                <>
                  {formatDateTime(movement.lastPosition.at, locale)}{' '}
                  <span className="code" dir="ltr">
                    {movement.lastPosition.lat.toFixed(4)}, {movement.lastPosition.lon.toFixed(4)}
                  </span>
                </>
              ) : (
                '—'
              )}
            </Fact>
            <Fact label={t('movements.detail.nextDeadline')}>
              {next ? (
                <span className={isPast(next.dueAt) ? 'field-error' : undefined}>
                  {t(
                    `movements.deadlines.${next.kind === 'movement.arrival-due' ? 'arrival' : 'checkin'}`,
                  )}{' '}
                  {formatDateTime(next.dueAt, locale)}
                </span>
              ) : (
                '—'
              )}
            </Fact>
          </dl>
        </DetailCard>
      </aside>
    </div>
  );
}
