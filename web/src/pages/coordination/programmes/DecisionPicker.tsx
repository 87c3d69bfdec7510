/** Picks the decision a new programme starts from, among those the writer may read (the first page of them). */
import { useTranslation } from 'react-i18next';
import { listDecisions } from '../../../api/coordination';
import { SelectField } from '../../../components/Field';
import { useLoaded } from '../../../lib/useLoaded';

const DECISION_CHOICES = 200;

/** The decisions a new programme may start from (those the writer may read). */
export function DecisionPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { loaded } = useLoaded('all', (_key, signal) =>
    listDecisions({ limit: DECISION_CHOICES, cursor: null }, signal),
  );
  const options =
    loaded.status === 'ready'
      ? loaded.value.items.map((d) => ({
          value: d.id,
          label: d.text.length > 90 ? `${d.text.slice(0, 90)}…` : d.text,
        }))
      : [];
  return (
    <SelectField
      label={t('coordination.programmes.decision')}
      value={value}
      onValueChange={onChange}
      options={options}
      placeholder={loaded.status === 'loading' ? t('common.loading') : t('common.choose')}
      error={error}
      hint={t('coordination.programmes.decisionHint')}
      required
    />
  );
}
