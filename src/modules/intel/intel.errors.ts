/** Expected outcomes of the intelligence services -> the error catalogue, named by field where a field is at fault. */
import { AppError } from '../../core/errors.js';
import type { ThreatActorError } from './actors.service.js';
import type { CorroborationError } from './corroborations.service.js';
import type { ThreatReportError } from './reports.write.service.js';

export type IntelError = ThreatActorError | ThreatReportError | CorroborationError;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

export function toAppError(error: IntelError): AppError {
  switch (error) {
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'invalid_release':
      return invalid(
        'releasableTo',
        'name organisations or groups for TLP:AMBER, people for TLP:RED',
      );
    case 'unknown_threat_actor':
      // One message for unknown and unreadable actors: the answer must not reveal which.
      return invalid('threatActorIds', 'names a threat actor that you cannot read');
    case 'wrong_status':
    case 'subject_closed':
      return new AppError('CONFLICT');
  }
}
