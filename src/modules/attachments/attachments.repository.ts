/**
 * The only SQL for attachments. Every read but `findAttachmentContent`
 * leaves the bytes out, so that lists and checks never load a file; none of
 * these applies the sharing policy, which the service does through the
 * parent record before anything is returned.
 */
import type { Executor } from '../../storage/executor.js';
import type { AttachmentsTable } from './attachments.tables.js';

/** An attachment without its bytes. */
export type AttachmentRow = Omit<AttachmentsTable, 'content'>;

const METADATA_COLUMNS = [
  'id',
  'record_id',
  'record_type',
  'file_name',
  'media_type',
  'byte_size',
  'sha256',
  'uploaded_at',
  'uploaded_by_user',
  'uploaded_by_org',
  'deleted_at',
] as const satisfies readonly (keyof AttachmentRow)[];

export async function insertAttachment(executor: Executor, row: AttachmentsTable): Promise<void> {
  await executor.insertInto('attachments').values(row).execute();
}

/** A record's attachments that are not deleted, newest first. */
export async function listRecordAttachments(
  executor: Executor,
  recordType: string,
  recordId: string,
): Promise<AttachmentRow[]> {
  return executor
    .selectFrom('attachments')
    .select(METADATA_COLUMNS)
    .where('record_id', '=', recordId)
    .where('record_type', '=', recordType)
    .where('deleted_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One attachment that is not deleted, without its bytes. */
export async function findLiveAttachment(
  executor: Executor,
  id: string,
): Promise<AttachmentRow | undefined> {
  return executor
    .selectFrom('attachments')
    .select(METADATA_COLUMNS)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The bytes of an attachment that is not deleted. */
export async function findAttachmentContent(
  executor: Executor,
  id: string,
): Promise<Buffer | undefined> {
  const row = await executor
    .selectFrom('attachments')
    .select('content')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.content ?? undefined;
}

/**
 * Marks an attachment deleted and drops its bytes; the row (name, size,
 * hash, uploader) stays as the record of what was there. False when it was
 * already deleted.
 */
export async function markAttachmentDeleted(
  executor: Executor,
  id: string,
  deletedAt: string,
): Promise<boolean> {
  const result = await executor
    .updateTable('attachments')
    .set({ deleted_at: deletedAt, content: null })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
