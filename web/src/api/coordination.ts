/**
 * Joint coordination: working groups, meetings (with their attachments),
 * decisions, action items (the tracker and progress notes) and cooperation
 * programmes — the shapes of the server's coordination presenters
 * (src/modules/coordination/coordination.presenter.ts) and the calls.
 * A child record names its parents by id only: the reader may not be
 * allowed to read a parent, so nothing of it is ever embedded.
 */
import { ApiError, apiRequest, CLIENT_ERROR_CODES, type ApiIssue } from './client';
import type { TlpMarking } from './incidents';
import type { Page } from './types';

import type { ActionItemStatus } from '@vocabulary/coordination';

// The server's own vocabulary (src/core/vocabulary/coordination.ts).
export { ACTION_ITEM_STATUSES, type ActionItemStatus } from '@vocabulary/coordination';

/** The sharing fields and who wrote the record, as every coordination presenter adds them. */
export interface CoordinationSharing {
  marking: string;
  /** Present only for the originating organisation. */
  releasableTo?: string[];
  createdBy: string;
  createdByUser: string | null;
  created: string;
  modified: string;
}

/** What a list row carries of the record's sharing. */
export interface ListedSharing {
  marking: string;
  createdBy: string;
  modified: string;
}

export interface SharingFields {
  marking: TlpMarking;
  releasableTo: string[];
}

export interface WorkingGroupInput extends SharingFields {
  name: string;
  description: string;
  memberOrgIds: string[];
  chairOrgId: string;
  secretaryOrgId: string;
}
export type WorkingGroup = Omit<WorkingGroupInput, keyof SharingFields> &
  CoordinationSharing & { id: string; type: 'working-group' };
export interface WorkingGroupSummary extends ListedSharing {
  id: string;
  name: string;
  memberOrgIds: string[];
  chairOrgId: string;
  secretaryOrgId: string;
}

export interface MeetingInput extends SharingFields {
  workingGroupId: string;
  /** YYYY-MM-DD */
  date: string;
  place: string;
  participantOrgIds: string[];
  agenda: string;
  /** Markdown, shown through the sanitising renderer (components/Markdown). */
  minutes: string;
}
export type Meeting = Omit<MeetingInput, keyof SharingFields> &
  CoordinationSharing & { id: string; type: 'meeting' };
export interface MeetingSummary extends ListedSharing {
  id: string;
  workingGroupId: string;
  date: string;
  place: string;
}

export interface DecisionInput extends SharingFields {
  meetingId: string;
  text: string;
}
export type Decision = Omit<DecisionInput, keyof SharingFields> &
  CoordinationSharing & { id: string; type: 'decision' };
export interface DecisionSummary extends ListedSharing {
  id: string;
  meetingId: string;
  workingGroupId: string;
  text: string;
}

export interface ActionItemInput extends SharingFields {
  decisionId: string;
  title: string;
  ownerOrgId: string;
  dueDate: string;
  status: ActionItemStatus;
}
export interface ProgressNote {
  at: string;
  byUser: string;
  text: string;
}
export type ActionItem = Omit<ActionItemInput, keyof SharingFields> &
  CoordinationSharing & {
    id: string;
    type: 'action-item';
    progressNotes?: ProgressNote[];
    /** Due before today on the node's clock and neither done nor dropped. */
    overdue: boolean;
  };
export interface ActionItemSummary extends ListedSharing {
  id: string;
  decisionId: string;
  meetingId: string;
  workingGroupId: string;
  title: string;
  ownerOrgId: string;
  dueDate: string;
  status: ActionItemStatus;
  overdue: boolean;
}

export interface TrackerFilters {
  ownerOrgId?: string | undefined;
  status?: ActionItemStatus | undefined;
  /** Items due strictly before this day. */
  dueBefore?: string | undefined;
  overdue?: boolean | undefined;
  workingGroupId?: string | undefined;
  decisionId?: string | undefined;
}

/** One stored version, as every coordination history endpoint answers it. */
export interface CoordinationVersion<Body> {
  modified: string;
  storedAt: string;
  marking: string;
  releasableTo?: string[];
  revoked: boolean;
  record: Partial<Body>;
}

type Paging = { limit: number; cursor: string | null };
const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** The four record routes every coordination type has (create, read, correct, history). */
export function recordCalls<Input, Stored>(base: string, key: string) {
  type Answer = Record<string, Stored>;
  const unwrap = (answer: Answer): Stored => answer[key] as Stored;
  return {
    get: async (id: string, signal?: AbortSignal): Promise<Stored> =>
      unwrap(await apiRequest<Answer>('GET', path(base, id), { signal })),
    create: async (input: Input): Promise<Stored> =>
      unwrap(await apiRequest<Answer>('POST', base, { body: input })),
    update: async (id: string, input: Input): Promise<Stored> =>
      unwrap(await apiRequest<Answer>('PUT', path(base, id), { body: input })),
    history: async (id: string, signal?: AbortSignal) =>
      (
        await apiRequest<{ versions: CoordinationVersion<Input>[] }>(
          'GET',
          `${path(base, id)}/history`,
          { signal },
        )
      ).versions,
  };
}

