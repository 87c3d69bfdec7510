/**
 * The threat report editor: what is feared (title, narrative), where (the
 * area), when (validity), against what and how, by whom, how far to trust it
 * (grading), and who may read it (sharing, with the audience shown before
 * saving). A draft is saved as is; "publish" saves and then publishes.
 */
import { useMemo, useState, type FormEvent } from 'react';
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
import { navigate } from '../../app/router';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { SharingSection } from '../../components/sharing/SharingSection';
import { LOCALE_NAMES } from '../../i18n';
import { EVENT_TYPES, subEventTypesOf } from '../../lib/acled';
import { useFormSubmit, useProblemsUntilFixed } from '../../lib/useFormSubmit';
import { ActorPicker } from './ActorPicker';
import { AreaPicker } from './AreaPicker';
import { GradingPicker } from './GradingPicker';
import { NarrativeEditor } from './NarrativeEditor';
import { checkReportDraft, inputFromReportDraft, type ReportDraft } from './reportDraft';

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
  const [draft, setDraft] = useState(initial);
  const problems = useProblemsUntilFixed(draft, checkReportDraft);
  const submission = useFormSubmit<Intent>();
  const [localFailure, setLocalFailure] = useState(false);
  const set = (changes: Partial<ReportDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));

  const errorOf = (path: string): string | undefined => {
    const local = problems.shown[path];
    if (local) return t(`intel.form.problems.${local}`);
    if (path === 'area') {
      // The server names the exact part of the area (area.radiusKm, area.polygon.coordinates…).
      const found = Object.entries(submission.serverErrors).find(([key]) => key.startsWith('area'));
      return found?.[1];
    }
    return submission.serverErrors[path];
  };

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
    problems.setFound(found);
    submission.start();
    setLocalFailure(false);
    const input = inputFromReportDraft(draft);
    if (Object.keys(found).length > 0 || !input) {
      submission.refuse(t('intel.form.fixFields'));
      setLocalFailure(true);
      return;
    }
    await submission.save(intent, async () => {
      const saved = id ? await updateThreatReport(id, input) : await createThreatReport(input);
      if (intent === 'publish') await publishThreatReport(saved.id);
      navigate(`/intel/${saved.id}`);
    });
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void save('save');
  }

  const isDraft = status === null || status === 'draft';
  return (
    <form
      ref={submission.formRef}
      className="form report-form"
      noValidate
      onSubmit={submit}
      aria-label={id ? t('intel.form.editTitle') : t('intel.form.newTitle')}
    >
      {/* "Fix these fields" goes once they are fixed; the server's answer stays until the next try. */}
      {submission.formError &&
      (Object.keys(submission.serverErrors).length > 0 ||
        Object.keys(problems.shown).length > 0 ||
        !localFailure) ? (
        <Notice tone="error">{submission.formError}</Notice>
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

      <SharingSection
        legend={t('intel.form.sharing')}
        record={draft}
        onChange={(sharing) => set(sharing)}
        errorOf={errorOf}
        recordId={id}
      />

      <FormActions cancelTo={cancelTo}>
        <SaveButton
          label={isDraft ? t('intel.form.saveDraft') : t('intel.form.saveCorrection')}
          saving={submission.busy === 'save'}
          disabled={submission.busy !== null}
          primary={!isDraft}
        />
        {isDraft ? (
          <SaveButton
            label={t('intel.form.saveAndPublish')}
            saving={submission.busy === 'publish'}
            disabled={submission.busy !== null}
            onClick={() => void save('publish')}
          />
        ) : null}
      </FormActions>
    </form>
  );
}
