/**
 * Every version of an incident the reader may see, newest first, each with
 * what it changed from the version before: the narrative word by word, the
 * casualty counts number by number, and the names of other changed fields.
 */
import { useTranslation } from 'react-i18next';
import type { Casualties, IncidentInput, IncidentVersion } from '../../api/incidents';
import { MarkingBadge } from '../../components/MarkingBadge';
import { sameValue, VersionHistory, WordDiff } from '../../components/VersionHistory';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';

const OTHER_FIELDS = [
  'eventDate',
  'timePrecision',
  'eventType',
  'subEventType',
  'actor1',
  'actor2',
  'place',
  'sources',
  'language',
  'siteId',
  'movementId',
] as const satisfies readonly (keyof IncidentInput)[];

function CasualtyChange({
  label,
  before,
  after,
}: {
  label: string;
  before: Casualties | undefined;
  after: Casualties | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (sameValue(before, after)) return null;
  const total = (value: Casualties | undefined) =>
    value?.total === null || value?.total === undefined ? '?' : String(value.total);
  const countries = new Set([
    ...(before?.byNationality ?? []).map((n) => n.country),
    ...(after?.byNationality ?? []).map((n) => n.country),
  ]);
  const countOf = (value: Casualties | undefined, country: string) =>
    value?.byNationality.find((n) => n.country === country)?.count ?? 0;
  return (
    <li>
      <span className="change-label">{label}</span>{' '}
      {total(before) !== total(after) ? (
        <span className="change-values">
          <del>{total(before)}</del> → <ins>{total(after)}</ins>
        </span>
      ) : null}
      {[...countries]
        .filter((country) => countOf(before, country) !== countOf(after, country))
        .map((country) => (
          <span key={country} className="change-values">
            {' '}
            {t('incidents.history.ofNationality', { country: countryName(country, locale) })}{' '}
            <del>{countOf(before, country)}</del> → <ins>{countOf(after, country)}</ins>
          </span>
        ))}
    </li>
  );
}

function Changes({ before, after }: { before: IncidentVersion; after: IncidentVersion }) {
  const { t } = useTranslation();
  const a = before.incident;
  const b = after.incident;
  const narrativeChanged = (a.narrative ?? '') !== (b.narrative ?? '');
  const others = OTHER_FIELDS.filter((field) => !sameValue(a[field], b[field]));
  const markingChanged = before.marking !== after.marking;
  const releaseChanged = !sameValue(before.releasableTo, after.releasableTo);
  const nothing =
    !narrativeChanged &&
    others.length === 0 &&
    sameValue(a.fatalities, b.fatalities) &&
    sameValue(a.injured, b.injured) &&
    !markingChanged &&
    !releaseChanged &&
    before.revoked === after.revoked;
  if (nothing) return <p className="cell-muted">{t('incidents.history.noChange')}</p>;
  return (
    <ul className="change-list">
      {narrativeChanged ? (
        <li>
          <span className="change-label">{t('incidents.fields.narrative')}</span>
          <WordDiff before={a.narrative ?? ''} after={b.narrative ?? ''} testId="narrative-diff" />
        </li>
      ) : null}
      <CasualtyChange
        label={t('incidents.fields.fatalities')}
        before={a.fatalities}
        after={b.fatalities}
      />
      <CasualtyChange label={t('incidents.fields.injured')} before={a.injured} after={b.injured} />
      {markingChanged ? (
        <li>
          <span className="change-label">{t('incidents.fields.marking')}</span>{' '}
          <MarkingBadge marking={before.marking} /> → <MarkingBadge marking={after.marking} />
        </li>
      ) : null}
      {releaseChanged ? (
        <li>
          <span className="change-label">{t('incidents.fields.releasableTo')}</span>
        </li>
      ) : null}
      {others.length > 0 ? (
        <li>
          <span className="change-label">{t('incidents.history.alsoChanged')}</span>{' '}
          {others.map((field) => t(`incidents.fields.${field}`)).join(', ')}
        </li>
      ) : null}
    </ul>
  );
}

export function IncidentHistory({ versions }: { versions: IncidentVersion[] }) {
  const { t } = useTranslation();
  return (
    <VersionHistory
      versions={versions}
      testId="incident-history"
      versionLabel={(number) => t('incidents.history.version', { number })}
      currentLabel={t('incidents.history.current')}
      badges={(version) =>
        version.revoked ? (
          <span className="badge badge-disabled">{t('incidents.revoked')}</span>
        ) : null
      }
      changes={(before, after) => <Changes before={before} after={after} />}
      first={() => <p className="cell-muted">{t('incidents.history.first')}</p>}
    />
  );
}
