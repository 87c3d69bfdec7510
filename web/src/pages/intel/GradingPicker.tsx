/**
 * The Admiralty grading as two independent choices, each option with what it
 * means: how reliable the source is (A–F) and how credible this information
 * is (1–6). A reliable source can pass on an improbable report (A5), and an
 * unknown one a confirmed fact (F1): neither choice limits the other.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  type InformationCredibility,
  type SourceReliability,
} from '../../api/intel';
import { FieldError } from '../../components/Field';

function Scale<T extends string | number>({
  legend,
  hint,
  values,
  value,
  onChange,
  describe,
  error,
}: {
  legend: string;
  hint: string;
  values: readonly T[];
  value: T | '' | 0;
  onChange: (value: T) => void;
  describe: (value: T) => { name: string; explanation: string };
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'field grading-scale field-invalid' : 'field grading-scale'}
      aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
      <legend className="field-label">{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="grading-options">
        {values.map((option) => {
          const { name, explanation } = describe(option);
          return (
            <label
              key={option}
              className={
                option === value ? 'grading-option grading-option-selected' : 'grading-option'
              }
            >
              <input
                type="radio"
                name={`${id}-grade`}
                value={String(option)}
                checked={option === value}
                onChange={() => onChange(option)}
                // Named by its code and name; the explanation describes it.
                aria-labelledby={`${id}-${option}-code ${id}-${option}-name`}
                aria-describedby={`${id}-${option}-explanation`}
                aria-invalid={error ? true : undefined}
              />
              <span id={`${id}-${option}-code`} className="grade-code" dir="ltr">
                {option}
              </span>
              <span>
                <span id={`${id}-${option}-name`} className="grading-name">
                  {name}
                </span>
                <span id={`${id}-${option}-explanation`} className="checkbox-description">
                  {explanation}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function GradingPicker({
  reliability,
  credibility,
  onReliability,
  onCredibility,
  errorOf,
}: {
  reliability: SourceReliability | '';
  credibility: InformationCredibility | 0;
  onReliability: (value: SourceReliability) => void;
  onCredibility: (value: InformationCredibility) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="grading-picker">
      <p className="grading-summary" aria-live="polite">
        {t('intel.grading.summary')}{' '}
        <span className="grade-code grade-code-large" dir="ltr" data-testid="grade-preview">
          {reliability || '?'}
          {credibility || '?'}
        </span>
      </p>
      <div className="form-row form-row-2">
        <Scale
          legend={t('intel.grading.reliabilityLabel')}
          hint={t('intel.grading.reliabilityHint')}
          values={SOURCE_RELIABILITY}
          value={reliability}
          onChange={onReliability}
          describe={(value) => ({
            name: t(`intel.grading.reliability.${value}.name`),
            explanation: t(`intel.grading.reliability.${value}.explanation`),
          })}
          error={errorOf('sourceReliability')}
        />
        <Scale
          legend={t('intel.grading.credibilityLabel')}
          hint={t('intel.grading.credibilityHint')}
          values={INFORMATION_CREDIBILITY}
          value={credibility}
          onChange={onCredibility}
          describe={(value) => ({
            name: t(`intel.grading.credibility.${value}.name`),
            explanation: t(`intel.grading.credibility.${value}.explanation`),
          })}
          error={errorOf('informationCredibility')}
        />
      </div>
    </div>
  );
}
