/**
 * Expected outcomes of the coordination services (all five record types) ->
 * the error catalogue, named by field where a field is at fault. The one
 * mapping: routes never word an outcome themselves.
 */
import { AppError } from '../../core/errors.js';
import type { CoordinationError } from './coordination.records.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

/** `detail` is the result's detail: the field path for 'unknown_organisation'. */
export function toAppError(error: CoordinationError, detail?: string): AppError {
  switch (error) {
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'revoked':
      // Revocation is final: neither a second revocation nor a correction afterwards.
      return new AppError('CONFLICT');
    case 'invalid_release':
      return invalid(
        'releasableTo',
        'name organisations or groups for TLP:AMBER, people for TLP:RED',
      );
    case 'unknown_member':
      return invalid('memberOrgIds', 'names an organisation that does not exist');
    case 'unknown_participant':
      return invalid('participantOrgIds', 'names an organisation that does not exist');
    case 'unknown_owner':
      return invalid('ownerOrgId', 'names an organisation that does not exist');
    case 'unknown_organisation':
      return invalid(detail ?? 'leadOrgId', 'names an organisation that does not exist');
    // One message for unknown and unreadable parents: the answer must not reveal which.
    case 'unreadable_working_group':
      return invalid('workingGroupId', 'names a working group that you cannot read');
    case 'unreadable_meeting':
      return invalid('meetingId', 'names a meeting that you cannot read');
    case 'unreadable_decision':
      return invalid('decisionId', 'names a decision that you cannot read');
    // The writer may read the parent, so saying it was revoked reveals nothing.
    case 'revoked_working_group':
      return invalid('workingGroupId', 'names a working group that has been revoked');
    case 'revoked_meeting':
      return invalid('meetingId', 'names a meeting that has been revoked');
    case 'revoked_decision':
      return invalid('decisionId', 'names a decision that has been revoked');
    case 'working_group_fixed':
      return invalid('workingGroupId', 'a meeting cannot move to another working group');
    case 'meeting_fixed':
      return invalid('meetingId', 'a decision cannot move to another meeting');
    case 'decision_fixed':
      return invalid('decisionId', 'an action item cannot move to another decision');
    case 'programme_decision_fixed':
      return invalid('decisionId', 'a programme cannot move to another decision');
  }
}
