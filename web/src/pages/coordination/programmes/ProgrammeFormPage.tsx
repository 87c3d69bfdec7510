/**
 * Starts a cooperation programme from a decision, or corrects one (a new
 * version): what it is, who leads it with whom, when, its milestones, what
 * it consists of for its kind (the kind chooses the sub-form), and its
 * sharing. A programme never moves to another decision.
 */
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decisions } from '../../../api/coordination';
import { programmes, type ProgrammeKind, type ProgrammeStatus } from '../../../api/programmes';
import { useSearch } from '../../../app/router';
import { useSession } from '../../../app/session';
import { CheckboxGroup, SelectField, TextField } from '../../../components/Field';
import { FormActions, SaveButton } from '../../../components/FormActions';
import { Notice } from '../../../components/Notice';
import { RecordFormPage } from '../../../components/RecordFormPage';
import { SharingSection } from '../../../components/sharing/SharingSection';
import { useOrganisationDirectory } from '../../../lib/organisationDirectory';
import { useEditDraft, type EditDraft } from '../../../lib/useEditDraft';
import { MarkdownField } from '../MarkdownField';
import { canEditCoordination, canWriteCoordination } from '../permissions';
import { inheritSharing, NEW_GROUP_SHARING } from '../sharingDefaults';
import { useChildDraft } from '../useChildDraft';
import { useRecordForm } from '../useRecordForm';
import { DecisionPicker } from './DecisionPicker';
import { DetailsForm } from './DetailsForms';
import { checkProgrammeDraft } from './programmeChecks';
import {
  blankProgramme,
  draftFromProgramme,
  inputFromProgrammeDraft,
  type ProgrammeDraft,
} from './programmeDraft';
import { kindOptions, programmeStatusOptions } from './programmeLabels';
import { MilestonesEditor } from './MilestonesEditor';

export default function ProgrammeFormPage({ id }: { id?: string }) {
  const decisionId = new URLSearchParams(useSearch()).get('decisionId');
  if (id) return <EditProgramme id={id} />;
  return decisionId ? <NewFromDecision decisionId={decisionId} /> : <NewProgramme />;
}

function NewFromDecision({ decisionId }: { decisionId: string }) {
  const { user } = useSession();
  const { draft, parent } = useChildDraft(decisionId, decisions.get, (decision) =>
    blankProgramme(
      decisionId,
      user.organisation.id,
      inheritSharing(decision, user.organisation.id),
    ),
  );
  const back = parent ? `/coordination/meetings/${parent.meetingId}` : '/coordination/programmes';
  return <ProgrammeFrame loaded={draft} back={back} />;
}

function NewProgramme() {
  const { user } = useSession();
  const draft = useMemo(
    () => blankProgramme('', user.organisation.id, NEW_GROUP_SHARING),
    [user.organisation.id],
  );
  return (
    <ProgrammeFrame
      loaded={{ status: 'ready', draft, stored: null }}
      back="/coordination/programmes"
    />
  );
}

function EditProgramme({ id }: { id: string }) {
  const loaded = useEditDraft(id, {
    load: programmes.get,
    mayEdit: canEditCoordination,
    toDraft: draftFromProgramme,
    blank: () => blankProgramme('', '', NEW_GROUP_SHARING),
  });
  return <ProgrammeFrame id={id} loaded={loaded} back={`/coordination/programmes/${id}`} />;
}

