/**
 * A meeting's attachments: PDF and images, listed for its readers (each a
 * download, always as a file), uploaded and deleted by the meeting's
 * originator's editors. The limit and the allowed types are said up front,
 * checked before sending, and the server's refusal is told plainly.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  ATTACHMENT_TYPES,
  attachmentContentUrl,
  deleteAttachment,
  listMeetingAttachments,
  MAX_ATTACHMENT_BYTES,
  uploadMeetingAttachment,
  type Attachment,
} from '../../api/coordination';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { DetailCard } from '../../components/Detail';
import { FieldError } from '../../components/Field';
import { Icon } from '../../components/icons';
import { Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { useLoaded } from '../../lib/useLoaded';
import { formatBytes, refusalOf, typeLabelOf } from './attachmentRules';
import { orgName } from './labels';

const ACCEPT = ATTACHMENT_TYPES.flatMap((type) => [
  type.mediaType,
  ...type.extensions.map((e) => `.${e}`),
]).join(',');

export function AttachmentsSection({
  meetingId,
  mayEdit,
  directory,
}: {
  meetingId: string;
  mayEdit: boolean;
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { loaded, reload } = useLoaded(meetingId, listMeetingAttachments);
  const removal = useConfirmedAction<Attachment>(
    async (attachment) => deleteAttachment(attachment.id),
    reload,
  );
  const limit = formatBytes(MAX_ATTACHMENT_BYTES, locale);
  const types = ATTACHMENT_TYPES.map((type) => type.label).join(', ');

  return (
    <DetailCard headingId="attachments-heading" title={t('coordination.attachments.title')}>
      {loaded.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {loaded.status === 'error' ? (
        <Notice tone="error">
          {loaded.error instanceof ApiError && loaded.error.status === 404
            ? t('coordination.attachments.unavailable')
            : describeError(loaded.error, t)}
        </Notice>
      ) : null}
      {loaded.status === 'ready' && loaded.value.length === 0 ? (
        <p className="cell-muted">{t('coordination.attachments.none')}</p>
      ) : null}
      {loaded.status === 'ready' && loaded.value.length > 0 ? (
        <ul className="attachment-list" data-testid="attachments">
          {loaded.value.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <a
                href={attachmentContentUrl(attachment.id)}
                download={attachment.fileName}
                className="attachment-name"
              >
                <Icon name="download" />
                <span dir="auto">{attachment.fileName}</span>
              </a>
              <span className="cell-muted">
                {typeLabelOf(attachment.mediaType)} · {formatBytes(attachment.byteSize, locale)} ·{' '}
                {orgName(directory, attachment.uploadedBy.orgId, t)} ·{' '}
                {formatDateTime(attachment.uploadedAt, locale)}
              </span>
              {mayEdit ? (
                <button
                  type="button"
                  className="button button-link button-small"
                  onClick={() => removal.ask(attachment)}
                  aria-label={t('coordination.attachments.deleteNamed', {
                    name: attachment.fileName,
                  })}
                >
                  {t('coordination.attachments.delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayEdit ? (
        <UploadForm meetingId={meetingId} limit={limit} types={types} onUploaded={reload} />
      ) : null}
      <ConfirmDialog
        action={removal}
        title={t('coordination.attachments.deleteTitle')}
        confirmLabel={t('coordination.attachments.delete')}
        danger
      >
        <p>
          {t('coordination.attachments.deleteExplanation', {
            name: removal.pending?.fileName ?? '',
          })}
        </p>
      </ConfirmDialog>
    </DetailCard>
  );
}

function UploadForm({
  meetingId,
  limit,
  types,
  onUploaded,
}: {
  meetingId: string;
  limit: string;
  types: string;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);

  async function upload(event: FormEvent): Promise<void> {
    event.preventDefault();
    setUploaded(null);
    const refusal = file ? refusalOf(file) : 'none';
    if (refusal !== undefined || !file) {
      setError(t(`coordination.attachments.refused.${refusal ?? 'none'}`, { limit, types }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await uploadMeetingAttachment(meetingId, file);
      setUploaded(saved.fileName);
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      if (status === 413) {
        const maximum =
          failure instanceof ApiError ? failure.issues[0]?.params?.maximum : undefined;
        const nodeLimit =
          typeof maximum === 'number' ? formatBytes(maximum, currentLocale()) : limit;
        setError(t('coordination.attachments.refused.tooLarge', { limit: nodeLimit, types }));
      } else if (status === 415)
        setError(t('coordination.attachments.refused.type', { limit, types }));
      else setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="attachment-upload" noValidate onSubmit={(event) => void upload(event)}>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-file`} className="field-label">
          {t('coordination.attachments.file')}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          className="input"
          accept={ACCEPT}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(undefined);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('coordination.attachments.hint', { limit, types })}
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {busy ? t('coordination.attachments.uploading') : t('coordination.attachments.upload')}
      </button>
      {uploaded ? (
        <Notice tone="success">{t('coordination.attachments.uploaded', { name: uploaded })}</Notice>
      ) : null}
    </form>
  );
}
