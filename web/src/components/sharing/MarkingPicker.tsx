/** The TLP 2.0 marking as five labelled choices, with what the chosen one means. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TLP_MARKINGS, type TlpMarking } from '../../lib/tlp';
import { FieldError } from '../Field';
import { MarkingBadge } from '../MarkingBadge';

export function MarkingPicker({
  value,
  onChange,
  error,
}: {
  value: TlpMarking;
  onChange: (marking: TlpMarking) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className={error ? 'field marking-picker field-invalid' : 'field marking-picker'}
      aria-describedby={error ? `${id}-explanation ${id}-error` : `${id}-explanation`}
    >
      <legend className="field-label">{t('sharing.marking')}</legend>
      <div className="marking-options">
        {TLP_MARKINGS.map((option) => (
          <label
            key={option}
            className={
              option === value ? 'marking-option marking-option-selected' : 'marking-option'
            }
          >
            <input
              type="radio"
              name={`${id}-marking`}
              value={option}
              checked={option === value}
              onChange={() => onChange(option)}
            />
            <MarkingBadge marking={option} />
          </label>
        ))}
      </div>
      <p id={`${id}-explanation`} className="field-hint">
        {t(`sharing.markings.${value}`)}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
