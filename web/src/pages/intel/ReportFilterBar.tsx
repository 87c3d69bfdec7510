/** The filters above the threat report list; every change is applied at once (the search after a pause). */
import { useTranslation } from 'react-i18next';
import {
  INFORMATION_CREDIBILITY,
  REPORT_STATUSES,
  SOURCE_RELIABILITY,
  TARGET_TYPES,
  type ReportFilters,
  type ReportStatus,
  type TargetType,
} from '../../api/intel';
import type { Organisation } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { SearchBox } from '../../components/SearchBox';
import { useApplySearch } from '../../lib/useApplySearch';
import { TLP_MARKINGS, isTlpMarking } from '../../lib/tlp';
import { hasFilters } from './reportFilters';

interface Props {
  filters: ReportFilters;
  onChange: (filters: ReportFilters) => void;
  organisations: readonly Organisation[];
}

/** A set of small toggle buttons for a multi-valued filter (reliability A–F, credibility 1–6). */
function Toggles<T extends string | number>({
  legend,
  values,
  selected,
  describe,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  selected: readonly T[] | undefined;
  describe: (value: T) => string;
  onChange: (selected: T[] | undefined) => void;
}) {
  const chosen = selected ?? [];
  const toggle = (value: T) => {
    const next = chosen.includes(value)
      ? chosen.filter((item) => item !== value)
      : values.filter((item) => item === value || chosen.includes(item));
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="field toggle-filter">
      <legend className="field-label">{legend}</legend>
      <div className="toggle-row" dir="ltr">
        {values.map((value) => (
          <button
            key={value}
            type="button"
            className={chosen.includes(value) ? 'toggle toggle-on' : 'toggle'}
            aria-pressed={chosen.includes(value)}
            title={describe(value)}
            aria-label={`${value}: ${describe(value)}`}
            onClick={() => toggle(value)}
          >
            {value}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function ReportFilterBar({ filters, onChange, organisations }: Props) {
  const { t } = useTranslation();
  const all = { value: '', label: t('intel.filters.all') };
  const set = (changes: Partial<ReportFilters>) => onChange({ ...filters, ...changes });
  const orUndefined = (value: string) => (value === '' ? undefined : value);
  const onSearch = useApplySearch(filters, onChange);

  return (
    <form
      className="filter-bar report-filter-bar"
      aria-label={t('intel.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="report-filters"
    >
      <SearchBox
        showLabel
        value={filters.q ?? ''}
        onSearch={onSearch}
        label={t('intel.filters.q')}
        placeholder={t('intel.filters.qPlaceholder')}
      />
      <SelectField
        label={t('intel.fields.status')}
        value={filters.status ?? ''}
        onValueChange={(value) => set({ status: orUndefined(value) as ReportStatus | undefined })}
        options={[
          { value: '', label: t('intel.filters.current') },
          ...REPORT_STATUSES.map((status) => ({
            value: status,
            label: t(`intel.status.${status}`),
          })),
        ]}
      />
      <TextField
        label={t('intel.filters.validFrom')}
        type="date"
        value={filters.from ?? ''}
        max={filters.to}
        onValueChange={(value) => set({ from: orUndefined(value) })}
      />
      <TextField
        label={t('intel.filters.validTo')}
        type="date"
        value={filters.to ?? ''}
        min={filters.from}
        onValueChange={(value) => set({ to: orUndefined(value) })}
      />
      <SelectField
        label={t('intel.fields.targetType')}
        value={filters.targetType ?? ''}
        onValueChange={(value) => set({ targetType: orUndefined(value) as TargetType | undefined })}
        options={[
          all,
          ...TARGET_TYPES.map((type) => ({ value: type, label: t(`intel.targetTypes.${type}`) })),
        ]}
      />
      <SelectField
        label={t('intel.fields.organisation')}
        value={filters.orgId ?? ''}
        onValueChange={(value) => set({ orgId: orUndefined(value) })}
        options={[all, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <SelectField
        label={t('intel.fields.marking')}
        value={filters.marking ?? ''}
        onValueChange={(value) => set({ marking: isTlpMarking(value) ? value : undefined })}
        options={[all, ...TLP_MARKINGS.map((marking) => ({ value: marking, label: marking }))]}
      />
      <Toggles
        legend={t('intel.grading.reliabilityLabel')}
        values={SOURCE_RELIABILITY}
        selected={filters.sourceReliability}
        describe={(value) => t(`intel.grading.reliability.${value}.name`)}
        onChange={(sourceReliability) => set({ sourceReliability })}
      />
      <Toggles
        legend={t('intel.grading.credibilityLabel')}
        values={INFORMATION_CREDIBILITY}
        selected={filters.informationCredibility}
        describe={(value) => t(`intel.grading.credibility.${value}.name`)}
        onChange={(informationCredibility) => set({ informationCredibility })}
      />
      <div className="filter-bar-end">
        <button
          type="button"
          className="button button-link"
          onClick={() => onChange({})}
          disabled={!hasFilters(filters)}
        >
          {t('intel.filters.clear')}
        </button>
      </div>
    </form>
  );
}
