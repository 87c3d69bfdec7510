/**
 * Expected outcomes of the site services -> the error catalogue, named by
 * field where a field is at fault. The one mapping: routes never word an
 * outcome themselves.
 */
import { AppError } from '../../core/errors.js';
import type { SiteError } from './sites.service.js';
import { MAX_SITE_REACH_KM } from './sites.service.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });

export function toAppError(error: SiteError): AppError {
  switch (error) {
    case 'forbidden':
      return new AppError('FORBIDDEN');
    case 'not_found':
      return new AppError('NOT_FOUND');
    case 'revoked':
      // Revocation is final: no correction, count or contact change afterwards.
      return new AppError('CONFLICT');
    case 'invalid_release':
      return invalid(
        'releasableTo',
        'name organisations or groups for TLP:AMBER, people for TLP:RED',
      );
    case 'unknown_operator':
      return invalid('operatorOrgId', 'names an organisation that does not exist');
    case 'unknown_guard':
      return invalid('guardOrgId', 'names an organisation that does not exist');
    case 'site_too_large':
      return invalid(
        'location',
        `a site with its buffer must lie within ${MAX_SITE_REACH_KM} km of its centre`,
      );
    case 'future_day':
      return invalid('day', 'people can be counted up to tomorrow, not further ahead');
  }
}
