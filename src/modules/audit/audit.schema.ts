import { z } from 'zod';

/** Every kind of event the audit log records. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.mfa_failed',
  'auth.mfa_throttled',
  'auth.mfa_enabled',
  'auth.logout',
  'auth.origin_rejected',
  'token.created',
  'token.revoked',
  'token.used',
  'token.scope_denied',
  'token.invalid',
  'token.throttled',
  'bootstrap.link_issued',
  'bootstrap.completed',
  'organisation.created',
  'user.created',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.password_set',
  'personal_data.read',
  'audit.read',
  'release.egress',
  'record.created',
  'record.updated',
  'record.revoked',
  'record.published',
  'record.imported',
  'record.exported',
  'sitrep.generated',
  'attachment.uploaded',
  'attachment.read',
  'attachment.deleted',
  'site.people_recorded',
  'site.contacts_changed',
  'movement.transition',
  'movement.escort_assigned',
  'movement.risk_assessed',
  'movement.risk_overridden',
  'movement.checkin',
  'movement.manifest_changed',
  'alarm.raised',
  'alarm.escalated',
  'alarm.acknowledged',
  'alert.raised',
  'alert.acknowledged',
  'alert.escalated',
  'webhook.created',
  'webhook.removed',
  // Federation: peers, what crossed (release.egress above), what was received or refused.
  'peer.added',
  'peer.updated',
  'peer.removed',
  'federation.received',
  'federation.refused',
  'federation.exported',
  'federation.imported',
  'taxii.collection_created',
  'taxii.collection_removed',
  'taxii.objects_added',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  actor?: { userId: string; orgId: string } | undefined;
  target?: { type: string; id: string } | undefined;
  address?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown>;
}

export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorUserId: z.string().max(100).optional(),
  targetId: z.string().max(200).optional(),
  /** Entries before this sequence number (the cursor of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
