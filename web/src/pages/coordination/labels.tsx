/** How coordination values read: action item statuses, the overdue flag, days and organisations. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../../api/coordination';
import { Icon } from '../../components/icons';
import { currentLocale } from '../../i18n';
import { formatEventDate } from '../../lib/format';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';

const STATUS_BADGE: Record<ActionItemStatus, string> = {
  open: 'badge-peer',
  in_progress: 'badge-warning',
  blocked: 'badge-danger',
  done: 'badge-active',
  dropped: 'badge-disabled',
};

export function isActionItemStatus(value: string): value is ActionItemStatus {
  return (ACTION_ITEM_STATUSES as readonly string[]).includes(value);
}

export function statusOptions(t: TFunction) {
  return ACTION_ITEM_STATUSES.map((status) => ({
    value: status,
    label: t(`coordination.status.${status}`),
  }));
}

export function ActionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isActionItemStatus(status)) return <span className="badge">{status}</span>;
  return (
    <span className={`badge ${STATUS_BADGE[status]}`}>{t(`coordination.status.${status}`)}</span>
  );
}

/** Overdue said in words and with a sign, never by colour alone. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-danger overdue-badge" data-testid="overdue">
      <Icon name="alert" width={14} height={14} />
      {t('coordination.overdue')}
    </span>
  );
}

/** A `YYYY-MM-DD` day in the interface language. */
export function Day({ date }: { date: string | undefined | null }) {
  if (!date) return <>—</>;
  return <time dateTime={date}>{formatEventDate(date, 1, currentLocale())}</time>;
}

/** An organisation's name, or that it is not known here (a peer's organisation, a failed directory). */
export function orgName(directory: OrganisationDirectory, id: string, t: TFunction): string {
  return directory.nameOf(id) ?? t('coordination.unknownOrganisation');
}

/** Organisations as a list of names. */
export function OrgList({
  ids,
  directory,
}: {
  ids: readonly string[];
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return <>—</>;
  return (
    <ul className="inline-list">
      {ids.map((id) => (
        <li key={id}>{orgName(directory, id, t)}</li>
      ))}
    </ul>
  );
}
