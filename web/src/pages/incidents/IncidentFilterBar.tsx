/** The filters above the incident list; every change is applied at once. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentFilters } from '../../api/incidents';
import type { Organisation } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { SearchBox } from '../../components/SearchBox';
import { useApplySearch } from '../../lib/useApplySearch';
import { currentLocale } from '../../i18n';
import { EVENT_TYPES, subEventTypesOf } from '../../lib/acled';
import { countryOptions } from '../../lib/countries';
import { hasFilters } from '../../lib/incidentFilters';
import { TLP_MARKINGS } from '../../lib/tlp';

interface Props {
  filters: IncidentFilters;
  onChange: (filters: IncidentFilters) => void;
  organisations: readonly Organisation[];
}

export function IncidentFilterBar({ filters, onChange, organisations }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const all = { value: '', label: t('incidents.filters.all') };
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const set = (changes: Partial<IncidentFilters>) => onChange({ ...filters, ...changes });
  const orUndefined = (value: string) => (value === '' ? undefined : value);
  const onSearch = useApplySearch(filters, onChange);

  return (
    <form
      className="filter-bar"
      aria-label={t('incidents.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="incident-filters"
    >
      <SearchBox
        showLabel
        value={filters.q ?? ''}
        onSearch={onSearch}
        label={t('incidents.filters.q')}
        placeholder={t('incidents.filters.qPlaceholder')}
      />
      <TextField
        label={t('incidents.filters.from')}
        type="date"
        value={filters.from ?? ''}
        max={filters.to}
        onValueChange={(value) => set({ from: orUndefined(value) })}
      />
      <TextField
        label={t('incidents.filters.to')}
        type="date"
        value={filters.to ?? ''}
        min={filters.from}
        onValueChange={(value) => set({ to: orUndefined(value) })}
      />
      <SelectField
        label={t('incidents.fields.eventType')}
        value={filters.eventType ?? ''}
        onValueChange={(value) => set({ eventType: orUndefined(value), subEventType: undefined })}
        options={[
          all,
          ...EVENT_TYPES.map((type) => ({ value: type, label: t(`acled.eventTypes.${type}`) })),
        ]}
      />
      <SelectField
        label={t('incidents.fields.subEventType')}
        value={filters.subEventType ?? ''}
        onValueChange={(value) => set({ subEventType: orUndefined(value) })}
        disabled={!filters.eventType}
        options={[
          all,
          ...subEventTypesOf(filters.eventType ?? '').map((sub) => ({
            value: sub,
            label: t(`acled.subEventTypes.${sub}`),
          })),
        ]}
      />
      <SelectField
        label={t('incidents.fields.country')}
        value={filters.country ?? ''}
        onValueChange={(value) => set({ country: orUndefined(value) })}
        options={[all, ...countries]}
      />
      <SelectField
        label={t('incidents.fields.organisation')}
        value={filters.orgId ?? ''}
        onValueChange={(value) => set({ orgId: orUndefined(value) })}
        options={[all, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <SelectField
        label={t('incidents.fields.marking')}
        value={filters.marking ?? ''}
        onValueChange={(value) => set({ marking: orUndefined(value) })}
        options={[all, ...TLP_MARKINGS.map((marking) => ({ value: marking, label: marking }))]}
      />
      <div className="filter-bar-end">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={filters.includeRevoked ?? false}
            onChange={(event) => set({ includeRevoked: event.target.checked || undefined })}
          />
          {t('incidents.filters.includeRevoked')}
        </label>
        <button
          type="button"
          className="button button-link"
          onClick={() => onChange({})}
          disabled={!hasFilters(filters)}
        >
          {t('incidents.filters.clear')}
        </button>
      </div>
    </form>
  );
}
