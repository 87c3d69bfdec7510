/**
 * One protected site: the map with its buffer, posture, operator and guard,
 * people on site, nearby threats and incidents, the emergency contacts (only
 * for the operator and guard organisations, read on demand) and its versions.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSite, revokeSite, siteHistory, type Site } from '../../api/sites';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { TextAreaField } from '../../components/Field';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { ReleaseList } from '../../components/sharing/ReleaseList';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { levelClass } from '../movements/riskLevels';
import { siteFeatures } from './geoFeatures';
import { ProtectionMap } from './ProtectionMap';
import { SiteContacts } from './SiteContacts';
import { SiteHistory } from './SiteHistory';
import { SiteNearby } from './SiteNearby';
import { SitePeople } from './SitePeople';
import { Tabs } from './Tabs';

const loadSite = withHistory(getSite, siteHistory);
type Tab = 'overview' | 'nearby' | 'contacts' | 'history';

export default function SitePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { loaded, reload } = useLoaded(id, loadSite);
  const [reason, setReason] = useState('');
  const revocation = useConfirmedAction<'revoke'>(async () => {
    await revokeSite(id, reason.trim());
  }, reload);
  const site = loaded.status === 'ready' ? loaded.value.record : null;
  useDocumentTitle(site ? site.name : t('sites.detail.heading'));
  const back = <BackLink to="/sites" label={t('sites.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('sites.detail.notFound')}
        notFoundHint={t('sites.detail.notFoundHint')}
      />
    );
  }
  const item = loaded.value.record;
  const editable = item.canEdit && !item.revoked;

  return (
    <div className="page page-site">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1>{item.name}</h1>
          <div className="incident-meta">
            <span>{t(`sites.types.${item.type}`)}</span>
            <span className={levelClass(item.postureLevel)}>
              {t('sites.postureBadge', { level: t(`sites.posture.${item.postureLevel}`) })}
            </span>
            <MarkingBadge marking={item.marking} />
            {item.revoked ? (
              <span className="badge badge-disabled">{t('sites.revoked')}</span>
            ) : null}
          </div>
        </div>
        {editable ? (
          <div className="header-actions">
            <Link to={`/sites/${item.id}/edit`} className="button button-primary">
              {t('sites.edit')}
            </Link>
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => revocation.ask('revoke')}
            >
              {t('sites.revoke')}
            </button>
          </div>
        ) : null}
      </header>
      <SiteTabs
        site={item}
        versions={loaded.value.versions}
        historyError={loaded.value.historyError}
        onChanged={reload}
      />
      <ConfirmDialog
        action={revocation}
        title={t('sites.revokeTitle')}
        confirmLabel={t('sites.revoke')}
        danger
      >
        <p>{t('sites.revokeExplanation')}</p>
        <TextAreaField
          label={t('sites.revokeReason')}
          value={reason}
          onValueChange={setReason}
          rows={2}
          required
        />
      </ConfirmDialog>
    </div>
  );
}

function SiteTabs({
  site,
  versions,
  historyError,
  onChanged,
}: {
  site: Site;
  versions: Parameters<typeof SiteHistory>[0]['versions'] | null;
  historyError: unknown;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('overview');
  const tabs = [
    { key: 'overview' as const, label: t('sites.tabs.overview') },
    { key: 'nearby' as const, label: t('sites.tabs.nearby') },
    ...(site.mayReadContacts
      ? [{ key: 'contacts' as const, label: t('sites.tabs.contacts') }]
      : []),
    { key: 'history' as const, label: t('sites.tabs.history') },
  ];
  return (
    <Tabs label={t('sites.tabs.label')} tabs={tabs} current={tab} onChange={setTab}>
      {tab === 'overview' ? <SiteOverview site={site} onChanged={onChanged} /> : null}
      {tab === 'nearby' ? <SiteNearby siteId={site.id} /> : null}
      {tab === 'contacts' && site.mayReadContacts ? <SiteContacts site={site} /> : null}
      {tab === 'history' ? (
        <DetailCard headingId="site-history-heading" title={t('sites.history.title')}>
          {versions ? <SiteHistory versions={versions} /> : null}
          {historyError ? <Notice tone="error">{describeError(historyError, t)}</Notice> : null}
        </DetailCard>
      ) : null}
    </Tabs>
  );
}

function SiteOverview({ site, onChanged }: { site: Site; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const features = useMemo(() => siteFeatures(site), [site]);
  const orgName = (org: { id: string; name: string | null }) =>
    org.name ?? directory.nameOf(org.id) ?? t('sites.unknownOrganisation');
  return (
    <div className="detail-grid">
      <div className="detail-main">
        <SitePeople site={site} user={user} onRecorded={onChanged} />
        <DetailCard headingId="site-facts-heading" title={t('sites.detail.facts')}>
          <dl className="facts">
            <Fact label={t('sites.fields.type')}>{t(`sites.types.${site.type}`)}</Fact>
            <Fact label={t('sites.fields.posture')}>
              <span className={levelClass(site.postureLevel)}>
                {t(`sites.posture.${site.postureLevel}`)}
              </span>
            </Fact>
            <Fact label={t('sites.fields.operator')}>{orgName(site.operator)}</Fact>
            <Fact label={t('sites.fields.guard')}>{orgName(site.guard)}</Fact>
            <Fact label={t('sites.fields.bufferKm')}>
              {t('sites.detail.km', { km: site.bufferKm })}
            </Fact>
            <Fact label={t('sites.fields.coordinates')}>
              <span className="code" dir="ltr">
                {site.centre.lat.toFixed(5)}, {site.centre.lon.toFixed(5)}
              </span>
            </Fact>
            <Fact label={t('sites.fields.marking')}>
              <MarkingBadge marking={site.marking} />
            </Fact>
            {site.releasableTo ? (
              <Fact label={t('sites.fields.releasableTo')}>
                <ReleaseList ids={site.releasableTo} directory={directory} />
              </Fact>
            ) : null}
            <Fact label={t('sites.fields.modified')}>{formatDateTime(site.modified, locale)}</Fact>
          </dl>
          {site.notes ? (
            <p className="narrative" dir="auto">
              {site.notes}
            </p>
          ) : null}
        </DetailCard>
      </div>
      <aside className="detail-side">
        <DetailCard headingId="site-map-heading" title={t('sites.detail.map')}>
          <ProtectionMap
            features={features}
            bufferKm={site.bufferKm}
            testId="site-map"
            label={t('sites.detail.mapLabel', { name: site.name, km: site.bufferKm })}
          />
        </DetailCard>
      </aside>
    </div>
  );
}
