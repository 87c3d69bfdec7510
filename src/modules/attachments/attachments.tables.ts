/**
 * Row type of the `attachments` table (see the attachments migration): files
 * attached to a shareable record, their bytes kept in the database so that a
 * backup of the database is a backup of everything.
 */
export interface AttachmentsTable {
  /** `attachment--<uuidv7>` */
  id: string;
  /** The record the file belongs to; whoever may read that record may read the file. */
  record_id: string;
  /** The record's type (`meeting`, …): which attachable type the record id names. */
  record_type: string;
  /** Sanitised (no path, no control or direction characters), at most 200 characters. */
  file_name: string;
  /** Sniffed from the bytes, never the uploader's claim; the only type it is served as. */
  media_type: string;
  byte_size: number;
  /** Hex SHA-256 of the bytes, kept after deletion to show what was there. */
  sha256: string;
  /** The bytes; NULL once deleted. */
  content: Buffer | null;
  uploaded_at: string;
  uploaded_by_user: string;
  uploaded_by_org: string;
  deleted_at: string | null;
}
