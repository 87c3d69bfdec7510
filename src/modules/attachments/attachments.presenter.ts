/** Attachment rows -> API shape: what a reader of the record may know about a file, never its bytes. */
import type { AttachmentRow } from './attachments.repository.js';

export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    recordId: row.record_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    uploadedBy: { userId: row.uploaded_by_user, orgId: row.uploaded_by_org },
  };
}