export const workingGroups = recordCalls<WorkingGroupInput, WorkingGroup>(
  '/api/working-groups',
  'workingGroup',
);
export const meetings = recordCalls<MeetingInput, Meeting>('/api/meetings', 'meeting');
export const decisions = recordCalls<DecisionInput, Decision>('/api/decisions', 'decision');
export const actionItems = recordCalls<ActionItemInput, ActionItem>(
  '/api/action-items',
  'actionItem',
);

/** `q`: words that must all appear in a group's name or description (the server's search). */
export function listWorkingGroups(
  page: Paging & { q?: string },
  signal?: AbortSignal,
): Promise<Page<WorkingGroupSummary>> {
  return apiRequest('GET', '/api/working-groups', { query: { ...page }, signal });
}

/** Every readable working group, page by page (bounded: a node holds few groups). */
export async function listAllWorkingGroups(
  signal?: AbortSignal,
  maxPages = 10,
): Promise<WorkingGroupSummary[]> {
  const all: WorkingGroupSummary[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n += 1) {
    const page: Page<WorkingGroupSummary> = await listWorkingGroups({ limit: 200, cursor }, signal);
    all.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return all;
}

export function listMeetings(
  query: { workingGroupId?: string } & Paging,
  signal?: AbortSignal,
): Promise<Page<MeetingSummary>> {
  return apiRequest('GET', '/api/meetings', { query: { ...query }, signal });
}

export function listDecisions(
  query: { meetingId?: string } & Paging,
  signal?: AbortSignal,
): Promise<Page<DecisionSummary>> {
  return apiRequest('GET', '/api/decisions', { query: { ...query }, signal });
}

export function listActionItems(
  filters: TrackerFilters,
  page: Paging,
  signal?: AbortSignal,
): Promise<Page<ActionItemSummary>> {
  const overdue = filters.overdue === undefined ? undefined : String(filters.overdue);
  return apiRequest('GET', '/api/action-items', {
    query: { ...filters, overdue, ...page },
    signal,
  });
}

export async function addProgressNote(id: string, text: string): Promise<ActionItem> {
  return (
    await apiRequest<{ actionItem: ActionItem }>('POST', `${path('/api/action-items', id)}/notes`, {
      body: { text },
    })
  ).actionItem;
}

/** The file types the server accepts for a meeting (it sniffs the bytes; SVG and HTML never). */
export const ATTACHMENT_TYPES = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
  { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  { mediaType: 'image/webp', label: 'WebP', extensions: ['webp'] },
  { mediaType: 'image/gif', label: 'GIF', extensions: ['gif'] },
] as const;
/** The server's default limit (TANDEM_ATTACHMENT_MAX_BYTES); a node may set a smaller one. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface Attachment {
  id: string;
  recordId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: { userId: string; orgId: string };
}

const attachmentsOf = (meetingId: string) => `${path('/api/meetings', meetingId)}/attachments`;

export async function listMeetingAttachments(
  meetingId: string,
  signal?: AbortSignal,
): Promise<Attachment[]> {
  return (await apiRequest<{ items: Attachment[] }>('GET', attachmentsOf(meetingId), { signal }))
    .items;
}

/** Where the browser downloads an attachment (always as a file; the session cookie authorises it). */
export const attachmentContentUrl = (id: string) => `${path('/api/attachments', id)}/content`;

export async function deleteAttachment(id: string): Promise<void> {
  await apiRequest('DELETE', path('/api/attachments', id));
}

/**
 * Uploads one file as multipart/form-data (field `file`). apiRequest speaks
 * JSON only, so this call reads the server's error answer itself, into the
 * same ApiError (413 too large, 415 type refused, 400 no file).
 */
export async function uploadMeetingAttachment(meetingId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(attachmentsOf(meetingId), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: form,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'The server cannot be reached.',
    });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return (payload as { attachment: Attachment }).attachment;
  const error = (payload as { error?: Partial<Record<string, unknown>> } | undefined)?.error;
  throw new ApiError({
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
    message: typeof error?.message === 'string' ? error.message : response.statusText,
    // The limit a 413 names (params.maximum, in bytes), for the message in the user's language.
    issues: Array.isArray(error?.issues) ? (error.issues as ApiIssue[]) : [],
  });
}
