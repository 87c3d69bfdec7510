/**
 * Corroboration of a report by partners: how many organisations (other than
 * the originator) confirmed, denied or added detail, what each organisation
 * said as far as the reader may read it, and the form to add one.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CORROBORATION_KINDS,
  listCorroborations,
  type Corroboration,
  type CorroborationKind,
  type ThreatReport,
} from '../../api/intel';
import { useSession } from '../../app/session';
import { DetailCard } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useLoaded } from '../../lib/useLoaded';
import { CorroborationForm } from './CorroborationForm';
import { canCorroborate } from './permissions';

const KIND_BADGE: Record<CorroborationKind, string> = {
  confirm: 'badge-active',
  deny: 'badge-danger',
  additional_detail: 'badge-peer',
};

function isKind(value: string): value is CorroborationKind {
  return (CORROBORATION_KINDS as readonly string[]).includes(value);
}

/** Per organisation, how many of its readable corroborations are of each kind. */
function byOrganisation(items: readonly Corroboration[]) {
  const table = new Map<string, Record<CorroborationKind, number>>();
  for (const item of items) {
    const row = table.get(item.createdBy) ?? { confirm: 0, deny: 0, additional_detail: 0 };
    if (isKind(item.kind)) row[item.kind] += 1;
    table.set(item.createdBy, row);
  }
  return [...table.entries()];
}

export function CorroborationsSection({ report }: { report: ThreatReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded, reload } = useLoaded(report.id, listCorroborations);
  const [added, setAdded] = useState(false);
  // The originator's own corroboration does not count: its form waits behind a button.
  const [formOpen, setFormOpen] = useState(report.createdBy !== user.organisation.id);

  const onAdded = useCallback(() => {
    setAdded(true);
    reload();
  }, [reload]);
  const orgName = (id: string) => directory.nameOf(id) ?? t('intel.unknownOrganisation');
  const counts = loaded.status === 'ready' ? loaded.value.corroboration : report.corroboration;

  return (
    <DetailCard headingId="corroboration-heading" title={t('intel.corroboration.title')}>
      <div className="corroboration-counts" data-testid="corroboration-counts" aria-live="polite">
        <span className="cell-strong">
          {t('intel.corroboration.independent', { count: counts.organisations })}
        </span>
        {CORROBORATION_KINDS.map((kind) => (
          <span key={kind} className={`badge ${KIND_BADGE[kind]}`}>
            {t(`intel.corroboration.counts.${kind}`, { count: counts.byKind[kind] })}
          </span>
        ))}
      </div>
      {loaded.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {loaded.status === 'error' ? (
        <Notice tone="error">{describeError(loaded.error, t)}</Notice>
      ) : null}
      {loaded.status === 'ready' && loaded.value.items.length === 0 ? (
        <p className="cell-muted">{t('intel.corroboration.none')}</p>
      ) : null}
      {loaded.status === 'ready' && loaded.value.items.length > 0 ? (
        <>
          <table className="table table-dense corroboration-table">
            <caption className="visually-hidden">{t('intel.corroboration.byOrganisation')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intel.fields.organisation')}</th>
                {CORROBORATION_KINDS.map((kind) => (
                  <th key={kind} scope="col" className="cell-number">
                    {t(`intel.corroboration.kinds.${kind}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byOrganisation(loaded.value.items).map(([orgId, row]) => (
                <tr key={orgId}>
                  <th scope="row">
                    {orgName(orgId)}
                    {orgId === report.createdBy ? (
                      <span className="cell-sub">{t('intel.corroboration.originator')}</span>
                    ) : null}
                  </th>
                  {CORROBORATION_KINDS.map((kind) => (
                    <td key={kind} className="cell-number">
                      {row[kind]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <ol className="corroboration-list" data-testid="corroborations">
            {loaded.value.items.map((item) => (
              <li key={item.id} className="corroboration">
                <div className="history-head">
                  {isKind(item.kind) ? (
                    <span className={`badge ${KIND_BADGE[item.kind]}`}>
                      {t(`intel.corroboration.kinds.${item.kind}`)}
                    </span>
                  ) : null}
                  <span className="cell-strong">{orgName(item.createdBy)}</span>
                  <time dateTime={item.created} className="cell-muted">
                    {formatDateTime(item.created, locale)}
                  </time>
                  <MarkingBadge marking={item.marking} />
                </div>
                <p className="pre-wrap" dir="auto">
                  {item.text}
                </p>
                {item.observedAt || item.place ? (
                  <p className="cell-muted corroboration-sighting">
                    {item.observedAt
                      ? t('intel.corroboration.seenAt', {
                          time: formatDateTime(item.observedAt, locale),
                        })
                      : null}{' '}
                    {item.place ? (
                      <>
                        {item.place.name ? `${item.place.name} ` : null}
                        <span className="code" dir="ltr">
                          {item.place.lat.toFixed(4)}, {item.place.lon.toFixed(4)}
                        </span>
                      </>
                    ) : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {added ? <Notice tone="success">{t('intel.corroboration.added')}</Notice> : null}
      {canCorroborate(user) && report.status === 'published' ? (
        formOpen ? (
          <CorroborationForm report={report} onAdded={onAdded} />
        ) : (
          <button
            type="button"
            className="button button-secondary corroboration-open"
            aria-expanded={false}
            onClick={() => setFormOpen(true)}
          >
            {t('intel.corroboration.showForm')}
          </button>
        )
      ) : null}
      {report.status !== 'published' ? (
        <p className="cell-muted">{t('intel.corroboration.onlyPublished')}</p>
      ) : null}
    </DetailCard>
  );
}
