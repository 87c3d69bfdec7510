/** The sections of a threat report's detail page: the assessment, the area, and the record. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ThreatArea, ThreatReport } from '../../api/intel';
import { Link } from '../../app/router';
import { DetailCard, Fact } from '../../components/Detail';
import { currentLocale, isLocale, LOCALE_NAMES } from '../../i18n';
import { isSubEventType } from '../../lib/acled';
import { formatDateTime } from '../../lib/format';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { AreaMap } from './AreaMap';
import { GradingExplained } from './Grading';
import { SharingFacts } from './SharingFacts';
import { TargetTypeLabel, ValidityRange, validityNow } from './reportLabels';

export function AssessmentSection({ report }: { report: ThreatReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const subEvent = report.modusOperandi.acledSubEventType;
  const timing = validityNow(report.validFrom, report.validUntil);
  return (
    <DetailCard headingId="assessment-heading" title={t('intel.detail.assessment')}>
      <dl className="facts">
        <Fact label={t('intel.fields.grading')}>
          <GradingExplained
            reliability={report.sourceReliability}
            credibility={report.informationCredibility}
          />
        </Fact>
        <Fact label={t('intel.fields.validity')}>
          <ValidityRange from={report.validFrom} until={report.validUntil} locale={locale} />
          <span className={timing === 'current' ? 'badge badge-active' : 'badge badge-disabled'}>
            {t(`intel.validity.${timing}`)}
          </span>
        </Fact>
        <Fact label={t('intel.fields.targetType')}>
          <TargetTypeLabel type={report.targetType} />
        </Fact>
        <Fact label={t('intel.fields.threatActors')}>
          {report.threatActors.length === 0 ? (
            <span className="cell-muted">{t('intel.detail.noActors')}</span>
          ) : (
            <ul className="inline-list" data-testid="report-actors">
              {report.threatActors.map((actor) => (
                <li key={actor.id}>
                  <Link to={`/intel/actors/${actor.id}`}>{actor.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t('intel.fields.modusOperandi')}>
          {report.modusOperandi.description ? (
            <span className="pre-wrap">{report.modusOperandi.description}</span>
          ) : (
            <span className="cell-muted">{t('intel.detail.noModusOperandi')}</span>
          )}
          {subEvent ? (
            <span className="cell-sub">
              {t('intel.fields.acledSubEventType')}:{' '}
              {isSubEventType(subEvent) ? t(`acled.subEventTypes.${subEvent}`) : subEvent}
            </span>
          ) : null}
        </Fact>
      </dl>
    </DetailCard>
  );
}

function areaSummary(area: ThreatArea, t: TFunction): string {
  if (area.kind === 'circle') {
    return t('intel.area.circleSummary', {
      radius: area.radiusKm,
      lat: area.lat.toFixed(4),
      lon: area.lon.toFixed(4),
    });
  }
  const corners = Math.max(0, (area.polygon.coordinates[0]?.length ?? 1) - 1);
  return t('intel.area.polygonSummary', { count: corners });
}

export function AreaSection({ report }: { report: ThreatReport }) {
  const { t } = useTranslation();
  return (
    <DetailCard headingId="area-heading" title={t('intel.fields.area')}>
      <AreaMap area={report.area} label={t('intel.detail.mapLabel', { title: report.title })} />
      <p className="cell-muted" dir="auto" data-testid="area-summary">
        {areaSummary(report.area, t)}
      </p>
    </DetailCard>
  );
}

export function RecordSection({
  report,
  directory,
}: {
  report: ThreatReport;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DetailCard headingId="record-heading" title={t('intel.detail.record')}>
      <dl className="facts">
        <SharingFacts record={report} directory={directory} />
        <Fact label={t('intel.fields.language')}>
          {isLocale(report.language) ? LOCALE_NAMES[report.language] : report.language}
        </Fact>
        <Fact label={t('intel.fields.created')}>{formatDateTime(report.created, locale)}</Fact>
        <Fact label={t('intel.fields.modified')}>{formatDateTime(report.modified, locale)}</Fact>
        {report.publishedAt ? (
          <Fact label={t('intel.fields.publishedAt')}>
            {formatDateTime(report.publishedAt, locale)}
          </Fact>
        ) : null}
        <Fact label={t('intel.detail.id')}>
          <span className="code id-value">{report.id}</span>
        </Fact>
      </dl>
    </DetailCard>
  );
}
