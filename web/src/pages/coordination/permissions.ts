/**
 * Who may do what with coordination records, as the server decides it
 * (core/policy canEdit; action-items.service noteTarget). The server checks
 * again; these only keep buttons away from those it would refuse.
 */
import type { CurrentUser } from '../../api/types';
import { canEditRecord, canWriteIntel } from '../intel/permissions';

/** Analysts, duty officers and organisation administrators record groups, meetings and decisions. */
export function canWriteCoordination(user: CurrentUser): boolean {
  return canWriteIntel(user);
}

/** Only the originating organisation's editors correct a record or add to its children. */
export function canEditCoordination(user: CurrentUser, record: { createdBy: string }): boolean {
  return canEditRecord(user, record);
}

/**
 * A progress note: the item's originator reports on it, and so does the
 * organisation that owns the work — only the originator changes the item.
 */
export function canAddProgressNote(
  user: CurrentUser,
  item: { createdBy: string; ownerOrgId: string },
): boolean {
  return (
    canWriteIntel(user) &&
    (item.createdBy === user.organisation.id || item.ownerOrgId === user.organisation.id)
  );
}
