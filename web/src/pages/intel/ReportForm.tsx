/**
 * The threat report editor: what is feared (title, narrative), where (the
 * area), when (validity), against what and how, by whom, how far to trust it
 * (grading), and who may read it (sharing, with the audience shown before
 * saving). A draft is saved as is; "publish" saves and then publishes.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createThreatReport,
  publishThreatReport,
  TARGET_TYPES,
  updateThreatReport,
  type ReportStatus,
  type TargetType,
} from '../../api/intel';
import { LOCALES } from '../../api/types';
import { Link, navigate } from '../../app/router';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { SharingPanel } from '../../components/sharing/SharingPanel';
import { LOCALE_NAMES } from '../../i18n';
import { describeError, fieldErrors } from '../../i18n/errors';
import { EVENT_TYPES, subEventTypesOf } from '../../lib/acled';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { ActorPicker } from './ActorPicker';
import { AreaPicker } from './AreaPicker';
import { GradingPicker } from './GradingPicker';
import { NarrativeEditor } from './NarrativeEditor';
import {
  checkReportDraft,
  inputFromReportDraft,
  type ReportDraft,
  type ReportDraftProblem,
} from './reportDraft';

type Intent = 'save' | 'publish';

export function ReportForm({
  initial,
  id,
  status,
  cancelTo,
}: {
  initial: ReportDraft;
  id: string | undefined;
  /** The stored report's status; null for a new report. */
  status: ReportStatus | null;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, ReportDraftProblem>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [localFailure, setLocalFailure] = useState(false);
  const [busy, setBusy] = useState<Intent | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (changes: Partial<ReportDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));

  // A problem found on submit disappears as soon as the field is put right.
  const shownErrors = useMemo(() => {
    const now = checkReportDraft(draft);
    const shown: Record<string, ReportDraftProblem> = {};
    for (const path of Object.keys(localErrors)) {
      const problem = now[path];
      if (problem) shown[path] = problem;
    }
    return shown;
  }, [draft, localErrors]);
  const errorOf = (path: string): string | undefined => {
    const local = shownErrors[path];
    if (local) return t(`intel.form.problems.${local}`);
    if (path === 'area') {
      // The server names the exact part of the area (area.radiusKm, area.polygon.coordinates…).
      const found = Object.entries(serverErrors).find(([key]) => key.startsWith('area'));
      return found?.[1];
    }
    return serverErrors[path];
  };

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const subEventOptions = useMemo(
    () =>
      EVENT_TYPES.flatMap((type) =>
        subEventTypesOf(type).map((sub) => ({
          value: sub,
          label: `${t(`acled.eventTypes.${type}`)} — ${t(`acled.subEventTypes.${sub}`)}`,
        })),
      ),
    [t],
  );

  async function save(intent: Intent): Promise<void> {
    const found = checkReportDraft(draft);
    setLocalErrors(found);
    setServerErrors({});
    setFormError(null);
    setLocalFailure(false);
    const input = inputFromReportDraft(draft);
    if (Object.keys(found).length > 0 || !input) {
      setFormError(t('intel.form.fixFields'));
      setLocalFailure(true);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(intent);
    try {
      const saved = id ? await updateThreatReport(id, input) : await createThreatReport(input);
      if (intent === 'publish') await publishThreatReport(saved.id);
      navigate(`/intel/${saved.id}`);
    } catch (failure) {
      setServerErrors(fieldErrors(failure));
      setFormError(describeError(failure, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(null);
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void save('save');
  }

  const isDraft = status === null || status === 'draft';
  return (
    <form
      ref={formRef}
      className="form report-form"
      noValidate
      onSubmit={submit}
      aria-label={id ? t('intel.form.editTitle') : t('intel.form.newTitle')}
    >
      {/* "Fix these fields" goes once they are fixed; the server's answer stays until the next try. */}
      {formError &&
      (Object.keys(serverErrors).length > 0 ||
        Object.keys(shownErrors).length > 0 ||
        !localFailure) ? (
        <Notice tone="error">{formError}</Notice>
      ) : null}

      <fieldset className="form-section">
        <legend>{t('intel.form.report')}</legend>
        <div className="form-row report-title-row">
          <TextField
            label={t('intel.fields.title')}
            value={draft.title}
            onValueChange={(title) => set({ title })}
            error={errorOf('title')}
            maxLength={300}
            dir="auto"
            required
          />
          <SelectField
            label={t('intel.fields.language')}
            value={draft.language}
            onValueChange={(language) => set({ language: language as ReportDraft['language'] })}
            options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
            error={errorOf('language')}
          />
        </div>
        <NarrativeEditor
          value={draft.narrative}
          onChange={(narrative) => set({ narrative })}
          language={draft.language}
          error={errorOf('narrative')}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('intel.fields.area')}</legend>
        <AreaPicker value={draft.area} onChange={(area) => set({ area })} error={errorOf('area')} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('intel.form.threat')}</legend>
        <div className="form-row form-row-4">
          <TextField
            label={t('intel.fields.validFrom')}
            type="datetime-local"
            value={draft.validFrom}
            onValueChange={(validFrom) => set({ validFrom })}
            error={errorOf('validFrom')}
            required
          />
          <TextField
            label={t('intel.fields.validUntil')}
            type="datetime-local"
            value={draft.validUntil}
            min={draft.validFrom}
            onValueChange={(validUntil) => set({ validUntil })}
            error={errorOf('validUntil')}
            required
          />
          <SelectField
            label={t('intel.fields.targetType')}
            value={draft.targetType}
            onValueChange={(value) => set({ targetType: value as TargetType })}
            options={TARGET_TYPES.map((type) => ({
              value: type,
              label: t(`intel.targetTypes.${type}`),
            }))}
            placeholder={t('common.choose')}
            error={errorOf('targetType')}
            required
          />
          <SelectField
            label={t('intel.fields.acledSubEventType')}
            value={draft.acledSubEventType}
            onValueChange={(acledSubEventType) => set({ acledSubEventType })}
            options={[{ value: '', label: t('intel.form.none') }, ...subEventOptions]}
            error={errorOf('modusOperandi.acledSubEventType')}
            hint={t('intel.form.acledHint')}
          />
        </div>
        <TextAreaField
          label={t('intel.fields.modusOperandi')}
          value={draft.modusOperandi}
          onValueChange={(modusOperandi) => set({ modusOperandi })}
          error={errorOf('modusOperandi.description')}
          hint={t('intel.form.modusOperandiHint')}
          rows={3}
          dir="auto"
        />
        <ActorPicker
          value={draft.threatActors}
          onChange={(threatActors) => set({ threatActors })}
          error={errorOf('threatActorIds')}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('intel.fields.grading')}</legend>
        <GradingPicker
          reliability={draft.sourceReliability}
          credibility={draft.informationCredibility}
          onReliability={(sourceReliability) => set({ sourceReliability })}
          onCredibility={(informationCredibility) => set({ informationCredibility })}
          errorOf={errorOf}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('intel.form.sharing')}</legend>
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
        <button
          type="submit"
          className={isDraft ? 'button button-secondary' : 'button button-primary'}
          disabled={busy !== null}
        >
          {busy === 'save'
            ? t('common.saving')
            : isDraft
              ? t('intel.form.saveDraft')
              : t('intel.form.saveCorrection')}
        </button>
        {isDraft ? (
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => void save('publish')}
          >
            {busy === 'publish' ? t('common.saving') : t('intel.form.saveAndPublish')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
