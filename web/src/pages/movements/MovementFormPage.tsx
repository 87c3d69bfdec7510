/**
 * A movement request, new or corrected while it is a draft or returned: the
 * ends (a site or a place), waypoints, planned times, vehicles, passengers
 * by nationality, the corridor and check-in interval, and sharing. The map
 * previews the route and corridor as they are typed. Saving keeps a draft;
 * submitting is a separate step on the movement's page.
 */
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createMovement, getMovement, updateMovement } from '../../api/movements';
import { useSession } from '../../app/session';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useEditDraft } from '../../lib/useEditDraft';
import { movementFeatures } from '../sites/geoFeatures';
import { ProtectionMap } from '../sites/ProtectionMap';
import { useDraftForm } from '../sites/useDraftForm';
import { EndpointPicker, useSiteChoices, type SiteChoices } from './EndpointPicker';
import {
  blankMovement,
  checkMovement,
  draftFromMovement,
  movementInput,
  type EndpointDraft,
  type MovementDraft,
  type MovementProblem,
} from './movementDraft';
import { PassengerRows, VehicleRows, WaypointRows } from './MovementFormRows';
import { canRequestMovements } from './permissions';

export default function MovementFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useEditDraft(id, {
    load: getMovement,
    mayEdit: (_user, movement) => movement.allowedActions.includes('edit'),
    toDraft: draftFromMovement,
    blank: () => blankMovement(new Date()),
  });
  const back = id ? `/movements/${id}` : '/movements';
  return (
    <RecordFormPage
      className="page page-movement-form"
      title={id ? t('movements.form.editTitle') : t('movements.form.newTitle')}
      description={t('movements.form.description')}
      back={{
        to: back,
        label: id ? t('movements.form.backToMovement') : t('movements.backToList'),
      }}
      mayWrite={canRequestMovements(user)}
      notAllowed={t('movements.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <MovementForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function endpointPoint(endpoint: EndpointDraft, sites: SiteChoices) {
  if (endpoint.mode === 'site') {
    const site = sites.sites.find((s) => s.id === endpoint.siteId);
    return site ? { name: site.name, ...site.centre } : null;
  }
  const lat = Number(endpoint.lat);
  const lon = Number(endpoint.lon);
  return endpoint.lat.trim() && endpoint.lon.trim() && Number.isFinite(lat) && Number.isFinite(lon)
    ? { name: endpoint.name, lat, lon }
    : null;
}

/** The preview's shapes, or null until both ends are known. */
function previewOf(draft: MovementDraft, sites: SiteChoices) {
  const origin = endpointPoint(draft.origin, sites);
  const destination = endpointPoint(draft.destination, sites);
  if (!origin || !destination) return null;
  const waypoints = draft.waypoints
    .filter((w) => w.lat.trim() !== '' && w.lon.trim() !== '')
    .map((w) => ({ name: w.name, lat: Number(w.lat), lon: Number(w.lon) }))
    .filter((w) => Number.isFinite(w.lat) && Number.isFinite(w.lon));
  return { route: { coordinates: [] }, origin, destination, waypoints };
}

function MovementForm({
  initial,
  id,
  cancelTo,
}: {
  initial: MovementDraft;
  id?: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const sites = useSiteChoices();
  const { draft, set, errorOf, submission, submit } = useDraftForm(
    initial,
    checkMovement,
    (problem: MovementProblem) => t(`movements.problems.${problem}`),
    t('movements.form.fixFields'),
  );
  const previewKey = JSON.stringify(previewOf(draft, sites));
  const features = useMemo(() => {
    const preview = JSON.parse(previewKey) as ReturnType<typeof previewOf>;
    return preview
      ? movementFeatures(preview)
      : { type: 'FeatureCollection' as const, features: [] };
  }, [previewKey]);
  const corridor = Number(draft.corridorKm);

  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = movementInput(current);
      const saved = id ? await updateMovement(id, input) : await createMovement(input);
      return `/movements/${saved.id}`;
    });

  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('movements.form.label')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('movements.form.request')}</legend>
        <TextField
          label={t('movements.fields.title')}
          value={draft.title}
          onValueChange={(title) => set({ title })}
          error={errorOf('title')}
          hint={t('movements.form.titleHint')}
          dir="auto"
          required
        />
        <div className="form-row form-row-2">
          <TextField
            label={t('movements.fields.departure')}
            type="datetime-local"
            value={draft.departure}
            onValueChange={(departure) => set({ departure })}
            error={errorOf('plannedDeparture')}
          />
          <TextField
            label={t('movements.fields.arrival')}
            type="datetime-local"
            value={draft.arrival}
            min={draft.departure}
            onValueChange={(arrival) => set({ arrival })}
            error={errorOf('plannedArrival')}
            hint={t('movements.form.arrivalHint')}
          />
        </div>
      </fieldset>

      <div className="movement-route-layout">
        <div>
          <EndpointPicker
            legend={t('movements.fields.origin')}
            path="origin"
            value={draft.origin}
            onChange={(origin) => set({ origin })}
            sites={sites}
            errorOf={errorOf}
          />
          <EndpointPicker
            legend={t('movements.fields.destination')}
            path="destination"
            value={draft.destination}
            onChange={(destination) => set({ destination })}
            sites={sites}
            errorOf={errorOf}
          />
          <WaypointRows
            rows={draft.waypoints}
            onChange={(waypoints) => set({ waypoints })}
            errorOf={errorOf}
          />
        </div>
        <div className="movement-route-preview">
          <ProtectionMap
            features={features}
            bufferKm={Number.isFinite(corridor) ? corridor : 0}
            testId="movement-form-map"
            label={t('movements.form.mapLabel')}
          />
          <div className="form-row form-row-2">
            <TextField
              label={t('movements.fields.corridorKm')}
              type="number"
              min={1}
              max={50}
              value={draft.corridorKm}
              onValueChange={(corridorKm) => set({ corridorKm })}
              error={errorOf('corridorKm')}
              hint={t('movements.form.corridorHint')}
            />
            <TextField
              label={t('movements.fields.checkinInterval')}
              type="number"
              min={5}
              max={240}
              value={draft.checkinIntervalMinutes}
              onValueChange={(checkinIntervalMinutes) => set({ checkinIntervalMinutes })}
              error={errorOf('checkinIntervalMinutes')}
              hint={t('movements.form.intervalHint')}
            />
          </div>
        </div>
      </div>

      <VehicleRows
        rows={draft.vehicles}
        onChange={(vehicles) => set({ vehicles })}
        errorOf={errorOf}
      />
      <PassengerRows
        rows={draft.passengers}
        onChange={(passengers) => set({ passengers })}
        error={errorOf('passengers')}
      />
      <fieldset className="form-section">
        <legend>{t('movements.fields.notes')}</legend>
        <TextAreaField
          label={t('movements.fields.notes')}
          value={draft.notes}
          onValueChange={(notes) => set({ notes })}
          error={errorOf('notes')}
          rows={3}
          dir="auto"
        />
      </fieldset>
      <SharingSection
        legend={t('movements.form.sharing')}
        record={draft}
        onChange={(sharing) => set(sharing)}
        errorOf={errorOf}
        recordId={id}
      />
      <FormActions cancelTo={cancelTo}>
        <SaveButton
          label={id ? t('movements.form.saveChanges') : t('movements.form.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
