/** Records a decision of a meeting, or corrects one (a new version); a decision never moves to another meeting. */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decisions,
  meetings,
  type Decision,
  type DecisionInput,
  type Meeting,
} from '../../api/coordination';
import { useSession } from '../../app/session';
import { TextAreaField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useEditDraft, type EditDraft } from '../../lib/useEditDraft';
import { canEditCoordination, canWriteCoordination } from './permissions';
import { inheritSharing, sharingInput, sharingOf } from './sharingDefaults';
import { useChildDraft } from './useChildDraft';
import { useRecordForm, type Problems } from './useRecordForm';

type Draft = DecisionInput;

const draftFromDecision = (decision: Decision): Draft => ({
  meetingId: decision.meetingId,
  text: decision.text,
  ...sharingOf(decision),
});

const checkDecision = (draft: Draft): Problems => (draft.text.trim() ? {} : { text: 'required' });

export default function DecisionFormPage({ id, meetingId }: { id?: string; meetingId?: string }) {
  return id ? <EditDecision id={id} /> : <NewDecision meetingId={meetingId ?? ''} />;
}

function NewDecision({ meetingId }: { meetingId: string }) {
  const { user } = useSession();
  const { draft } = useChildDraft(meetingId, meetings.get, (meeting: Meeting) => ({
    meetingId,
    text: '',
    ...inheritSharing(meeting, user.organisation.id),
  }));
  return <DecisionFrame loaded={draft} back={`/coordination/meetings/${meetingId}`} />;
}

function EditDecision({ id }: { id: string }) {
  const loaded = useEditDraft(id, {
    load: decisions.get,
    mayEdit: canEditCoordination,
    toDraft: draftFromDecision,
    blank: () => ({ meetingId: '', text: '', marking: 'TLP:AMBER' as const, releasableTo: [] }),
  });
  const back =
    loaded.status === 'ready'
      ? `/coordination/meetings/${loaded.draft.meetingId}`
      : '/coordination';
  return <DecisionFrame id={id} loaded={loaded} back={back} />;
}

function DecisionFrame({
  id,
  loaded,
  back,
}: {
  id?: string;
  loaded: EditDraft<Draft, unknown>;
  back: string;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <RecordFormPage
      className="page page-coordination-form"
      title={id ? t('coordination.decisions.editTitle') : t('coordination.decisions.newTitle')}
      description={t('coordination.decisions.formDescription')}
      back={{ to: back, label: t('coordination.meetings.backToMeeting') }}
      mayWrite={canWriteCoordination(user)}
      notAllowed={t('coordination.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <DecisionForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function DecisionForm({
  initial,
  id,
  cancelTo,
}: {
  initial: Draft;
  id?: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const { draft, set, errorOf, submission, submit } = useRecordForm(initial, checkDecision);
  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = { ...current, text: current.text.trim(), ...sharingInput(current) };
      const saved = id ? await decisions.update(id, input) : await decisions.create(input);
      return `/coordination/meetings/${saved.meetingId}`;
    });
  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.decisions.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      {errorOf('meetingId') ? <Notice tone="error">{errorOf('meetingId')}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('coordination.decisions.details')}</legend>
        <TextAreaField
          label={t('coordination.fields.decisionText')}
          value={draft.text}
          onValueChange={(text) => set({ text })}
          error={errorOf('text')}
          rows={5}
          dir="auto"
          required
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
          label={id ? t('coordination.form.saveChanges') : t('coordination.decisions.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
