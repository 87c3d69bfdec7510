/**
 * The decisions of a meeting as recorded, each with the action items that
 * follow from it; writers add a decision, an action item or a programme,
 * and a decision's originator corrects it.
 */
import { useTranslation } from 'react-i18next';
import {
  listActionItems,
  listDecisions,
  type ActionItemSummary,
  type DecisionSummary,
} from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState } from '../../components/Notice';
import { NewRecordLink } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { useCursorPages } from '../../lib/useCursorPages';
import { ActionItemCells, actionItemColumns, rowClassOf } from './ActionItemCells';
import { orgName } from './labels';
import { canEditCoordination, canWriteCoordination } from './permissions';

const DECISIONS_PER_PAGE = 50;
const ITEMS_PER_PAGE = 20;

export function DecisionsSection({
  meetingId,
  directory,
}: {
  meetingId: string;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const list = useCursorPages<DecisionSummary>(
    (cursor, signal) => listDecisions({ meetingId, limit: DECISIONS_PER_PAGE, cursor }, signal),
    meetingId,
  );
  return (
    <section className="card card-tight" aria-labelledby="decisions-heading">
      <div className="card-header">
        <h2 id="decisions-heading" className="section-title">
          {t('coordination.decisions.title')}
        </h2>
        {canWriteCoordination(user) ? (
          <NewRecordLink
            to={`/coordination/meetings/${meetingId}/decisions/new`}
            label={t('coordination.decisions.new')}
            className="button button-secondary button-small"
          />
        ) : null}
      </div>
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState title={t('coordination.decisions.empty')} />
      ) : null}
      <ol className="decision-list" data-testid="decisions">
        {list.items.map((decision, index) => (
          <li key={decision.id} className="decision" aria-labelledby={`${decision.id}-text`}>
            <div className="decision-head">
              <span className="decision-number" aria-hidden="true">
                {index + 1}.
              </span>
              <p id={`${decision.id}-text`} className="pre-wrap decision-text" dir="auto">
                {decision.text}
              </p>
              <MarkingBadge marking={decision.marking} />
            </div>
            <div className="decision-meta cell-muted">
              {t('coordination.decisions.recordedBy', {
                organisation: orgName(directory, decision.createdBy, t),
              })}
            </div>
            <DecisionActionItems decision={decision} directory={directory} />
            <div className="row-actions">
              {canWriteCoordination(user) ? (
                <>
                  <NewRecordLink
                    to={`/coordination/decisions/${decision.id}/actions/new`}
                    label={t('coordination.actionItems.new')}
                    className="button button-secondary button-small"
                  />
                  <NewRecordLink
                    to={`/coordination/programmes/new?decisionId=${decision.id}`}
                    label={t('coordination.programmes.new')}
                    className="button button-link button-small"
                  />
                </>
              ) : null}
              {canEditCoordination(user, decision) ? (
                <Link
                  to={`/coordination/decisions/${decision.id}/edit`}
                  className="button button-link button-small"
                >
                  {t('coordination.decisions.edit')}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <ListPagination list={list} />
    </section>
  );
}

function DecisionActionItems({
  decision,
  directory,
}: {
  decision: DecisionSummary;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const list = useCursorPages<ActionItemSummary>(
    (cursor, signal) =>
      listActionItems({ decisionId: decision.id }, { limit: ITEMS_PER_PAGE, cursor }, signal),
    decision.id,
  );
  if (list.status === 'ready' && list.items.length === 0 && !list.hasPrevious) {
    return <p className="cell-muted">{t('coordination.actionItems.noneForDecision')}</p>;
  }
  return (
    <>
      <ListTable
        list={list}
        onRetry={list.reload}
        testId="decision-action-items"
        caption={t('coordination.actionItems.ofDecision')}
        columns={actionItemColumns(t)}
        empty={null}
      >
        {list.items.map((item) => (
          <tr key={item.id} className={rowClassOf(item)}>
            <ActionItemCells item={item} directory={directory} />
          </tr>
        ))}
      </ListTable>
      <ListPagination list={list} />
    </>
  );
}
