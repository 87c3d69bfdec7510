/** Describes a new threat actor or corrects one (a new version); only its originator's editors may. */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createThreatActor,
  getThreatActor,
  MOTIVATION,
  SOPHISTICATION,
  updateThreatActor,
} from '../../api/intel';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions, SaveButton } from '../../components/FormActions';
import { Notice } from '../../components/Notice';
import { RecordFormPage } from '../../components/RecordFormPage';
import { SharingSection } from '../../components/sharing/SharingSection';
import { useEditDraft } from '../../lib/useEditDraft';
import { useFormSubmit } from '../../lib/useFormSubmit';
import {
  checkActorDraft,
  draftFromActor,
  EMPTY_ACTOR,
  inputFromActorDraft,
  type ActorDraft,
} from './actorDraft';
import { canEditRecord, canWriteIntel } from './permissions';

export default function ActorFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useEditDraft(id, {
    load: getThreatActor,
    mayEdit: canEditRecord,
    toDraft: draftFromActor,
    blank: () => EMPTY_ACTOR,
  });
  const back = id ? `/intel/actors/${id}` : '/intel/actors';

  return (
    <RecordFormPage
      className="page page-report-form"
      title={id ? t('intel.actors.editTitle') : t('intel.actors.newTitle')}
      description={t('intel.actors.formDescription')}
      back={{
        to: back,
        label: id ? t('intel.actors.backToActor') : t('intel.actors.backToList'),
      }}
      mayWrite={canWriteIntel(user)}
      notAllowed={t('intel.actors.notAllowed')}
      loaded={loaded}
    >
      {({ draft }) => <ActorForm initial={draft} id={id} cancelTo={back} />}
    </RecordFormPage>
  );
}

function ActorForm({
  initial,
  id,
  cancelTo,
}: {
  initial: ActorDraft;
  id: string | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const submission = useFormSubmit();
  const set = (changes: Partial<ActorDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const localErrors = useMemo(() => (checked ? checkActorDraft(draft) : {}), [checked, draft]);
  const errorOf = (path: string) => {
    const local = localErrors[path];
    if (local) return t(`intel.form.problems.${local}`);
    return submission.serverErrors[path];
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setChecked(true);
    submission.start();
    if (Object.keys(checkActorDraft(draft)).length > 0) {
      submission.refuse(t('intel.form.fixFields'));
      return;
    }
    await submission.save(true, async () => {
      const input = inputFromActorDraft(draft);
      const saved = id ? await updateThreatActor(id, input) : await createThreatActor(input);
      navigate(`/intel/actors/${saved.id}`);
    });
  }

  const none = { value: '', label: t('intel.form.none') };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('intel.actors.formLabel')}
    >
      {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
      <fieldset className="form-section">
        <legend>{t('intel.actors.profile')}</legend>
        <Notice tone="info">{t('intel.actors.groupsOnly')}</Notice>
        <div className="form-row form-row-2">
          <TextField
            label={t('intel.actorFields.name')}
            value={draft.name}
            onValueChange={(name) => set({ name })}
            error={errorOf('name')}
            dir="auto"
            required
          />
          <TextAreaField
            label={t('intel.actorFields.aliases')}
            value={draft.aliases}
            onValueChange={(aliases) => set({ aliases })}
            hint={t('intel.actors.aliasesHint')}
            error={errorOf('aliases')}
            rows={3}
            dir="auto"
          />
        </div>
        <TextAreaField
          label={t('intel.actorFields.description')}
          value={draft.description}
          onValueChange={(description) => set({ description })}
          error={errorOf('description')}
          rows={6}
          dir="auto"
        />
        <div className="form-row form-row-4">
          <SelectField
            label={t('intel.actorFields.sophistication')}
            value={draft.sophistication}
            onValueChange={(value) =>
              set({ sophistication: value as ActorDraft['sophistication'] })
            }
            options={[
              none,
              ...SOPHISTICATION.map((v) => ({ value: v, label: t(`intel.sophistication.${v}`) })),
            ]}
            error={errorOf('sophistication')}
          />
          <SelectField
            label={t('intel.actorFields.primaryMotivation')}
            value={draft.primaryMotivation}
            onValueChange={(value) =>
              set({ primaryMotivation: value as ActorDraft['primaryMotivation'] })
            }
            options={[
              none,
              ...MOTIVATION.map((v) => ({ value: v, label: t(`intel.motivation.${v}`) })),
            ]}
            error={errorOf('primaryMotivation')}
          />
          <TextField
            label={t('intel.actorFields.firstSeen')}
            type="date"
            value={draft.firstSeen}
            max={draft.lastSeen || undefined}
            onValueChange={(firstSeen) => set({ firstSeen })}
            error={errorOf('firstSeen')}
          />
          <TextField
            label={t('intel.actorFields.lastSeen')}
            type="date"
            value={draft.lastSeen}
            min={draft.firstSeen || undefined}
            onValueChange={(lastSeen) => set({ lastSeen })}
            error={errorOf('lastSeen')}
          />
        </div>
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
          label={id ? t('intel.actors.saveChanges') : t('intel.actors.create')}
          saving={submission.busy !== null}
          disabled={submission.busy !== null}
        />
      </FormActions>
    </form>
  );
}
