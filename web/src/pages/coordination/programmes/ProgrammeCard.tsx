/** A programme on the board: title, kind or status, lead, dates and milestone progress; overdue cards are marked. */
import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../api/programmes';
import { Link } from '../../../app/router';
import { MarkingBadge } from '../../../components/MarkingBadge';
import type { OrganisationDirectory } from '../../../lib/organisationDirectory';
import { Day, orgName } from '../labels';
import type { BoardGrouping } from './programmeFilters';
import { KindBadge, MilestoneProgressView, ProgrammeStatusBadge } from './programmeLabels';

export function ProgrammeCard({
  programme,
  groupBy,
  directory,
}: {
  programme: ProgrammeSummary;
  groupBy: BoardGrouping;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const overdue = programme.overdueMilestones > 0;
  return (
    <article
      className={overdue ? 'programme-card programme-card-overdue' : 'programme-card'}
      aria-labelledby={`${programme.id}-title`}
      data-testid="programme-card"
    >
      <h3 id={`${programme.id}-title`} className="programme-card-title">
        <Link to={`/coordination/programmes/${programme.id}`} dir="auto">
          {programme.title}
        </Link>
      </h3>
      <div className="programme-card-badges">
        {/* The column already says one of the two. */}
        {groupBy === 'status' ? (
          <KindBadge kind={programme.kind} />
        ) : (
          <ProgrammeStatusBadge status={programme.status} />
        )}
        <MarkingBadge marking={programme.marking} />
      </div>
      <p className="cell-muted programme-card-meta">
        {t('coordination.programmes.ledBy', {
          organisation: orgName(directory, programme.leadOrgId, t),
        })}
        {' · '}
        <Day date={programme.startDate} />
        {programme.endDate ? (
          <>
            {' – '}
            <Day date={programme.endDate} />
          </>
        ) : null}
      </p>
      <MilestoneProgressView milestones={programme.milestones} progress={programme} />
    </article>
  );
}
