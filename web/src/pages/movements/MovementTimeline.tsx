/**
 * A movement's timeline as the server merges it: state changes (who, when,
 * why) and check-ins (where, what kind), oldest first. A duress check-in is
 * marked only when the server marks it — it tells only duty and liaison
 * officers, never the field page.
 */
import { useTranslation } from 'react-i18next';
import type { MovementState } from '@vocabulary/protection';
import { MOVEMENT_STATES, type TimelineEntry } from '../../api/movements';
import { knownUser, useKnownUsers } from '../../components/sharing/knownUsers';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';

function isState(value: string): value is MovementState {
  return (MOVEMENT_STATES as readonly string[]).includes(value);
}

export function MovementTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  useKnownUsers(entries.map((entry) => entry.byUser));
  const who = (id: string) =>
    id === 'system'
      ? t('movements.timeline.system')
      : (knownUser(id)?.displayName ?? t('movements.timeline.someone'));
  const state = (value: string) => (isState(value) ? t(`movements.states.${value}`) : value);

  if (entries.length === 0) return <p className="cell-muted">{t('movements.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="movement-timeline">
      {entries.map((entry, index) => (
        <li
          key={`${entry.kind}-${entry.at}-${index}`}
          className={
            entry.kind === 'checkin'
              ? entry.duress
                ? 'timeline-entry timeline-checkin timeline-duress'
                : 'timeline-entry timeline-checkin'
              : 'timeline-entry'
          }
        >
          <time dateTime={entry.at} className="cell-muted">
            {formatDateTime(entry.at, locale)}
          </time>
          {entry.kind === 'transition' ? (
            <div>
              <span className="cell-strong">
                {t('movements.timeline.transition', {
                  from: state(entry.from),
                  to: state(entry.to),
                })}
              </span>{' '}
              <span className="cell-muted">
                {t('movements.timeline.by', { name: who(entry.byUser) })}
              </span>
              {entry.reason ? (
                <p className="timeline-reason" dir="auto">
                  {entry.reason}
                </p>
              ) : null}
            </div>
          ) : (
            <div data-testid="timeline-checkin">
              <span className="cell-strong">
                {t('movements.timeline.checkin', {
                  kind: t(`movements.checkinKinds.${checkinKind(entry.checkinKind)}`),
                })}
              </span>{' '}
              <span className="code" dir="ltr">
                {entry.lat.toFixed(4)}, {entry.lon.toFixed(4)}
              </span>{' '}
              <span className="cell-muted">
                {t('movements.timeline.by', { name: who(entry.byUser) })}
              </span>
              {entry.duress ? (
                <span className="badge badge-danger badge-inline">
                  {t('movements.timeline.duress')}
                </span>
              ) : null}
              {entry.note ? (
                <p className="timeline-reason" dir="auto">
                  {entry.note}
                </p>
              ) : null}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

const KINDS = ['waypoint', 'interval', 'arrival', 'manual'] as const;
function checkinKind(kind: string): (typeof KINDS)[number] {
  return (KINDS as readonly string[]).includes(kind) ? (kind as (typeof KINDS)[number]) : 'manual';
}