function ProgrammeFrame({
  id,
  loaded,
  back,
}: {
  id?: string;
  loaded: EditDraft<ProgrammeDraft, unknown>;
  back: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <RecordFormPage
      className="page page-coordination-form"
      title={id ? t('coordination.programmes.editTitle') : t('coordination.programmes.newTitle')}
      description={t('coordination.programmes.formDescription')}
      back={{ to: back, label: t('coordination.form.back') }}
      mayWrite={canWriteCoordination(user)}
      notAllowed={t('coordination.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <ProgrammeForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function ProgrammeForm({
  initial,
  id,
  cancelTo,
}: {
  initial: ProgrammeDraft;
  id?: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const { draft, set, errorOf, submission, submit } = useRecordForm(initial, checkProgrammeDraft);
  const organisations = directory.organisations.map((o) => ({ value: o.id, label: o.name }));
  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = inputFromProgrammeDraft(current);
      const saved = id ? await programmes.update(id, input) : await programmes.create(input);
      return `/coordination/programmes/${saved.id}`;
    });

  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.programmes.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('coordination.programmes.overview')}</legend>
        {id || initial.decisionId ? (
          errorOf('decisionId') ? (
            <Notice tone="error">{errorOf('decisionId')}</Notice>
          ) : null
        ) : (
          <DecisionPicker
            value={draft.decisionId}
            onChange={(decisionId) => set({ decisionId })}
            error={errorOf('decisionId')}
          />
        )}
        <TextField
          label={t('coordination.fields.title')}
          value={draft.title}
          onValueChange={(title) => set({ title })}
          error={errorOf('title')}
          dir="auto"
          required
        />
        <div className="form-row form-row-4">
          <SelectField
            label={t('coordination.programmes.kind')}
            value={draft.kind}
            onValueChange={(kind) => set({ kind: kind as ProgrammeKind })}
            options={kindOptions(t)}
            hint={t('coordination.programmes.kindHint')}
            error={errorOf('kind') ?? errorOf('details.kind')}
          />
          <SelectField
            label={t('coordination.fields.status')}
            value={draft.status}
            onValueChange={(status) => set({ status: status as ProgrammeStatus })}
            options={programmeStatusOptions(t)}
            error={errorOf('status')}
          />
          <TextField
            label={t('coordination.programmes.startDate')}
            type="date"
            value={draft.startDate}
            onValueChange={(startDate) => set({ startDate })}
            error={errorOf('startDate')}
            required
          />
          <TextField
            label={t('coordination.programmes.endDate')}
            type="date"
            value={draft.endDate}
            min={draft.startDate || undefined}
            onValueChange={(endDate) => set({ endDate })}
            error={errorOf('endDate')}
            hint={t('coordination.form.optional')}
          />
        </div>
        <SelectField
          label={t('coordination.programmes.lead')}
          value={draft.leadOrgId}
          onValueChange={(leadOrgId) => set({ leadOrgId })}
          options={organisations}
          placeholder={t('common.choose')}
          error={errorOf('leadOrgId')}
          required
        />
        <CheckboxGroup
          legend={t('coordination.programmes.partners')}
          options={directory.organisations.map((o) => ({
            value: o.id,
            label: o.name,
            description: o.country,
          }))}
          selected={draft.partnerOrgIds}
          onChange={(partnerOrgIds) => set({ partnerOrgIds })}
          error={errorOf('partnerOrgIds')}
        />
        <MarkdownField
          label={t('coordination.programmes.summary')}
          value={draft.summary}
          onChange={(summary) => set({ summary })}
          error={errorOf('summary')}
          maxLength={20_000}
          testId="summary-preview"
        />
      </fieldset>
      <MilestonesEditor
        milestones={draft.milestones}
        onChange={(milestones) => set({ milestones })}
        errorOf={errorOf}
      />
      <fieldset className="form-section" data-testid="programme-details-form">
        <legend>{t(`coordination.programmes.kinds.${draft.kind}`)}</legend>
        <DetailsForm
          kind={draft.kind}
          details={draft.details}
          onChange={(details) => set({ details })}
          errorOf={errorOf}
          organisations={organisations}
        />
      </fieldset>
      <SharingSection
        legend={t('coordination.form.sharing')}
        record={draft}
        onChange={(sharing) => set(sharing)}
        errorOf={errorOf}
        recordId={id}
      />
      <FormActions cancelTo={cancelTo}>
        <SaveButton
          label={id ? t('coordination.form.saveChanges') : t('coordination.programmes.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
