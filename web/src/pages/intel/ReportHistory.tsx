/**
 * Every version of a threat report the reader may see, newest first, each
 * with what it changed from the one before: status, grading and marking as
 * before → after, title and narrative word by word, and the names of the
 * other fields that changed.
 */
import { useTranslation } from 'react-i18next';
import type { ThreatReportInput, ThreatReportVersion } from '../../api/intel';
import { MarkingBadge } from '../../components/MarkingBadge';
import { sameValue, VersionHistory, WordDiff } from '../../components/VersionHistory';
import { currentLocale } from '../../i18n';
import { isStatus, StatusBadge, ValidityRange } from './reportLabels';

const OTHER_FIELDS = [
  'area',
  'targetType',
  'modusOperandi',
  'threatActorIds',
  'language',
] as const satisfies readonly (keyof ThreatReportInput)[];

function Changes({ before, after }: { before: ThreatReportVersion; after: ThreatReportVersion }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const a = before.report;
  const b = after.report;
  const grade = (r: typeof a) => `${r.sourceReliability ?? '?'}${r.informationCredibility ?? '?'}`;
  const changes = [];
  if (a.status !== b.status && b.status && isStatus(b.status)) {
    changes.push(
      <li key="status">
        <span className="change-label">{t('intel.fields.status')}</span>{' '}
        {a.status && isStatus(a.status) ? <StatusBadge status={a.status} /> : '—'} →{' '}
        <StatusBadge status={b.status} />
      </li>,
    );
  }
  if ((a.title ?? '') !== (b.title ?? '')) {
    changes.push(
      <li key="title">
        <span className="change-label">{t('intel.fields.title')}</span>
        <WordDiff before={a.title ?? ''} after={b.title ?? ''} testId="title-diff" />
      </li>,
    );
  }
  if ((a.narrative ?? '') !== (b.narrative ?? '')) {
    changes.push(
      <li key="narrative">
        <span className="change-label">{t('intel.fields.narrative')}</span>
        <WordDiff before={a.narrative ?? ''} after={b.narrative ?? ''} testId="narrative-diff" />
      </li>,
    );
  }
  if (grade(a) !== grade(b)) {
    changes.push(
      <li key="grading">
        <span className="change-label">{t('intel.fields.grading')}</span>{' '}
        <span className="change-values" dir="ltr">
          <del>{grade(a)}</del> → <ins>{grade(b)}</ins>
        </span>
      </li>,
    );
  }
  if (
    (a.validFrom !== b.validFrom || a.validUntil !== b.validUntil) &&
    b.validFrom &&
    b.validUntil
  ) {
    changes.push(
      <li key="validity">
        <span className="change-label">{t('intel.fields.validity')}</span>{' '}
        <ValidityRange from={b.validFrom} until={b.validUntil} locale={locale} />
      </li>,
    );
  }
  if (before.marking !== after.marking) {
    changes.push(
      <li key="marking">
        <span className="change-label">{t('intel.fields.marking')}</span>{' '}
        <MarkingBadge marking={before.marking} /> → <MarkingBadge marking={after.marking} />
      </li>,
    );
  }
  if (!sameValue(before.releasableTo, after.releasableTo)) {
    changes.push(
      <li key="release">
        <span className="change-label">{t('intel.fields.releasableTo')}</span>
      </li>,
    );
  }
  const others = OTHER_FIELDS.filter((field) => !sameValue(a[field], b[field]));
  if (others.length > 0) {
    changes.push(
      <li key="others">
        <span className="change-label">{t('intel.history.alsoChanged')}</span>{' '}
        {others.map((field) => t(`intel.fields.${field}`)).join(', ')}
      </li>,
    );
  }
  if (changes.length === 0) return <p className="cell-muted">{t('intel.history.noChange')}</p>;
  return <ul className="change-list">{changes}</ul>;
}

export function ReportHistory({ versions }: { versions: ThreatReportVersion[] }) {
  const { t } = useTranslation();
  return (
    <VersionHistory
      versions={versions}
      testId="report-history"
      versionLabel={(number) => t('intel.history.version', { number })}
      currentLabel={t('intel.history.current')}
      changes={(before, after) => <Changes before={before} after={after} />}
      first={(version) => (
        // Readers outside the originator never see drafts: their first version is the published one.
        <p className="cell-muted">
          {version.report.status === 'published'
            ? t('intel.history.firstPublished')
            : t('intel.history.first')}
        </p>
      )}
    />
  );
}
