/** The filters above the action tracker; every change is applied at once. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus, TrackerFilters } from '../../api/coordination';
import type { Organisation } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { statusOptions } from './labels';
import { hasTrackerFilters } from './trackerFilters';
import type { WorkingGroupsState } from './useWorkingGroups';

export function TrackerFilterBar({
  filters,
  onChange,
  organisations,
  groups,
}: {
  filters: TrackerFilters;
  onChange: (filters: TrackerFilters) => void;
  organisations: readonly Organisation[];
  groups: WorkingGroupsState;
}) {
  const { t } = useTranslation();
  const id = useId();
  const all = { value: '', label: t('coordination.filters.all') };
  const set = (changes: Partial<TrackerFilters>) => onChange({ ...filters, ...changes });
  const orUndefined = (value: string) => (value === '' ? undefined : value);
  // A filter from the address shows as chosen even before (or without) its name.
  const withCurrent = (options: { value: string; label: string }[], value: string | undefined) =>
    value && !options.some((option) => option.value === value)
      ? [...options, { value, label: t('coordination.filters.chosen') }]
      : options;
  return (
    <form
      className="filter-bar tracker-filter-bar"
      aria-label={t('coordination.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="tracker-filters"
    >
      <SelectField
        label={t('coordination.fields.owner')}
        value={filters.ownerOrgId ?? ''}
        onValueChange={(value) => set({ ownerOrgId: orUndefined(value) })}
        options={withCurrent(
          [all, ...organisations.map((o) => ({ value: o.id, label: o.name }))],
          filters.ownerOrgId,
        )}
      />
      <SelectField
        label={t('coordination.fields.status')}
        value={filters.status ?? ''}
        onValueChange={(value) =>
          set({ status: orUndefined(value) as ActionItemStatus | undefined })
        }
        options={[all, ...statusOptions(t)]}
      />
      <TextField
        label={t('coordination.filters.dueBefore')}
        type="date"
        value={filters.dueBefore ?? ''}
        onValueChange={(value) => set({ dueBefore: orUndefined(value) })}
      />
      <SelectField
        label={t('coordination.fields.workingGroup')}
        value={filters.workingGroupId ?? ''}
        onValueChange={(value) => set({ workingGroupId: orUndefined(value) })}
        options={withCurrent(
          [all, ...groups.items.map((group) => ({ value: group.id, label: group.name }))],
          filters.workingGroupId,
        )}
      />
      <div className="filter-bar-end">
        <label className="inline-check" htmlFor={`${id}-overdue`}>
          <input
            id={`${id}-overdue`}
            type="checkbox"
            checked={filters.overdue === true}
            onChange={(event) => set({ overdue: event.target.checked ? true : undefined })}
          />
          {t('coordination.filters.overdueOnly')}
        </label>
        <button
          type="button"
          className="button button-link"
          onClick={() => onChange({})}
          disabled={!hasTrackerFilters(filters)}
        >
          {t('coordination.filters.clear')}
        </button>
      </div>
    </form>
  );
}
