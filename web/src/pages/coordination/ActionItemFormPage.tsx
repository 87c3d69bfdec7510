/**
 * Adds an action item to a decision, or corrects one (a new version): what
 * is to be done, by which organisation, by when, and how far it has got.
 * An item never moves to another decision; progress notes are added on the
 * item's page and the tracker, never here.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionItems,
  decisions,
  type ActionItem,
  type ActionItemInput,
  type ActionItemStatus,
  type Decision,
} from '../../api/coordination';
import { useSession } from '../../app/session';
import { SelectField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useEditDraft, type EditDraft } from '../../lib/useEditDraft';
import { statusOptions } from './labels';
import { canEditCoordination, canWriteCoordination } from './permissions';
import { inheritSharing, sharingInput, sharingOf } from './sharingDefaults';
import { useChildDraft } from './useChildDraft';
import { useRecordForm, type Problems } from './useRecordForm';

type Draft = ActionItemInput;

function draftFromItem(item: ActionItem): Draft {
  const { decisionId, title, ownerOrgId, dueDate, status } = item;
  return { decisionId, title, ownerOrgId, dueDate, status, ...sharingOf(item) };
}

function checkItem(draft: Draft): Problems {
  const problems: Problems = {};
  if (!draft.title.trim()) problems.title = 'required';
  if (!draft.ownerOrgId) problems.ownerOrgId = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) problems.dueDate = 'required';
  return problems;
}

export default function ActionItemFormPage({
  id,
  decisionId,
}: {
  id?: string;
  decisionId?: string;
}) {
  return id ? <EditItem id={id} /> : <NewItem decisionId={decisionId ?? ''} />;
}

function NewItem({ decisionId }: { decisionId: string }) {
  const { user } = useSession();
  const { draft, parent } = useChildDraft(
    decisionId,
    decisions.get,
    (decision: Decision): Draft => ({
      decisionId,
      title: '',
      ownerOrgId: '',
      dueDate: '',
      status: 'open',
      ...inheritSharing(decision, user.organisation.id),
    }),
  );
  const back = parent ? `/coordination/meetings/${parent.meetingId}` : '/coordination/actions';
  return <ItemFrame loaded={draft} back={back} decision={parent} />;
}

function EditItem({ id }: { id: string }) {
  const loaded = useEditDraft(id, {
    load: actionItems.get,
    mayEdit: canEditCoordination,
    toDraft: draftFromItem,
    blank: () => ({
      decisionId: '',
      title: '',
      ownerOrgId: '',
      dueDate: '',
      status: 'open' as const,
      marking: 'TLP:AMBER' as const,
      releasableTo: [],
    }),
  });
  return <ItemFrame id={id} loaded={loaded} back={`/coordination/actions/${id}`} decision={null} />;
}

function ItemFrame({
  id,
  loaded,
  back,
  decision,
}: {
  id?: string;
  loaded: EditDraft<Draft, unknown>;
  back: string;
  decision: Decision | null;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <RecordFormPage
      className="page page-coordination-form"
      title={id ? t('coordination.actionItems.editTitle') : t('coordination.actionItems.newTitle')}
      description={t('coordination.actionItems.formDescription')}
      back={{
        to: back,
        label: id
          ? t('coordination.actionItems.backToItem')
          : t('coordination.meetings.backToMeeting'),
      }}
      mayWrite={canWriteCoordination(user)}
      notAllowed={t('coordination.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => (
        <>
          {decision ? (
            <blockquote className="decision-quote" dir="auto" data-testid="parent-decision">
              {decision.text}
            </blockquote>
          ) : null}
          <ItemForm initial={draft} id={id} cancelTo={back} />
        </>
      )}
    </RecordFormPage>
  );
}

function ItemForm({
  initial,
  id,
  cancelTo,
}: {
  initial: Draft;
  id?: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const { draft, set, errorOf, submission, submit } = useRecordForm(initial, checkItem);
  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = { ...current, title: current.title.trim(), ...sharingInput(current) };
      const saved = id ? await actionItems.update(id, input) : await actionItems.create(input);
      return `/coordination/actions/${saved.id}`;
    });
  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.actionItems.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      {errorOf('decisionId') ? <Notice tone="error">{errorOf('decisionId')}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('coordination.actionItems.details')}</legend>
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
            label={t('coordination.fields.owner')}
            value={draft.ownerOrgId}
            onValueChange={(ownerOrgId) => set({ ownerOrgId })}
            options={directory.organisations.map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t('common.choose')}
            error={errorOf('ownerOrgId')}
            required
          />
          <TextField
            label={t('coordination.fields.dueDate')}
            type="date"
            value={draft.dueDate}
            onValueChange={(dueDate) => set({ dueDate })}
            error={errorOf('dueDate')}
            required
          />
          <SelectField
            label={t('coordination.fields.status')}
            value={draft.status}
            onValueChange={(status) => set({ status: status as ActionItemStatus })}
            options={statusOptions(t)}
            error={errorOf('status')}
          />
        </div>
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
          label={id ? t('coordination.form.saveChanges') : t('coordination.actionItems.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
