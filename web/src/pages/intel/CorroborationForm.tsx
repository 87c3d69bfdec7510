/**
 * Adds a corroboration to a published report: confirm, deny or add detail,
 * with a note, optionally when and where it was seen, under its own marking.
 * By default it goes back to whoever wrote the report (AMBER released to the
 * originator, or RED to the author of a RED report), so they can see it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CORROBORATION_KINDS,
  createCorroboration,
  type CorroborationInput,
  type ThreatReport,
} from '../../api/intel';
import { useSession } from '../../app/session';
import { TextAreaField, TextField } from '../../components/Field';
import { SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { releaseListFor, type SharingValue } from '../../components/sharing/SharingPanel';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { PointMap } from '../../map/PointMap';
import { isoFromLocalInput } from './dates';
import { parseCoordinate } from './reportDraft';

function defaultSharing(report: ThreatReport, ownOrganisation: string): SharingValue {
  if (report.marking === 'TLP:CLEAR' || report.marking === 'TLP:GREEN')
    return { marking: report.marking, releasableTo: [] };
  if (report.marking === 'TLP:RED' && report.createdByUser)
    return { marking: 'TLP:RED', releasableTo: [report.createdByUser] };
  const originator = report.createdBy === ownOrganisation ? [] : [report.createdBy];
  return { marking: 'TLP:AMBER', releasableTo: originator };
}

export function CorroborationForm({
  report,
  onAdded,
}: {
  report: ThreatReport;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const [kind, setKind] = useState<CorroborationInput['kind']>('confirm');
  const [text, setText] = useState('');
  const [observedAt, setObservedAt] = useState('');
  const [placeName, setPlaceName] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [sharing, setSharing] = useState(() => defaultSharing(report, user.organisation.id));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const submission = useFormSubmit();
  // Either the draft's problems or, after a refused save, the server's: never both.
  const errors = { ...submission.serverErrors, ...problems };

  const latitude = parseCoordinate(lat, 90);
  const longitude = parseCoordinate(lon, 180);
  const point =
    latitude !== undefined && longitude !== undefined ? { lat: latitude, lon: longitude } : null;

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (text.trim() === '') found.text = t('validation.required');
    if (observedAt && !isoFromLocalInput(observedAt)) found.observedAt = t('intel.form.notATime');
    if ((lat.trim() || lon.trim() || placeName.trim()) && !point) {
      if (latitude === undefined) found['place.lat'] = t('intel.form.notACoordinate');
      if (longitude === undefined) found['place.lon'] = t('intel.form.notACoordinate');
    }
    return found;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = check();
    setProblems(found);
    submission.start();
    if (Object.keys(found).length > 0) return;
    const observed = observedAt ? isoFromLocalInput(observedAt) : undefined;
    const input: CorroborationInput = {
      subjectId: report.id,
      kind,
      text: text.trim(),
      ...(observed ? { observedAt: observed } : {}),
      ...(point
        ? { place: { ...point, ...(placeName.trim() ? { name: placeName.trim() } : {}) } }
        : {}),
      marking: sharing.marking,
      releasableTo: releaseListFor(sharing.marking, sharing.releasableTo),
    };
    await submission.save(true, async () => {
      await createCorroboration(input);
      setText('');
      setObservedAt('');
      setPlaceName('');
      setLat('');
      setLon('');
      onAdded();
    });
  }

  return (
    <form
      className="form corroboration-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${id}-title`}
      data-testid="corroboration-form"
    >
      <h3 id={`${id}-title`} className="section-title">
        {t('intel.corroboration.add')}
      </h3>
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="field">
        <legend className="field-label">{t('intel.corroboration.kind')}</legend>
        <div className="segmented">
          {CORROBORATION_KINDS.map((option) => (
            <label
              key={option}
              className={option === kind ? 'segment segment-selected' : 'segment'}
            >
              <input
                type="radio"
                name={`${id}-kind`}
                value={option}
                checked={option === kind}
                onChange={() => setKind(option)}
              />
              {t(`intel.corroboration.kinds.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('intel.corroboration.text')}
        value={text}
        onValueChange={setText}
        error={errors.text}
        rows={3}
        dir="auto"
        required
      />
      <div className="form-row form-row-2">
        <TextField
          label={t('intel.corroboration.observedAt')}
          type="datetime-local"
          value={observedAt}
          onValueChange={setObservedAt}
          error={errors.observedAt}
          hint={t('intel.form.optional')}
        />
        <TextField
          label={t('intel.corroboration.placeName')}
          value={placeName}
          onValueChange={setPlaceName}
          error={errors['place.name']}
          hint={t('intel.form.optional')}
        />
      </div>
      <div className="place-grid">
        <div className="form-row form-row-2 place-fields">
          <TextField
            label={t('intel.corroboration.lat')}
            inputMode="decimal"
            dir="ltr"
            value={lat}
            onValueChange={setLat}
            error={errors['place.lat']}
          />
          <TextField
            label={t('intel.corroboration.lon')}
            inputMode="decimal"
            dir="ltr"
            value={lon}
            onValueChange={setLon}
            error={errors['place.lon']}
          />
        </div>
        <div className="place-map">
          <PointMap
            point={point}
            label={t('intel.corroboration.mapLabel')}
            onPick={(picked) => {
              setLat(String(picked.lat));
              setLon(String(picked.lon));
            }}
          />
          <p className="field-hint">{t('intel.corroboration.mapHint')}</p>
        </div>
      </div>
      <SharingSection
        legend={t('intel.corroboration.sharing')}
        record={sharing}
        onChange={setSharing}
        errorOf={(path) => errors[path]}
      />
      <div className="form-actions">
        <SaveButton
          label={t('intel.corroboration.submit')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </div>
    </form>
  );
}
