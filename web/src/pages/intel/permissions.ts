/**
 * Who may do what with intelligence, as the server decides it (core/policy
 * canEdit, intel.records mayCorroborate, the report lifecycle). The server
 * checks again; these only keep buttons away from those it would refuse.
 */
import type { CurrentUser } from '../../api/types';
import type { ReportStatus } from '../../api/intel';
import { canWriteIncidents } from '../incidents/permissions';

/** Analysts, duty officers and organisation administrators write intelligence. */
export function canWriteIntel(user: CurrentUser): boolean {
  return canWriteIncidents(user);
}

/**
 * Only the originating organisation's editors change a record. On TLP:RED
 * they must also be able to read it (its author or named on it), which anyone
 * looking at it already is.
 */
export function canEditRecord(user: CurrentUser, record: { createdBy: string }): boolean {
  return canWriteIntel(user) && record.createdBy === user.organisation.id;
}

/** Partners take part by corroborating: liaison officers and field teams may, as editors may. */
export function canCorroborate(user: CurrentUser): boolean {
  return canWriteIntel(user) || user.roles.some((role) => role === 'liaison' || role === 'field');
}

/** What the originator's editors may do next with a report in this status. */
export function reportActions(
  user: CurrentUser,
  report: { createdBy: string; status: ReportStatus },
) {
  const editor = canEditRecord(user, report);
  return {
    edit: editor && report.status !== 'revoked',
    publish: editor && report.status === 'draft',
    revoke: editor && report.status === 'published',
  };
}
