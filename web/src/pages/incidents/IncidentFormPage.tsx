/** Records a new incident or corrects one (a new version), with ACLED pickers and a map. */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createIncident, getIncident, updateIncident, type PlaceMatch } from '../../api/incidents';
import { LOCALES } from '../../api/types';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { currentLocale, LOCALE_NAMES } from '../../i18n';
import { EVENT_TYPES, INTER_CODES, PRECISIONS, subEventTypesOf } from '../../lib/acled';
import { countryOptions } from '../../lib/countries';
import { useEditDraft } from '../../lib/useEditDraft';
import { useFormSubmit, useProblemsUntilFixed } from '../../lib/useFormSubmit';
import { PointMap, type Point } from '../../map/PointMap';
import {
  checkDraft,
  draftFromIncident,
  emptyDraft,
  inputFromDraft,
  parseNumber,
  type IncidentDraft,
} from './incidentDraft';
import { CasualtyEditor, SourcesEditor } from './IncidentFormParts';
import { PlaceSearch } from './PlaceSearch';
import { canEditIncident, canWriteIncidents } from './permissions';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export default function IncidentFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useEditDraft(id, {
    load: getIncident,
    mayEdit: (editor, incident) => canEditIncident(editor, incident) && !incident.revoked,
    toDraft: draftFromIncident,
    blank: () => emptyDraft(currentLocale(), today()),
  });
  const back = id ? `/incidents/${id}` : '/incidents';

  return (
    <RecordFormPage
      className="page page-incident-form"
      title={id !== undefined ? t('incidents.form.editTitle') : t('incidents.form.newTitle')}
      description={t('incidents.form.description')}
      back={{
        to: back,
        label: id ? t('incidents.backToIncident') : t('incidents.backToList'),
      }}
      mayWrite={canWriteIncidents(user)}
      notAllowed={t('incidents.form.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <IncidentForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function IncidentForm({
  initial,
  id,
  cancelTo,
}: {
  initial: IncidentDraft;
  id: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [draft, setDraft] = useState(initial);
  const problems = useProblemsUntilFixed(draft, checkDraft);
  const submission = useFormSubmit();

  const set = (changes: Partial<IncidentDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));
  const errorOf = (path: string): string | undefined => {
    const local = problems.shown[path];
    if (local === 'required') return t('validation.required');
    if (local === 'number') return t('incidents.form.notANumber');
    if (local === 'count') return t('incidents.form.notACount');
    return submission.serverErrors[path];
  };

  const point: Point | null = useMemo(() => {
    const lat = parseNumber(draft.lat);
    const lon = parseNumber(draft.lon);
    return lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
      ? { lat, lon }
      : null;
  }, [draft.lat, draft.lon]);

  function pickPlace(place: PlaceMatch): void {
    set({
      placeName: place.name,
      country: place.country,
      lat: String(place.lat),
      lon: String(place.lon),
    });
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = checkDraft(draft);
    problems.setFound(found);
    submission.start();
    if (Object.keys(found).length > 0) {
      submission.refuse(t('incidents.form.fixFields'));
      return;
    }
    await submission.save(true, async () => {
      const input = inputFromDraft(draft);
      const saved = id ? await updateIncident(id, input) : await createIncident(input);
      navigate(`/incidents/${saved.id}`);
    });
  }

  const interOptions = INTER_CODES.map((code) => ({
    value: String(code),
    label: `${code} · ${t(`acled.inter.${code}`)}`,
  }));

  return (
    <form
      ref={submission.formRef}
      className="form incident-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={id ? t('incidents.form.editTitle') : t('incidents.form.newTitle')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}

      <fieldset className="form-section">
        <legend>{t('incidents.detail.event')}</legend>
        <div className="form-row form-row-4">
          <TextField
            label={t('incidents.fields.eventDate')}
            type="date"
            value={draft.eventDate}
            onValueChange={(eventDate) => set({ eventDate })}
            error={errorOf('eventDate')}
            required
          />
          <SelectField
            label={t('incidents.fields.timePrecision')}
            value={draft.timePrecision}
            onValueChange={(value) =>
              set({ timePrecision: value as IncidentDraft['timePrecision'] })
            }
            options={PRECISIONS.map((p) => ({
              value: String(p),
              label: t(`incidents.timePrecision.${p}`),
            }))}
            error={errorOf('timePrecision')}
          />
          <SelectField
            label={t('incidents.fields.eventType')}
            value={draft.eventType}
            onValueChange={(eventType) => set({ eventType, subEventType: '' })}
            options={EVENT_TYPES.map((type) => ({
              value: type,
              label: t(`acled.eventTypes.${type}`),
            }))}
            placeholder={t('common.choose')}
            error={errorOf('eventType')}
            required
          />
          <SelectField
            label={t('incidents.fields.subEventType')}
            value={draft.subEventType}
            onValueChange={(subEventType) => set({ subEventType })}
            options={subEventTypesOf(draft.eventType).map((sub) => ({
              value: sub,
              label: t(`acled.subEventTypes.${sub}`),
            }))}
            placeholder={draft.eventType ? t('common.choose') : t('incidents.form.typeFirst')}
            disabled={!draft.eventType}
            error={errorOf('subEventType')}
            required
          />
        </div>
        <div className="form-row form-row-4">
          <TextField
            label={t('incidents.fields.actor1')}
            value={draft.actor1Name}
            onValueChange={(actor1Name) => set({ actor1Name })}
            error={errorOf('actor1.name')}
            required
          />
          <SelectField
            label={t('incidents.form.actorType')}
            value={draft.actor1Inter}
            onValueChange={(actor1Inter) => set({ actor1Inter })}
            options={interOptions}
            placeholder={t('common.choose')}
            error={errorOf('actor1.inter')}
            required
          />
          <TextField
            label={t('incidents.fields.actor2')}
            value={draft.actor2Name}
            onValueChange={(actor2Name) => set({ actor2Name })}
            error={errorOf('actor2.name')}
            hint={t('incidents.form.optional')}
          />
          <SelectField
            label={t('incidents.form.actor2Type')}
            value={draft.actor2Inter}
            onValueChange={(actor2Inter) => set({ actor2Inter })}
            options={interOptions}
            placeholder={t('common.choose')}
            error={errorOf('actor2.inter')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('incidents.fields.place')}</legend>
        <div className="place-grid">
          <div className="place-fields">
            <PlaceSearch onPick={pickPlace} />
            <div className="form-row form-row-2">
              <TextField
                label={t('incidents.fields.placeName')}
                value={draft.placeName}
                onValueChange={(placeName) => set({ placeName })}
                error={errorOf('place.name')}
                required
              />
              <SelectField
                label={t('incidents.fields.country')}
                value={draft.country}
                onValueChange={(country) => set({ country })}
                options={countries}
                placeholder={t('common.choose')}
                error={errorOf('place.country')}
                required
              />
              <TextField
                label={t('incidents.fields.admin1')}
                value={draft.admin1}
                onValueChange={(admin1) => set({ admin1 })}
                error={errorOf('place.admin1')}
              />
              <TextField
                label={t('incidents.fields.admin2')}
                value={draft.admin2}
                onValueChange={(admin2) => set({ admin2 })}
                error={errorOf('place.admin2')}
              />
              <TextField
                label={t('incidents.fields.lat')}
                inputMode="decimal"
                dir="ltr"
                value={draft.lat}
                onValueChange={(lat) => set({ lat })}
                error={errorOf('place.lat')}
                required
              />
              <TextField
                label={t('incidents.fields.lon')}
                inputMode="decimal"
                dir="ltr"
                value={draft.lon}
                onValueChange={(lon) => set({ lon })}
                error={errorOf('place.lon')}
                required
              />
            </div>
            <SelectField
              label={t('incidents.fields.geoPrecision')}
              value={draft.geoPrecision}
              onValueChange={(value) =>
                set({ geoPrecision: value as IncidentDraft['geoPrecision'] })
              }
              options={PRECISIONS.map((p) => ({
                value: String(p),
                label: t(`incidents.geoPrecision.${p}`),
              }))}
              error={errorOf('place.geoPrecision')}
            />
          </div>
          <div className="place-map">
            <PointMap
              point={point}
              label={t('incidents.form.mapLabel')}
              onPick={(picked) => set({ lat: String(picked.lat), lon: String(picked.lon) })}
            />
            <p className="field-hint">{t('incidents.form.mapHint')}</p>
          </div>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('incidents.form.casualties')}</legend>
        <div className="form-row form-row-2">
          <CasualtyEditor
            kind="fatalities"
            value={draft.fatalities}
            onChange={(fatalities) => set({ fatalities })}
            errorOf={errorOf}
          />
          <CasualtyEditor
            kind="injured"
            value={draft.injured}
            onChange={(injured) => set({ injured })}
            errorOf={errorOf}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('incidents.form.account')}</legend>
        <TextAreaField
          label={t('incidents.fields.narrative')}
          value={draft.narrative}
          onValueChange={(narrative) => set({ narrative })}
          error={errorOf('narrative')}
          rows={6}
          lang={draft.language}
          dir={draft.language === 'ur' ? 'rtl' : 'ltr'}
        />
        <div className="form-row form-row-4">
          <SelectField
            label={t('incidents.fields.language')}
            value={draft.language}
            onValueChange={(language) => set({ language: language as IncidentDraft['language'] })}
            options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
            error={errorOf('language')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('incidents.fields.sources')}</legend>
        <SourcesEditor
          value={draft.sources}
          onChange={(sources) => set({ sources })}
          errorOf={errorOf}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('incidents.form.links')}</legend>
        <div className="form-row form-row-2">
          <TextField
            label={t('incidents.fields.siteId')}
            value={draft.siteId}
            onValueChange={(siteId) => set({ siteId })}
            error={errorOf('siteId')}
            hint={t('incidents.form.siteHint')}
            dir="ltr"
            className="input code"
          />
          <TextField
            label={t('incidents.fields.movementId')}
            value={draft.movementId}
            onValueChange={(movementId) => set({ movementId })}
            error={errorOf('movementId')}
            hint={t('incidents.form.movementHint')}
            dir="ltr"
            className="input code"
          />
        </div>
      </fieldset>

      <SharingSection
        legend={t('incidents.form.sharing')}
        record={draft}
        onChange={(sharing) => set(sharing)}
        errorOf={errorOf}
        recordId={id}
      />

      <FormActions cancelTo={cancelTo}>
        <SaveButton
          label={id ? t('incidents.form.saveChanges') : t('incidents.form.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
