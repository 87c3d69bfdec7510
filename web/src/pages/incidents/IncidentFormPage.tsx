/** Records a new incident or corrects one (a new version), with ACLED pickers and a map. */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createIncident, getIncident, updateIncident, type PlaceMatch } from '../../api/incidents';
import { LOCALES } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { SharingPanel } from '../../components/sharing/SharingPanel';
import { currentLocale, LOCALE_NAMES } from '../../i18n';
import { describeError, fieldErrors } from '../../i18n/errors';
import { EVENT_TYPES, INTER_CODES, PRECISIONS, subEventTypesOf } from '../../lib/acled';
import { countryOptions } from '../../lib/countries';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { PointMap, type Point } from '../../map/PointMap';
import {
  checkDraft,
  draftFromIncident,
  emptyDraft,
  inputFromDraft,
  parseNumber,
  type DraftErrors,
  type IncidentDraft,
} from './incidentDraft';
import { CasualtyEditor, SourcesEditor } from './IncidentFormParts';
import { PlaceSearch } from './PlaceSearch';
import { canEditIncident, canWriteIncidents } from './permissions';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; draft: IncidentDraft }
  | { status: 'forbidden' }
  | { status: 'error'; error: unknown };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export default function IncidentFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const editing = id !== undefined;
  const title = editing ? t('incidents.form.editTitle') : t('incidents.form.newTitle');
  useDocumentTitle(title);
  const [loaded, setLoaded] = useState<Loaded>(() =>
    editing
      ? { status: 'loading' }
      : { status: 'ready', draft: emptyDraft(currentLocale(), today()) },
  );

  useEffect(() => {
    if (id === undefined) return;
    const controller = new AbortController();
    getIncident(id, controller.signal).then(
      (incident) =>
        setLoaded(
          canEditIncident(user, incident) && !incident.revoked
            ? { status: 'ready', draft: draftFromIncident(incident) }
            : { status: 'forbidden' },
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, user]);

  const back = id ? `/incidents/${id}` : '/incidents';
  let body;
  if (!canWriteIncidents(user) || loaded.status === 'forbidden') {
    body = <EmptyState title={t('forbidden.title')}>{t('incidents.form.notAllowed')}</EmptyState>;
  } else if (loaded.status === 'loading') {
    body = (
      <div className="page-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  } else if (loaded.status === 'error') {
    body = <Notice tone="error">{describeError(loaded.error, t)}</Notice>;
  } else {
    body = <IncidentForm initial={loaded.draft} id={id} cancelTo={back} />;
  }

  return (
    <div className="page page-incident-form">
      <Link to={back} className="back-link">
        ← {id ? t('incidents.backToIncident') : t('incidents.backToList')}
      </Link>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="page-description">{t('incidents.form.description')}</p>
      </header>
      {body}
    </div>
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
  const directory = useOrganisationDirectory();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (changes: Partial<IncidentDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));
  // A problem found on submit disappears as soon as the field is put right.
  const shownErrors = useMemo(() => {
    const now = checkDraft(draft);
    const shown: DraftErrors = {};
    for (const path of Object.keys(localErrors)) {
      const problem = now[path];
      if (problem) shown[path] = problem;
    }
    return shown;
  }, [draft, localErrors]);
  const errorOf = (path: string): string | undefined => {
    const local = shownErrors[path];
    if (local === 'required') return t('validation.required');
    if (local === 'number') return t('incidents.form.notANumber');
    if (local === 'count') return t('incidents.form.notACount');
    return serverErrors[path];
  };

  // After a refused submit, take the keyboard to the first field in trouble.
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

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
    setLocalErrors(found);
    setServerErrors({});
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError(t('incidents.form.fixFields'));
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const input = inputFromDraft(draft);
      const saved = id ? await updateIncident(id, input) : await createIncident(input);
      navigate(`/incidents/${saved.id}`);
    } catch (failure) {
      setServerErrors(fieldErrors(failure));
      setFormError(describeError(failure, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const interOptions = INTER_CODES.map((code) => ({
    value: String(code),
    label: `${code} · ${t(`acled.inter.${code}`)}`,
  }));

  return (
    <form
      ref={formRef}
      className="form incident-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={id ? t('incidents.form.editTitle') : t('incidents.form.newTitle')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}

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

      <fieldset className="form-section">
        <legend>{t('incidents.form.sharing')}</legend>
        <SharingPanel
          value={{ marking: draft.marking, releasableTo: draft.releasableTo }}
          onChange={(sharing) => set(sharing)}
          organisations={directory.organisations}
          errorOf={errorOf}
          recordId={id}
        />
      </fieldset>

      <div className="form-actions form-actions-sticky">
        <Link to={cancelTo} className="button button-secondary">
          {t('common.cancel')}
        </Link>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy
            ? t('common.saving')
            : id
              ? t('incidents.form.saveChanges')
              : t('incidents.form.create')}
        </button>
      </div>
    </form>
  );
}
