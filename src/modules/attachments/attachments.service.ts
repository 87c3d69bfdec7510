/**
 * Attachments of shareable records. Owns the rules that a file is readable
 * exactly while its record is readable by the caller (the record's sharing
 * policy is the file's), that only the record's editors attach or delete
 * files, that a file is stored and served only as the allowed type its bytes
 * show, and that every upload, download and deletion is audited. It must
 * never hand out a file, or say one exists, without that read check.
 */
import { createHash } from 'node:crypto';
import { isoNow } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import { fail, ok, type Result } from '../../core/result.js';
import { inTransaction } from '../../storage/executor.js';
import type { AuditEvent } from '../audit/audit.schema.js';
import {
  readCoordinationRecord,
  recordToChange,
  type CoordinationDeps,
} from '../coordination/coordination.records.js';
import type { CurrentUser, RequestOrigin } from '../identity/identity.types.js';
import { actorOf } from '../intel/intel.records.js';
import type { RecordRow } from '../records/records.repository.js';
import { sanitiseFileName } from './attachments.names.js';
import {
  findAttachmentContent,
  findLiveAttachment,
  insertAttachment,
  listRecordAttachments,
  markAttachmentDeleted,
  type AttachmentRow,
} from './attachments.repository.js';
import { isAttachableType, type AttachableType } from './attachments.targets.js';
import { checkFileType } from './attachments.types.js';

export type AttachmentDeps = CoordinationDeps;

/** Expected outcomes; `type_refused` carries the reason in words as the result's detail. */
export type AttachmentError = 'not_found' | 'forbidden' | 'revoked' | 'type_refused';

/** A file as it arrived: the uploader's name and declared type are claims to check. */
export interface ReceivedFile {
  fileName: string;
  declaredType: string;
  bytes: Buffer;
}

/** A record cleared for attaching or deleting files by this actor. */
export interface AttachmentParent {
  type: AttachableType;
  record: RecordRow;
}

function auditEvent(
  action: 'attachment.uploaded' | 'attachment.read' | 'attachment.deleted',
  attachment: AttachmentRow,
  actor: CurrentUser,
  origin: RequestOrigin | undefined,
): AuditEvent {
  return {
    action,
    outcome: 'success',
    actor: actorOf(actor),
    target: { type: 'attachment', id: attachment.id },
    address: origin?.address,
    requestId: origin?.requestId,
    // The hash names the file without putting any of its content in the log.
    details: {
      recordId: attachment.record_id,
      recordType: attachment.record_type,
      mediaType: attachment.media_type,
      byteSize: attachment.byte_size,
      sha256: attachment.sha256,
    },
  };
}

/** The record's live attachments, if the reader may read the record. */
export async function listAttachments(
  deps: AttachmentDeps,
  type: AttachableType,
  recordId: string,
  reader: CurrentUser,
): Promise<Result<AttachmentRow[], 'not_found'>> {
  const record = await readCoordinationRecord(deps, type, recordId, reader);
  if (!record) return fail('not_found');
  return ok(await listRecordAttachments(deps.db, type, recordId));
}

/**
 * The record, if this actor may change its attachments: not found unless
 * readable, forbidden unless editable, and revoked records (final) take no more files.
 */
export async function attachmentParentToEdit(
  deps: AttachmentDeps,
  type: AttachableType,
  recordId: string,
  actor: CurrentUser,
): Promise<Result<AttachmentParent, 'not_found' | 'forbidden' | 'revoked'>> {
  const record = await recordToChange(deps, type, recordId, actor);
  if (!record.ok) {
    const { error } = record;
    return fail(error === 'forbidden' || error === 'revoked' ? error : 'not_found');
  }
  return ok({ type, record: record.value });
}

/** Stores a received file on a record that attachmentParentToEdit has cleared for this actor. */
export async function addAttachment(
  deps: AttachmentDeps,
  parent: AttachmentParent,
  file: ReceivedFile,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<AttachmentRow, 'type_refused'>> {
  const fileName = sanitiseFileName(file.fileName);
  const mediaType = await checkFileType(file.bytes, file.declaredType, fileName);
  if (!mediaType.ok) return mediaType;
  const attachment: AttachmentRow = {
    id: newId('attachment'),
    record_id: parent.record.id,
    record_type: parent.type,
    file_name: fileName,
    media_type: mediaType.value,
    byte_size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploaded_at: isoNow(deps.clock),
    uploaded_by_user: actor.userId,
    uploaded_by_org: actor.orgId,
    deleted_at: null,
  };
  await inTransaction(deps.db, async (trx) => {
    await insertAttachment(trx, { ...attachment, content: file.bytes });
    await deps.audit.record(auditEvent('attachment.uploaded', attachment, actor, origin), trx);
  });
  return ok(attachment);
}

/** A live attachment whose record the reader may read now; anything else looks the same: not found. */
async function readableAttachment(
  deps: AttachmentDeps,
  id: string,
  reader: CurrentUser,
): Promise<AttachmentRow | undefined> {
  const attachment = await findLiveAttachment(deps.db, id);
  if (!attachment || !isAttachableType(attachment.record_type)) return undefined;
  const record = await readCoordinationRecord(
    deps,
    attachment.record_type,
    attachment.record_id,
    reader,
  );
  return record ? attachment : undefined;
}

/** The file and its bytes for download, audited before a byte is handed out. */
export async function downloadAttachment(
  deps: AttachmentDeps,
  id: string,
  reader: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<{ attachment: AttachmentRow; content: Buffer }, 'not_found'>> {
  const attachment = await readableAttachment(deps, id, reader);
  const content = attachment ? await findAttachmentContent(deps.db, id) : undefined;
  if (!attachment || !content) return fail('not_found');
  await deps.audit.record(auditEvent('attachment.read', attachment, reader, origin));
  return ok({ attachment, content });
}

/**
 * Deletes an attachment for an editor of its record. Its bytes are dropped
 * (a file is deleted because it should not be there); the row stays, so the
 * audit trail can still say what was uploaded and by whom.
 */
export async function deleteAttachment(
  deps: AttachmentDeps,
  id: string,
  actor: CurrentUser,
  origin?: RequestOrigin,
): Promise<Result<void, 'not_found' | 'forbidden'>> {
  const attachment = await findLiveAttachment(deps.db, id);
  if (!attachment || !isAttachableType(attachment.record_type)) return fail('not_found');
  const parent = await attachmentParentToEdit(
    deps,
    attachment.record_type,
    attachment.record_id,
    actor,
  );
  // Removing a file stays possible on a revoked record: one that should not be there must be removable.
  if (!parent.ok && parent.error !== 'revoked') return fail(parent.error);
  const deleted = await inTransaction(deps.db, async (trx) => {
    if (!(await markAttachmentDeleted(trx, id, isoNow(deps.clock)))) return false;
    await deps.audit.record(auditEvent('attachment.deleted', attachment, actor, origin), trx);
    return true;
  });
  return deleted ? ok(undefined) : fail('not_found');
}
