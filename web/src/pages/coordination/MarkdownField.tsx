/** A Markdown text (meeting minutes, a programme's summary): a text area, and a tab showing it as it will be read. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/Field';
import { Markdown } from '../../components/Markdown';

export function MarkdownField({
  label,
  value,
  onChange,
  error,
  maxLength,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  maxLength?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const tabs = [
    { key: 'write', label: t('coordination.form.write') },
    { key: 'preview', label: t('coordination.form.preview') },
  ] as const;
  return (
    <div className={error ? 'field narrative-editor field-invalid' : 'field narrative-editor'}>
      <div className="narrative-editor-head">
        <label htmlFor={`${id}-text`} className="field-label">
          {label}
        </label>
        <div
          role="tablist"
          className="mini-tabs"
          aria-label={t('coordination.form.markdownView', { field: label })}
        >
          {tabs.map((entry) => (
            <button
              key={entry.key}
              type="button"
              role="tab"
              id={`${id}-${entry.key}-tab`}
              aria-selected={tab === entry.key}
              aria-controls={`${id}-${entry.key}`}
              className={tab === entry.key ? 'mini-tab mini-tab-current' : 'mini-tab'}
              onClick={() => setTab(entry.key)}
            >
              {entry.label}
            </button>
          ))}
        </div>
      </div>
      <div
        id={`${id}-write`}
        role="tabpanel"
        aria-labelledby={`${id}-write-tab`}
        hidden={tab !== 'write'}
      >
        <textarea
          id={`${id}-text`}
          className="input textarea textarea-tall"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          rows={10}
          dir="auto"
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('coordination.form.markdownHint')}
        </p>
      </div>
      <div
        id={`${id}-preview`}
        role="tabpanel"
        aria-labelledby={`${id}-preview-tab`}
        hidden={tab !== 'preview'}
        className="narrative-preview"
      >
        {value.trim() ? (
          <Markdown text={value} dir="auto" data-testid={testId} />
        ) : (
          <p className="cell-muted">{t('coordination.form.nothingToPreview')}</p>
        )}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
