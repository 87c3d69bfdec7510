/** How programme values read: kinds, statuses, and milestone progress (overdue in words, not colour alone). */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type Milestone,
  type MilestoneProgress,
  type ProgrammeKind,
  type ProgrammeStatus,
} from '../../../api/programmes';
import { Icon } from '../../../components/icons';
import { Day } from '../labels';

const STATUS_BADGE: Record<ProgrammeStatus, string> = {
  planned: 'badge-peer',
  in_progress: 'badge-warning',
  completed: 'badge-active',
  suspended: 'badge-danger',
  cancelled: 'badge-disabled',
};

export function isProgrammeKind(value: string): value is ProgrammeKind {
  return (PROGRAMME_KINDS as readonly string[]).includes(value);
}

export function isProgrammeStatus(value: string): value is ProgrammeStatus {
  return (PROGRAMME_STATUSES as readonly string[]).includes(value);
}

export const kindOptions = (t: TFunction) =>
  PROGRAMME_KINDS.map((kind) => ({
    value: kind,
    label: t(`coordination.programmes.kinds.${kind}`),
  }));

export const programmeStatusOptions = (t: TFunction) =>
  PROGRAMME_STATUSES.map((status) => ({
    value: status,
    label: t(`coordination.programmes.statuses.${status}`),
  }));

export function ProgrammeStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isProgrammeStatus(status)) return <span className="badge">{status}</span>;
  return (
    <span className={`badge ${STATUS_BADGE[status]}`}>
      {t(`coordination.programmes.statuses.${status}`)}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-inline programme-kind">
      {isProgrammeKind(kind) ? t(`coordination.programmes.kinds.${kind}`) : kind}
    </span>
  );
}

/**
 * Milestones done of all, as a bar and in words, the overdue count said in
 * words with a sign, and the next milestone due.
 */
export function MilestoneProgressView({
  milestones,
  progress,
}: {
  milestones: readonly Milestone[];
  progress: MilestoneProgress;
}) {
  const { t } = useTranslation();
  const done = milestones.filter((m) => m.doneOn !== undefined).length;
  const total = milestones.length;
  return (
    <div className="milestone-progress">
      {total > 0 ? (
        <>
          <progress
            className="milestone-bar"
            max={total}
            value={done}
            aria-label={t('coordination.programmes.milestonesDone', { done, total })}
          />
          <span className="cell-muted">
            {t('coordination.programmes.milestonesDone', { done, total })}
          </span>
        </>
      ) : (
        <span className="cell-muted">{t('coordination.programmes.noMilestones')}</span>
      )}
      {progress.overdueMilestones > 0 ? (
        <span className="badge badge-danger overdue-badge" data-testid="overdue">
          <Icon name="alert" width={14} height={14} />
          {t('coordination.programmes.overdueMilestones', { count: progress.overdueMilestones })}
        </span>
      ) : null}
      {progress.nextMilestone ? (
        <span className="next-milestone">
          {t('coordination.programmes.next')} <span dir="auto">{progress.nextMilestone.title}</span>
          {' · '}
          <Day date={progress.nextMilestone.dueDate} />
        </span>
      ) : null}
    </div>
  );
}
