/** The narrative in Markdown: a text area, and a tab showing it as it will be read. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { FieldError } from '../../components/Field';
import { Markdown } from '../../components/Markdown';

export function NarrativeEditor({
  value,
  onChange,
  language,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  language: Locale;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const dir = language === 'ur' ? 'rtl' : 'ltr';
  const tabs = [
    { key: 'write', label: t('intel.form.write') },
    { key: 'preview', label: t('intel.form.preview') },
  ] as const;
  return (
    <div className={error ? 'field narrative-editor field-invalid' : 'field narrative-editor'}>
      <div className="narrative-editor-head">
        <label htmlFor={`${id}-text`} className="field-label">
          {t('intel.fields.narrative')}
        </label>
        <div role="tablist" className="mini-tabs" aria-label={t('intel.form.narrativeView')}>
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
          lang={language}
          dir={dir}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('intel.form.markdownHint')}
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
          <Markdown text={value} lang={language} dir={dir} data-testid="narrative-preview" />
        ) : (
          <p className="cell-muted">{t('intel.form.nothingToPreview')}</p>
        )}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
