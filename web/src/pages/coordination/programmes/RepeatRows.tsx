/**
 * A list of rows the user adds to and removes from (milestones, items,
 * courses, visits …), in a fieldset that names it. Each row's fields are
 * the caller's; the remove button names the row by its number.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/Field';
import { Icon } from '../../../components/icons';

export function RepeatRows<Row>({
  legend,
  rows,
  onChange,
  blank,
  addLabel,
  error,
  className,
  children,
}: {
  legend: string;
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  blank: () => Row;
  addLabel: string;
  error?: string | undefined;
  /** The row's grid (which columns its fields take). */
  className: string;
  children: (row: Row, set: (changes: Partial<Row>) => void, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const setRow = (index: number, changes: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  return (
    <fieldset className="form-section repeat-rows">
      <legend>{legend}</legend>
      {rows.length === 0 ? <p className="cell-muted">{t('coordination.form.noRows')}</p> : null}
      {rows.map((row, index) => (
        <div key={index} className={`repeat-row ${className}`}>
          {children(row, (changes) => setRow(index, changes), index)}
          <button
            type="button"
            className="icon-button repeat-remove"
            aria-label={t('coordination.form.removeRow', { what: legend, number: index + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <Icon name="close" />
          </button>
        </div>
      ))}
      <FieldError message={error} />
      <button
        type="button"
        className="button button-link repeat-add"
        onClick={() => onChange([...rows, blank()])}
      >
        <Icon name="plus" />
        {addLabel}
      </button>
    </fieldset>
  );
}
