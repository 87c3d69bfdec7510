/** Sets up a joint working group or corrects one (a new version); only its originator's editors may. */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workingGroups, type WorkingGroup, type WorkingGroupInput } from '../../api/coordination';
import { useSession } from '../../app/session';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useEditDraft } from '../../lib/useEditDraft';
import { canEditCoordination, canWriteCoordination } from './permissions';
import { NEW_GROUP_SHARING, sharingInput, sharingOf } from './sharingDefaults';
import { useRecordForm, type Problems } from './useRecordForm';

type Draft = WorkingGroupInput;

function blankGroup(ownOrgId: string): Draft {
  return {
    name: '',
    description: '',
    memberOrgIds: [ownOrgId],
    chairOrgId: ownOrgId,
    secretaryOrgId: ownOrgId,
    ...NEW_GROUP_SHARING,
  };
}

function draftFromGroup(group: WorkingGroup): Draft {
  const { name, description, memberOrgIds, chairOrgId, secretaryOrgId } = group;
  return { name, description, memberOrgIds, chairOrgId, secretaryOrgId, ...sharingOf(group) };
}

/** The server's rules, checked before sending: a name, members, a chair and secretary among them. */
function checkGroup(draft: Draft): Problems {
  const problems: Problems = {};
  if (!draft.name.trim()) problems.name = 'required';
  if (draft.memberOrgIds.length === 0) problems.memberOrgIds = 'chooseOne';
  if (!draft.chairOrgId) problems.chairOrgId = 'required';
  else if (!draft.memberOrgIds.includes(draft.chairOrgId)) problems.chairOrgId = 'notMember';
  if (!draft.secretaryOrgId) problems.secretaryOrgId = 'required';
  else if (!draft.memberOrgIds.includes(draft.secretaryOrgId))
    problems.secretaryOrgId = 'notMember';
  return problems;
}

export default function WorkingGroupFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useEditDraft(id, {
    load: workingGroups.get,
    mayEdit: canEditCoordination,
    toDraft: draftFromGroup,
    blank: () => blankGroup(user.organisation.id),
  });
  const back = id ? `/coordination/groups/${id}` : '/coordination';
  return (
    <RecordFormPage
      className="page page-coordination-form"
      title={id ? t('coordination.groups.editTitle') : t('coordination.groups.newTitle')}
      description={t('coordination.groups.formDescription')}
      back={{
        to: back,
        label: id ? t('coordination.groups.backToGroup') : t('coordination.groups.backToList'),
      }}
      mayWrite={canWriteCoordination(user)}
      notAllowed={t('coordination.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <WorkingGroupForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function WorkingGroupForm({
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
  const { draft, set, errorOf, submission, submit } = useRecordForm(initial, checkGroup);
  const members = directory.organisations.filter((o) => draft.memberOrgIds.includes(o.id));
  const memberOptions = members.map((o) => ({ value: o.id, label: o.name }));

  const save = (event: FormEvent) =>
    submit(event, async (current) => {
      const input = { ...current, name: current.name.trim(), ...sharingInput(current) };
      const saved = id ? await workingGroups.update(id, input) : await workingGroups.create(input);
      return `/coordination/groups/${saved.id}`;
    });

  return (
    <form
      ref={submission.formRef}
      className="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-label={t('coordination.groups.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('coordination.groups.profile')}</legend>
        <TextField
          label={t('coordination.fields.name')}
          value={draft.name}
          onValueChange={(name) => set({ name })}
          error={errorOf('name')}
          dir="auto"
          required
        />
        <TextAreaField
          label={t('coordination.fields.description')}
          value={draft.description}
          onValueChange={(description) => set({ description })}
          error={errorOf('description')}
          rows={3}
          dir="auto"
        />
        <CheckboxGroup
          legend={t('coordination.fields.members')}
          options={directory.organisations.map((o) => ({
            value: o.id,
            label: o.name,
            description: o.country,
          }))}
          selected={draft.memberOrgIds}
          onChange={(memberOrgIds) => set({ memberOrgIds })}
          error={errorOf('memberOrgIds')}
        />
        <div className="form-row form-row-2">
          <SelectField
            label={t('coordination.fields.chair')}
            value={draft.chairOrgId}
            onValueChange={(chairOrgId) => set({ chairOrgId })}
            options={memberOptions}
            placeholder={t('common.choose')}
            hint={t('coordination.groups.amongMembers')}
            error={errorOf('chairOrgId')}
          />
          <SelectField
            label={t('coordination.fields.secretary')}
            value={draft.secretaryOrgId}
            onValueChange={(secretaryOrgId) => set({ secretaryOrgId })}
            options={memberOptions}
            placeholder={t('common.choose')}
            hint={t('coordination.groups.amongMembers')}
            error={errorOf('secretaryOrgId')}
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
          label={id ? t('coordination.form.saveChanges') : t('coordination.groups.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
