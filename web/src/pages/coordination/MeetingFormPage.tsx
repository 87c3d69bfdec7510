/**
 * Records a meeting of a working group, or corrects one (a new version):
 * date, place, the organisations taking part, agenda and minutes in
 * Markdown, and its sharing. A meeting never moves to another group.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  meetings,
  workingGroups,
  type Meeting,
  type MeetingInput,
  type WorkingGroup,
} from '../../api/coordination';
import { useSession } from '../../app/session';
import { CheckboxGroup, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useEditDraft, type EditDraft } from '../../lib/useEditDraft';
import { MarkdownField } from './MarkdownField';
import { canEditCoordination, canWriteCoordination } from './permissions';
import { inheritSharing, sharingInput, sharingOf } from './sharingDefaults';
import { useChildDraft } from './useChildDraft';
import { useRecordForm, type Problems } from './useRecordForm';

/** The server's limit on minutes (coordination.schema MAX_MINUTES_CHARS). */
const MAX_MINUTES_CHARS = 50_000;

type Draft = MeetingInput;

/** Never shown: an edit starts from the stored meeting (useEditDraft needs a blank all the same). */
const EMPTY_MEETING: Draft = {
  workingGroupId: '',
  date: '',
  place: '',
  participantOrgIds: [],
  agenda: '',
  minutes: '',
  marking: 'TLP:AMBER',
  releasableTo: [],
};

function draftFromMeeting(meeting: Meeting): Draft {
  const { workingGroupId, date, place, participantOrgIds, agenda, minutes } = meeting;
  return { workingGroupId, date, place, participantOrgIds, agenda, minutes, ...sharingOf(meeting) };
}

function checkMeeting(draft: Draft): Problems {
  const problems: Problems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.date = 'required';
  if (!draft.place.trim()) problems.place = 'required';
  if (draft.participantOrgIds.length === 0) problems.participantOrgIds = 'chooseOne';
  if (draft.minutes.length > MAX_MINUTES_CHARS) problems.minutes = 'tooLong';
  return problems;
}

export default function MeetingFormPage({
  id,
  workingGroupId,
}: {
  id?: string;
  workingGroupId?: string;
}) {
  return id ? <EditMeeting id={id} /> : <NewMeeting workingGroupId={workingGroupId ?? ''} />;
}

function NewMeeting({ workingGroupId }: { workingGroupId: string }) {
  const { user } = useSession();
  const { draft } = useChildDraft(workingGroupId, workingGroups.get, (group: WorkingGroup) => ({
    workingGroupId,
    date: new Date().toISOString().slice(0, 10),
    place: '',
    participantOrgIds: group.memberOrgIds,
    agenda: '',
    minutes: '',
    ...inheritSharing(group, user.organisation.id),
  }));
  return <MeetingFrame loaded={draft} back={`/coordination/groups/${workingGroupId}`} />;
}

function EditMeeting({ id }: { id: string }) {
  const loaded = useEditDraft(id, {
    load: meetings.get,
    mayEdit: canEditCoordination,
    toDraft: draftFromMeeting,
    blank: () => EMPTY_MEETING,
  });
  return <MeetingFrame id={id} loaded={loaded} back={`/coordination/meetings/${id}`} />;
}

function MeetingFrame({
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
      title={id ? t('coordination.meetings.editTitle') : t('coordination.meetings.newTitle')}
      description={t('coordination.meetings.formDescription')}
      back={{
        to: back,
        label: id ? t('coordination.meetings.backToMeeting') : t('coordination.groups.backToGroup'),
      }}
      mayWrite={canWriteCoordination(user)}
      notAllowed={t('coordination.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <MeetingForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function MeetingForm({
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
  const { draft, set, errorOf, submission, submit } = useRecordForm(initial, checkMeeting);

  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = { ...current, place: current.place.trim(), ...sharingInput(current) };
      const saved = id ? await meetings.update(id, input) : await meetings.create(input);
      return `/coordination/meetings/${saved.id}`;
    });

  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.meetings.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      {errorOf('workingGroupId') ? <Notice tone="error">{errorOf('workingGroupId')}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('coordination.meetings.details')}</legend>
        <div className="form-row form-row-2">
          <TextField
            label={t('coordination.fields.date')}
            type="date"
            value={draft.date}
            onValueChange={(date) => set({ date })}
            error={errorOf('date')}
            required
          />
          <TextField
            label={t('coordination.fields.place')}
            value={draft.place}
            onValueChange={(place) => set({ place })}
            error={errorOf('place')}
            dir="auto"
            required
          />
        </div>
        <CheckboxGroup
          legend={t('coordination.fields.participants')}
          options={directory.organisations.map((o) => ({
            value: o.id,
            label: o.name,
            description: o.country,
          }))}
          selected={draft.participantOrgIds}
          onChange={(participantOrgIds) => set({ participantOrgIds })}
          error={errorOf('participantOrgIds')}
        />
        <TextAreaField
          label={t('coordination.fields.agenda')}
          value={draft.agenda}
          onValueChange={(agenda) => set({ agenda })}
          error={errorOf('agenda')}
          rows={4}
          dir="auto"
        />
        <MarkdownField
          label={t('coordination.fields.minutes')}
          value={draft.minutes}
          onChange={(minutes) => set({ minutes })}
          error={errorOf('minutes')}
          maxLength={MAX_MINUTES_CHARS}
          testId="minutes-preview"
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
          label={id ? t('coordination.form.saveChanges') : t('coordination.meetings.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
