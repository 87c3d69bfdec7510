/** Every version of a site the reader may see, newest first, each with the fields it changed. */
import { useTranslation } from 'react-i18next';
import type { SiteInput, SiteVersion } from '../../api/sites';
import { MarkingBadge } from '../../components/MarkingBadge';
import { sameValue, VersionHistory } from '../../components/VersionHistory';

const FIELDS = [
  'name',
  'type',
  'location',
  'bufferKm',
  'operatorOrgId',
  'guardOrgId',
  'postureLevel',
  'notes',
] as const satisfies readonly (keyof SiteInput)[];

const bodyOf = (version: SiteVersion): Partial<SiteInput> => version.record ?? version.site ?? {};

function Changes({ before, after }: { before: SiteVersion; after: SiteVersion }) {
  const { t } = useTranslation();
  const a = bodyOf(before);
  const b = bodyOf(after);
  const changed = FIELDS.filter((field) => !sameValue(a[field], b[field]));
  const markingChanged = before.marking !== after.marking;
  if (changed.length === 0 && !markingChanged && before.revoked === after.revoked) {
    return <p className="cell-muted">{t('sites.history.noChange')}</p>;
  }
  return (
    <ul className="change-list">
      {a.postureLevel !== b.postureLevel && a.postureLevel && b.postureLevel ? (
        <li>
          <span className="change-label">{t('sites.fields.posture')}</span>{' '}
          <del>{t(`sites.posture.${a.postureLevel}`)}</del> →{' '}
          <ins>{t(`sites.posture.${b.postureLevel}`)}</ins>
        </li>
      ) : null}
      {markingChanged ? (
        <li>
          <span className="change-label">{t('sites.fields.marking')}</span>{' '}
          <MarkingBadge marking={before.marking} /> → <MarkingBadge marking={after.marking} />
        </li>
      ) : null}
      {changed.length > 0 ? (
        <li>
          <span className="change-label">{t('sites.history.changed')}</span>{' '}
          {changed.map((field) => t(`sites.historyFields.${field}`)).join(', ')}
        </li>
      ) : null}
    </ul>
  );
}

export function SiteHistory({ versions }: { versions: SiteVersion[] }) {
  const { t } = useTranslation();
  return (
    <VersionHistory
      versions={versions}
      testId="site-history"
      versionLabel={(number) => t('sites.history.version', { number })}
      currentLabel={t('sites.history.current')}
      badges={(version) =>
        version.revoked ? <span className="badge badge-disabled">{t('sites.revoked')}</span> : null
      }
      changes={(before, after) => <Changes before={before} after={after} />}
      first={() => <p className="cell-muted">{t('sites.history.first')}</p>}
    />
  );
}
