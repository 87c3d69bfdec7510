/**
 * Every version of an incident the reader may see, newest first, each with
 * what it changed from the version before: the narrative word by word, the
 * casualty counts number by number, and the names of other changed fields.
 */
import { useTranslation } from 'react-i18next';
import type { Casualties, IncidentInput, IncidentVersion } from '../../api/incidents';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { diffWords } from '../../lib/diffWords';
import { formatDateTime } from '../../lib/format';

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

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

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
  if (same(before, after)) return null;
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
  const narrative = diffWords(a.narrative ?? '', b.narrative ?? '');
  const narrativeChanged = (a.narrative ?? '') !== (b.narrative ?? '');
  const others = OTHER_FIELDS.filter((field) => !same(a[field], b[field]));
  const markingChanged = before.marking !== after.marking;
  const releaseChanged = !same(before.releasableTo, after.releasableTo);
  const nothing =
    !narrativeChanged &&
    others.length === 0 &&
    same(a.fatalities, b.fatalities) &&
    same(a.injured, b.injured) &&
    !markingChanged &&
    !releaseChanged &&
    before.revoked === after.revoked;
  if (nothing) return <p className="cell-muted">{t('incidents.history.noChange')}</p>;
  return (
    <ul className="change-list">
      {narrativeChanged ? (
        <li>
          <span className="change-label">{t('incidents.fields.narrative')}</span>
          <p className="narrative-diff" data-testid="narrative-diff">
            {narrative.map((part, index) =>
              part.kind === 'same' ? (
                <span key={index}>{part.text}</span>
              ) : part.kind === 'added' ? (
                <ins key={index}>{part.text}</ins>
              ) : (
                <del key={index}>{part.text}</del>
              ),
            )}
          </p>
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
  const locale = currentLocale();
  return (
    <ol className="history" data-testid="incident-history">
      {versions.map((version, index) => {
        const older = versions[index + 1];
        return (
          <li key={version.modified} className="history-entry">
            <div className="history-head">
              <span className="cell-strong">
                {t('incidents.history.version', { number: versions.length - index })}
              </span>
              <time dateTime={version.modified} className="cell-muted">
                {formatDateTime(version.modified, locale)}
              </time>
              {index === 0 ? (
                <span className="badge badge-active">{t('incidents.history.current')}</span>
              ) : null}
              {version.revoked ? (
                <span className="badge badge-disabled">{t('incidents.revoked')}</span>
              ) : null}
            </div>
            {older ? (
              <Changes before={older} after={version} />
            ) : (
              <p className="cell-muted">{t('incidents.history.first')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
