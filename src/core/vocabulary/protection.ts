/**
 * Protection vocabularies: kinds of protected site, posture and risk levels,
 * and the states of a movement. Shared by the server and the web app
 * (`@vocabulary/protection`): data only, no imports.
 */
export const SITE_TYPES = [
  'hydropower',
  'road',
  'port',
  'power',
  'sez',
  'border_crossing',
  'camp',
  'office',
] as const;
export type SiteType = (typeof SITE_TYPES)[number];

/** How much protection a site needs now, lowest first. */
export const POSTURE_LEVELS = ['normal', 'heightened', 'high', 'critical'] as const;
export type PostureLevel = (typeof POSTURE_LEVELS)[number];

/** Assessed risk of a movement or area, lowest first. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The life of a movement (journey management), in the order it usually runs. */
export const MOVEMENT_STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'returned',
  'escort_assigned',
  'in_transit',
  'arrived',
  'closed',
  'cancelled',
  'overdue',
  'incident',
] as const;
export type MovementState = (typeof MOVEMENT_STATES)[number];

/**
 * Roles that may acknowledge an alert they see: the people who act on one.
 * A viewer reads; a node administrator runs the node.
 */
export const ALERT_ACKNOWLEDGING_ROLES = [
  'analyst',
  'duty_officer',
  'field',
  'liaison',
  'org_admin',
] as const;
