/**
 * Where a record of a federated type is shown in this web app, and how its
 * type and the egress decisions read. Labels only: this file never decides
 * what leaves for a peer (the server does).
 */
import type { TFunction } from 'i18next';
import type { EgressDecision } from '../../api/federation';

const RECORD_PAGES: Readonly<Record<string, (id: string) => string>> = {
  incident: (id) => `/incidents/${id}`,
  'threat-report': (id) => `/intel/${id}`,
  'threat-actor': (id) => `/intel/actors/${id}`,
  site: (id) => `/sites/${id}`,
  movement: (id) => `/movements/${id}`,
};

/** The page of a record, or null for a type without a page of its own (corroboration, meeting…). */
export function recordPath(type: string, id: string): string | null {
  const page = RECORD_PAGES[type];
  return page ? page(id) : null;
}

const RECORD_TYPES = [
  'incident',
  'threat-report',
  'threat-actor',
  'corroboration',
  'site',
  'movement',
  'working-group',
  'meeting',
  'decision',
  'action-item',
  'programme',
] as const;
type KnownType = (typeof RECORD_TYPES)[number];

function isKnownType(type: string): type is KnownType {
  return (RECORD_TYPES as readonly string[]).includes(type);
}

/** A record type in words; a type this client does not know reads as itself. */
export function recordTypeLabel(type: string, t: TFunction): string {
  return isKnownType(type) ? t(`federation.types.${type}`) : type;
}

export function decisionLabel(decision: EgressDecision, t: TFunction): string {
  return t(`federation.decision.${decision}`);
}

const REASONS = [
  'tlp_red',
  'not_released_to_peer',
  'peer_is_originator',
  'received_from_peer',
  'invalid_marking',
  'redaction_failed',
  'type_not_federated',
] as const;
type KnownReason = (typeof REASONS)[number];

function isKnownReason(reason: string): reason is KnownReason {
  return (REASONS as readonly string[]).includes(reason);
}

/** Why a record does not leave for a peer, in words; a reason this client does not know is shown as sent. */
export function reasonLabel(reason: string | null, t: TFunction): string | null {
  if (reason === null) return null;
  return isKnownReason(reason)
    ? t(`federation.reasons.${reason}`)
    : t('federation.reasons.unknown', { reason });
}
