/**
 * Adds a progress note to an action item (a new version of it): the
 * originator's editors may, and so may the owning organisation's, which
 * reports on its own work. Used on the item's page and inline in the tracker.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addProgressNote, type ActionItem } from '../../api/coordination';
import { FieldError } from '../../components/Field';
import { describeError, fieldErrors } from '../../i18n/errors';

const MAX_NOTE_CHARS = 5_000;

export function ProgressNoteForm({
  itemId,
  itemTitle,
  onAdded,
  onCancel,
  autoFocus = false,
}: {
  itemId: string;
  itemTitle: string;
  onAdded: (item: ActionItem) => void;
  /** Shows a cancel button (the tracker's inline form closes). */
  onCancel?: () => void;
  /** Takes the keyboard to the note when the form opens in place (the tracker's row). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('coordination.problems.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const updated = await addProgressNote(itemId, text.trim());
      setText('');
      onAdded(updated);
    } catch (failure) {
      setError(fieldErrors(failure).text ?? describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="progress-note-form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.notes.formLabel', { title: itemTitle })}
    >
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-text`} className="field-label">
          {t('coordination.notes.label')}
        </label>
        <textarea
          id={`${id}-text`}
          className="input textarea progress-note-text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={2}
          dir="auto"
          maxLength={MAX_NOTE_CHARS}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div className="row-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? t('common.saving') : t('coordination.notes.add')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
