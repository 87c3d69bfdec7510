/** Every version of a movement request the reader may see, newest first, with the fields each changed. */
import { useTranslation } from 'react-i18next';
import type { MovementInput, MovementVersion } from '../../api/movements';
import { MarkingBadge } from '../../components/MarkingBadge';
import { sameValue, VersionHistory } from '../../components/VersionHistory';

const FIELDS = [
  'title',
  'origin',
  'destination',
  'waypoints',
  'plannedDeparture',
  'plannedArrival',
  'vehicles',
  'passengers',
  'corridorKm',
  'checkinIntervalMinutes',
  'notes',
] as const satisfies readonly (keyof MovementInput)[];

type Body = Partial<MovementInput> & { escort?: unknown };
const bodyOf = (version: MovementVersion): Body => version.movement ?? version.record ?? {};

function Changes({ before, after }: { before: MovementVersion; after: MovementVersion }) {
  const { t } = useTranslation();
  const a = bodyOf(before);
  const b = bodyOf(after);
  const changed = FIELDS.filter((field) => !sameValue(a[field], b[field]));
  const escortChanged = !sameValue(a.escort, b.escort);
  const markingChanged = before.marking !== after.marking;
  if (changed.length === 0 && !escortChanged && !markingChanged) {
    return <p className="cell-muted">{t('movements.history.noChange')}</p>;
  }
  return (
    <ul className="change-list">
      {escortChanged ? <li>{t('movements.history.escort')}</li> : null}
      {markingChanged ? (
        <li>
          <span className="change-label">{t('movements.fields.marking')}</span>{' '}
          <MarkingBadge marking={before.marking} /> → <MarkingBadge marking={after.marking} />
        </li>
      ) : null}
      {changed.length > 0 ? (
        <li>
          <span className="change-label">{t('movements.history.changed')}</span>{' '}
          {changed.map((field) => t(`movements.historyFields.${field}`)).join(', ')}
        </li>
      ) : null}
    </ul>
  );
}

export function MovementHistory({ versions }: { versions: MovementVersion[] }) {
  const { t } = useTranslation();
  return (
    <VersionHistory
      versions={versions}
      testId="movement-history"
      versionLabel={(number) => t('movements.history.version', { number })}
      currentLabel={t('movements.history.current')}
      changes={(before, after) => <Changes before={before} after={after} />}
      first={() => <p className="cell-muted">{t('movements.history.first')}</p>}
    />
  );
}
