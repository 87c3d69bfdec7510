/** Describes a new threat actor or corrects one (a new version); only its originator's editors may. */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createThreatActor,
  getThreatActor,
  MOTIVATION,
  SOPHISTICATION,
  updateThreatActor,
} from '../../api/intel';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { SharingPanel } from '../../components/sharing/SharingPanel';
import { describeError, fieldErrors } from '../../i18n/errors';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import {
  checkActorDraft,
  draftFromActor,
  EMPTY_ACTOR,
  inputFromActorDraft,
  type ActorDraft,
} from './actorDraft';
import { canEditRecord, canWriteIntel } from './permissions';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; draft: ActorDraft }
  | { status: 'forbidden' }
  | { status: 'error'; error: unknown };

export default function ActorFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const title = id ? t('intel.actors.editTitle') : t('intel.actors.newTitle');
  useDocumentTitle(title);
  const [loaded, setLoaded] = useState<Loaded>(() =>
    id ? { status: 'loading' } : { status: 'ready', draft: EMPTY_ACTOR },
  );

  useEffect(() => {
    if (id === undefined) return;
    const controller = new AbortController();
    getThreatActor(id, controller.signal).then(
      (actor) =>
        setLoaded(
          canEditRecord(user, actor)
            ? { status: 'ready', draft: draftFromActor(actor) }
            : { status: 'forbidden' },
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, user]);

  const back = id ? `/intel/actors/${id}` : '/intel/actors';
  let body;
  if (!canWriteIntel(user) || loaded.status === 'forbidden') {
    body = <EmptyState title={t('forbidden.title')}>{t('intel.actors.notAllowed')}</EmptyState>;
  } else if (loaded.status === 'loading') {
    body = (
      <div className="page-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  } else if (loaded.status === 'error') {
    body = <Notice tone="error">{describeError(loaded.error, t)}</Notice>;
  } else {
    body = <ActorForm initial={loaded.draft} id={id} cancelTo={back} />;
  }
  return (
    <div className="page page-report-form">
      <Link to={back} className="back-link">
        ← {id ? t('intel.actors.backToActor') : t('intel.actors.backToList')}
      </Link>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="page-description">{t('intel.actors.formDescription')}</p>
      </header>
      {body}
    </div>
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
  const directory = useOrganisationDirectory();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<ActorDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const localErrors = useMemo(() => (checked ? checkActorDraft(draft) : {}), [checked, draft]);
  const errorOf = (path: string) => {
    const local = localErrors[path];
    if (local) return t(`intel.form.problems.${local}`);
    return serverErrors[path];
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setChecked(true);
    setServerErrors({});
    setFormError(null);
    if (Object.keys(checkActorDraft(draft)).length > 0) {
      setFormError(t('intel.form.fixFields'));
      return;
    }
    setBusy(true);
    try {
      const input = inputFromActorDraft(draft);
      const saved = id ? await updateThreatActor(id, input) : await createThreatActor(input);
      navigate(`/intel/actors/${saved.id}`);
    } catch (failure) {
      setServerErrors(fieldErrors(failure));
      setFormError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const none = { value: '', label: t('intel.form.none') };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('intel.actors.formLabel')}
    >
      {formError ? <Notice tone="error">{formError}</Notice> : null}
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
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy
            ? t('common.saving')
            : id
              ? t('intel.actors.saveChanges')
              : t('intel.actors.create')}
        </button>
      </div>
    </form>
  );
}
