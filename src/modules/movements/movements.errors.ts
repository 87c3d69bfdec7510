/**
 * Expected outcomes of the movement services -> the error catalogue. The one
 * mapping: routes never word an outcome themselves.
 */
import { AppError } from '../../core/errors.js';
import type { MovementError } from './movements.records.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

export function toAppError(error: MovementError): AppError {
  switch (error) {
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'wrong_state':
      return new AppError('MOVEMENT_TRANSITION_REFUSED');
    case 'self_approval':
      return new AppError('SELF_APPROVAL_REFUSED');
    case 'approver_role':
      return new AppError('APPROVER_ROLE_REQUIRED');
    case 'second_approver':
      return new AppError('SECOND_APPROVER_REQUIRED');
    case 'checkin_refused':
      return new AppError('CHECKIN_REFUSED');
    case 'wrong_code':
      return invalid('code', 'is not the code of this movement');
    case 'invalid_release':
      return invalid(
        'releasableTo',
        'name organisations or groups for TLP:AMBER, people for TLP:RED',
      );
    // One message for unknown and unreadable sites: the answer must not reveal which.
    case 'unreadable_origin':
      return invalid('origin.siteId', 'names a site that you cannot read');
    case 'unreadable_destination':
      return invalid('destination.siteId', 'names a site that you cannot read');
    case 'unknown_escort_org':
      return invalid('orgId', 'names an organisation that does not exist');
  }
}
