/**
 * The cells of an action item row, the same in the decision's items on the
 * meeting page and in the tracker. An overdue item's row is marked, and says "overdue"
 * in words beside its due date, so that it never rests on colour alone.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActionItemSummary } from '../../api/coordination';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { ActionStatusBadge, Day, OverdueBadge, orgName } from './labels';

export function rowClassOf(item: { overdue: boolean }): string | undefined {
  return item.overdue ? 'row-overdue' : undefined;
}

/** The cells every action item row has: title, owner, due date (and overdue), status, marking. */
export function ActionItemCells({
  item,
  directory,
}: {
  item: ActionItemSummary;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  return (
    <>
      <td className="cell-title">
        <Link to={`/coordination/actions/${item.id}`} className="row-link row-link-wrap" dir="auto">
          {item.title}
        </Link>
      </td>
      <td>{orgName(directory, item.ownerOrgId, t)}</td>
      <td className="cell-due">
        <Day date={item.dueDate} />
        {item.overdue ? <OverdueBadge /> : null}
      </td>
      <td>
        <ActionStatusBadge status={item.status} />
      </td>
      <td>
        <MarkingBadge marking={item.marking} />
      </td>
    </>
  );
}

export function actionItemColumns(t: TFunction) {
  return [
    { label: t('coordination.fields.title') },
    { label: t('coordination.fields.owner') },
    { label: t('coordination.fields.dueDate') },
    { label: t('coordination.fields.status') },
    { label: t('coordination.fields.marking') },
  ];
}
