/**
 * Coordination vocabularies: the states of action items and of cooperation
 * programmes, and the kinds of programme. Shared by the server and the web
 * app (`@vocabulary/coordination`): data only, no imports.
 */
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'blocked', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Statuses after which an item is no longer expected, so never overdue. */
export const CLOSED_STATUSES: readonly ActionItemStatus[] = ['done', 'dropped'];

export const PROGRAMME_KINDS = [
  'equipment_transfer',
  'training',
  'exchange',
  'border_cooperation',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const PROGRAMME_STATUSES = [
  'planned',
  'in_progress',
  'completed',
  'suspended',
  'cancelled',
] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
/** Statuses after which nothing more is expected, so no milestone is overdue nor next. */
export const CLOSED_PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['completed', 'cancelled'];
