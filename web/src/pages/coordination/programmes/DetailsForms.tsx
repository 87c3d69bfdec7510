/**
 * The part of the programme form that depends on its kind: what equipment
 * goes to which unit, which courses with whom, which visits and postings,
 * which crossings, patrols and procedures. Fields report problems at the
 * API's paths (`details.items.0.quantity` …).
 */
import { useTranslation } from 'react-i18next';
import type { ProgrammeKind } from '../../../api/programmes';
import { TextField } from '../../../components/Field';
import { useDetailLabels, type DetailsProps } from './detailsFormParts';
import { ExchangeForm, TrainingForm } from './PeopleDetailsForms';
import type { DetailsDrafts } from './programmeDraft';
import { RepeatRows } from './RepeatRows';

export function DetailsForm({
  kind,
  details,
  onChange,
  errorOf,
  organisations,
}: {
  kind: ProgrammeKind;
  details: DetailsDrafts;
  onChange: (details: DetailsDrafts) => void;
  errorOf: (path: string) => string | undefined;
  organisations: readonly { value: string; label: string }[];
}) {
  const common = { errorOf, organisations };
  switch (kind) {
    case 'equipment_transfer':
      return (
        <EquipmentForm
          value={details.equipment_transfer}
          onChange={(value) => onChange({ ...details, equipment_transfer: value })}
          {...common}
        />
      );
    case 'training':
      return (
        <TrainingForm
          value={details.training}
          onChange={(value) => onChange({ ...details, training: value })}
          {...common}
        />
      );
    case 'exchange':
      return (
        <ExchangeForm
          value={details.exchange}
          onChange={(value) => onChange({ ...details, exchange: value })}
          {...common}
        />
      );
    case 'border_cooperation':
      return (
        <BorderForm
          value={details.border_cooperation}
          onChange={(value) => onChange({ ...details, border_cooperation: value })}
          {...common}
        />
      );
  }
}

function EquipmentForm({ value, onChange, errorOf }: DetailsProps<'equipment_transfer'>) {
  const { t } = useTranslation();
  const f = useDetailLabels();
  return (
    <>
      <TextField
        label={f('receivingUnit')}
        value={value.receivingUnit}
        onValueChange={(receivingUnit) => onChange({ ...value, receivingUnit })}
        error={errorOf('details.receivingUnit')}
        dir="auto"
        required
      />
      <RepeatRows
        legend={f('items')}
        rows={value.items}
        onChange={(items) => onChange({ ...value, items })}
        blank={() => ({ name: '', quantity: '', unit: '' })}
        addLabel={t('coordination.programmes.details.addItem')}
        error={errorOf('details.items')}
        className="repeat-row-3"
      >
        {(item, set, i) => (
          <>
            <TextField
              label={f('itemName')}
              value={item.name}
              onValueChange={(name) => set({ name })}
              error={errorOf(`details.items.${i}.name`)}
              dir="auto"
            />
            <TextField
              label={f('quantity')}
              inputMode="numeric"
              value={item.quantity}
              onValueChange={(quantity) => set({ quantity })}
              error={errorOf(`details.items.${i}.quantity`)}
            />
            <TextField
              label={f('unit')}
              value={item.unit}
              onValueChange={(unit) => set({ unit })}
              error={errorOf(`details.items.${i}.unit`)}
              dir="auto"
            />
          </>
        )}
      </RepeatRows>
    </>
  );
}

function BorderForm({ value, onChange, errorOf }: DetailsProps<'border_cooperation'>) {
  const { t } = useTranslation();
  const f = useDetailLabels();
  return (
    <>
      <RepeatRows
        legend={f('crossings')}
        rows={value.crossings.map((name) => ({ name }))}
        onChange={(rows) => onChange({ ...value, crossings: rows.map((row) => row.name) })}
        blank={() => ({ name: '' })}
        addLabel={t('coordination.programmes.details.addCrossing')}
        className="repeat-row-1"
      >
        {(row, set, i) => (
          <TextField
            label={f('crossing')}
            value={row.name}
            onValueChange={(name) => set({ name })}
            error={errorOf(`details.crossings.${i}`)}
            dir="auto"
          />
        )}
      </RepeatRows>
      <RepeatRows
        legend={f('jointPatrols')}
        rows={value.jointPatrols}
        onChange={(jointPatrols) => onChange({ ...value, jointPatrols })}
        blank={() => ({ date: '', area: '' })}
        addLabel={t('coordination.programmes.details.addPatrol')}
        className="repeat-row-2"
      >
        {(patrol, set, i) => (
          <>
            <TextField
              label={f('date')}
              type="date"
              value={patrol.date}
              onValueChange={(date) => set({ date })}
              error={errorOf(`details.jointPatrols.${i}.date`)}
            />
            <TextField
              label={f('area')}
              value={patrol.area}
              onValueChange={(area) => set({ area })}
              error={errorOf(`details.jointPatrols.${i}.area`)}
              dir="auto"
            />
          </>
        )}
      </RepeatRows>
      <RepeatRows
        legend={f('procedures')}
        rows={value.procedures}
        onChange={(procedures) => onChange({ ...value, procedures })}
        blank={() => ({ title: '', agreedOn: '' })}
        addLabel={t('coordination.programmes.details.addProcedure')}
        className="repeat-row-2"
      >
        {(procedure, set, i) => (
          <>
            <TextField
              label={f('procedure')}
              value={procedure.title}
              onValueChange={(title) => set({ title })}
              error={errorOf(`details.procedures.${i}.title`)}
              dir="auto"
            />
            <TextField
              label={f('agreedOn')}
              type="date"
              value={procedure.agreedOn}
              onValueChange={(agreedOn) => set({ agreedOn })}
              error={errorOf(`details.procedures.${i}.agreedOn`)}
              hint={t('coordination.form.optional')}
            />
          </>
        )}
      </RepeatRows>
    </>
  );
}
