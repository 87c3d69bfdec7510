/** Repeating parts of the incident form: casualties by nationality and sources. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, SelectField, TextField } from '../../components/Field';
import { Icon } from '../../components/icons';
import { currentLocale } from '../../i18n';
import { countryOptions } from '../../lib/countries';
import type { CasualtyDraft, SourceDraft } from './incidentDraft';

type ErrorOf = (path: string) => string | undefined;

export function CasualtyEditor({
  kind,
  value,
  onChange,
  errorOf,
}: {
  kind: 'fatalities' | 'injured';
  value: CasualtyDraft;
  onChange: (value: CasualtyDraft) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const label = t(`incidents.fields.${kind}`);
  const rows = value.byNationality;
  const setRow = (index: number, changes: Partial<CasualtyDraft['byNationality'][number]>) =>
    onChange({
      ...value,
      byNationality: rows.map((row, i) => (i === index ? { ...row, ...changes } : row)),
    });
  return (
    <div className="casualty-editor" data-testid={`casualties-${kind}`}>
      <TextField
        label={label}
        inputMode="numeric"
        value={value.total}
        onValueChange={(total) => onChange({ ...value, total })}
        error={errorOf(`${kind}.total`)}
        hint={t('incidents.form.totalHint')}
        className="input input-number"
      />
      <fieldset className="nationality-rows">
        <legend className="field-label">
          {t('incidents.form.byNationality', { what: label })}
        </legend>
        {rows.map((row, index) => (
          <div key={index} className="repeat-row">
            <SelectField
              label={t('incidents.fields.nationality')}
              value={row.country}
              onValueChange={(country) => setRow(index, { country })}
              options={countries}
              placeholder={t('common.choose')}
              error={errorOf(`${kind}.byNationality.${index}.country`)}
            />
            <TextField
              label={t('incidents.form.count')}
              inputMode="numeric"
              value={row.count}
              onValueChange={(count) => setRow(index, { count })}
              error={errorOf(`${kind}.byNationality.${index}.count`)}
              className="input input-number"
            />
            <button
              type="button"
              className="icon-button repeat-remove"
              aria-label={t('incidents.form.removeRow', { number: index + 1 })}
              onClick={() =>
                onChange({ ...value, byNationality: rows.filter((_, i) => i !== index) })
              }
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
        <FieldError message={errorOf(`${kind}.byNationality`)} />
        <button
          type="button"
          className="button button-link"
          onClick={() =>
            onChange({ ...value, byNationality: [...rows, { country: '', count: '' }] })
          }
        >
          <Icon name="plus" />
          {t('incidents.form.addNationality')}
        </button>
      </fieldset>
    </div>
  );
}

export function SourcesEditor({
  value,
  onChange,
  errorOf,
}: {
  value: SourceDraft[];
  onChange: (value: SourceDraft[]) => void;
  errorOf: ErrorOf;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, changes: Partial<SourceDraft>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  return (
    <div className="sources-editor">
      {value.length === 0 ? <p className="cell-muted">{t('incidents.form.noSources')}</p> : null}
      {value.map((source, index) => (
        <div key={index} className="repeat-row repeat-row-source">
          <TextField
            label={t('incidents.form.sourceName')}
            value={source.name}
            onValueChange={(name) => setRow(index, { name })}
            error={errorOf(`sources.${index}.name`)}
          />
          <TextField
            label={t('incidents.form.sourceUrl')}
            type="url"
            dir="ltr"
            value={source.url}
            onValueChange={(url) => setRow(index, { url })}
            error={errorOf(`sources.${index}.url`)}
          />
          <TextField
            label={t('incidents.form.sourceDate')}
            type="date"
            value={source.date}
            onValueChange={(date) => setRow(index, { date })}
            error={errorOf(`sources.${index}.date`)}
          />
          <button
            type="button"
            className="icon-button repeat-remove"
            aria-label={t('incidents.form.removeSource', { number: index + 1 })}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-link"
        onClick={() => onChange([...value, { name: '', url: '', date: '' }])}
      >
        <Icon name="plus" />
        {t('incidents.form.addSource')}
      </button>
    </div>
  );
}
