/**
 * The repeating parts of a movement request: waypoints (a place search adds
 * one), vehicles, and passengers by nationality. Each row has labelled
 * controls and a remove button that names the row for screen readers.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../../components/Field';
import { currentLocale } from '../../i18n';
import { countryOptions } from '../../lib/countries';
import { PlaceSearch } from '../incidents/PlaceSearch';
import type { CountRow } from '../sites/peopleRows';
import type { VehicleDraft, WaypointDraft } from './movementDraft';

function RowList<Row>({
  legend,
  rows,
  onChange,
  blank,
  addLabel,
  removeLabel,
  empty,
  renderRow,
  before,
  error,
}: {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  blank: () => Row;
  addLabel: string;
  removeLabel: (number: number) => string;
  empty: string;
  renderRow: (row: Row, index: number, set: (change: Partial<Row>) => void) => ReactNode;
  before?: ReactNode;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={error ? 'form-section field-invalid' : 'form-section'}>
      <legend>{legend}</legend>
      {before}
      {rows.length === 0 ? <p className="cell-muted">{empty}</p> : null}
      <ol className="prot-rows">
        {rows.map((row, index) => (
          <li key={index} className="prot-row">
            {renderRow(row, index, (change) =>
              onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r))),
            )}
            <button
              type="button"
              className="button button-link"
              aria-label={removeLabel(index + 1)}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {t('movements.form.remove')}
            </button>
          </li>
        ))}
      </ol>
      <FieldError message={error} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...rows, blank()])}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}

export function WaypointRows({
  rows,
  onChange,
  errorOf,
}: {
  rows: WaypointDraft[];
  onChange: (rows: WaypointDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      legend={t('movements.fields.waypoints')}
      rows={rows}
      onChange={onChange}
      blank={() => ({ name: '', lat: '', lon: '' })}
      addLabel={t('movements.form.addWaypoint')}
      removeLabel={(number) => t('movements.form.removeWaypoint', { number })}
      empty={t('movements.form.noWaypoints')}
      before={
        <PlaceSearch
          onPick={(place) =>
            onChange([
              ...rows,
              { name: place.name, lat: String(place.lat), lon: String(place.lon) },
            ])
          }
        />
      }
      renderRow={(row, index, set) => (
        <div className="form-row form-row-3">
          <TextField
            label={t('movements.form.waypointName', { number: index + 1 })}
            value={row.name}
            onValueChange={(name) => set({ name })}
            dir="auto"
          />
          <TextField
            label={t('movements.form.lat')}
            inputMode="decimal"
            value={row.lat}
            onValueChange={(lat) => set({ lat })}
            error={errorOf(`waypoints.${index}.lat`)}
            dir="ltr"
          />
          <TextField
            label={t('movements.form.lon')}
            inputMode="decimal"
            value={row.lon}
            onValueChange={(lon) => set({ lon })}
            error={errorOf(`waypoints.${index}.lon`)}
            dir="ltr"
          />
        </div>
      )}
    />
  );
}

export function VehicleRows({
  rows,
  onChange,
  errorOf,
}: {
  rows: VehicleDraft[];
  onChange: (rows: VehicleDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      legend={t('movements.fields.vehicles')}
      rows={rows}
      onChange={onChange}
      blank={() => ({ kind: '', registration: '', seats: '' })}
      addLabel={t('movements.form.addVehicle')}
      removeLabel={(number) => t('movements.form.removeVehicle', { number })}
      empty={t('movements.form.noVehicles')}
      renderRow={(row, index, set) => (
        <div className="form-row form-row-3">
          <TextField
            label={t('movements.form.vehicleKind', { number: index + 1 })}
            value={row.kind}
            onValueChange={(kind) => set({ kind })}
            error={errorOf(`vehicles.${index}.kind`)}
            placeholder={t('movements.form.vehicleKindPlaceholder')}
            dir="auto"
          />
          <TextField
            label={t('movements.form.registration')}
            value={row.registration}
            onValueChange={(registration) => set({ registration })}
            dir="ltr"
          />
          <TextField
            label={t('movements.form.seats')}
            type="number"
            min={1}
            max={100}
            value={row.seats}
            onValueChange={(seats) => set({ seats })}
            error={errorOf(`vehicles.${index}.seats`)}
          />
        </div>
      )}
    />
  );
}

export function PassengerRows({
  rows,
  onChange,
  error,
}: {
  rows: CountRow[];
  onChange: (rows: CountRow[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  return (
    <RowList
      legend={t('movements.fields.passengers')}
      rows={rows}
      onChange={onChange}
      blank={() => ({ nationality: 'CN', count: '1' })}
      addLabel={t('movements.form.addPassengers')}
      removeLabel={(number) => t('movements.form.removePassengers', { number })}
      empty={t('movements.form.noPassengers')}
      error={error}
      renderRow={(row, index, set) => (
        <div className="form-row form-row-2">
          <label className="field">
            <span className="field-label">
              {t('movements.form.nationality', { number: index + 1 })}
            </span>
            <select
              className="input select"
              value={row.nationality}
              onChange={(event) => set({ nationality: event.target.value })}
            >
              {countries.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('movements.form.count')}
            type="number"
            min={1}
            value={row.count}
            onValueChange={(count) => set({ count })}
          />
        </div>
      )}
    />
  );
}
