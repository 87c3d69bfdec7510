/**
 * Action items overdue on the report's day, oldest due date first, each
 * leading to its page in the coordination section. Overdue is said in
 * words and figures, not by colour alone.
 */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { formatCount } from '../../lib/format';
import { ActionStatusBadge, Day } from '../coordination/labels';
import { SitrepEmpty, SitrepNote, SitrepSection, SitrepTable } from './SitrepParts';

const TRACKER_OVERDUE = '/coordination/actions?overdue=true';

export function SitrepActionItems({ actionItems }: { actionItems: Sitrep['actionItems'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.actionItems.title');
  return (
    <SitrepSection id="sitrep-action-items" title={title}>
      {actionItems.overdue.length === 0 ? (
        <SitrepEmpty testId="sitrep-action-items-empty">
          {t('sitrep.actionItems.empty')}
        </SitrepEmpty>
      ) : (
        <>
          <SitrepTable
            testId="sitrep-action-items"
            caption={title}
            columns={[
              { label: t('sitrep.actionItems.item') },
              { label: t('sitrep.actionItems.owner') },
              { label: t('sitrep.actionItems.due') },
              { label: t('sitrep.actionItems.overdueBy'), numeric: true },
              { label: t('sitrep.actionItems.status') },
              { label: t('sitrep.actionItems.group') },
            ]}
          >
            {actionItems.overdue.map((item) => (
              <tr key={item.id} className="sitrep-overdue-row">
                <td className="cell-title">
                  <Link
                    to={`/coordination/actions/${item.id}`}
                    className="row-link row-link-wrap"
                    dir="auto"
                  >
                    {item.title}
                  </Link>
                  {item.marking ? (
                    <div>
                      <MarkingBadge marking={item.marking} />
                    </div>
                  ) : null}
                </td>
                <td>{item.ownerOrg.name || item.ownerOrg.id}</td>
                <td>
                  <Day date={item.dueDate} />
                </td>
                <td className="cell-number cell-strong">
                  {t('sitrep.actionItems.days', { count: item.daysOverdue })}
                </td>
                <td>
                  <ActionStatusBadge status={item.status} />
                </td>
                <td>
                  <Link to={`/coordination/groups/${item.workingGroupId}`} className="row-link">
                    {t('sitrep.actionItems.openGroup')}
                  </Link>
                </td>
              </tr>
            ))}
          </SitrepTable>
          {actionItems.total > actionItems.overdue.length ? (
            <SitrepNote>
              {t('sitrep.actionItems.more', {
                shown: formatCount(actionItems.overdue.length, locale),
                total: formatCount(actionItems.total, locale),
              })}
            </SitrepNote>
          ) : null}
        </>
      )}
      <Link to={TRACKER_OVERDUE} className="button button-secondary sitrep-tracker-link">
        {t('sitrep.actionItems.tracker')}
      </Link>
    </SitrepSection>
  );
}
