/**
 * Assigning the escort of an approved movement: organisation, unit, call
 * sign, strength, vehicles, and the two codes the crew will check in with.
 * The codes are sent once and never shown again (the server keeps only
 * their hashes). The duress code is explained on the form: a crew member
 * forced to check in types it instead of the normal code; the phone shows
 * exactly the same thing, and the operations room gets the highest alarm.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assignEscort, type Movement } from '../../api/movements';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { checkEscort, escortInput, type EscortDraft } from './escortDraft';

function blankEscort(movement: Movement): EscortDraft {
  const escort = movement.escort;
  return {
    orgId: escort?.orgId ?? '',
    unit: escort?.unit ?? '',
    callSign: escort?.callSign ?? '',
    strength: escort ? String(escort.strength) : '',
    vehicles:
      escort?.vehicles
        .map((v) => `${v.kind}${v.registration ? ` ${v.registration}` : ''}`)
        .join('\n') ?? '',
    checkinCode: '',
    duressCode: '',
  };
}

export function EscortForm({
  movement,
  open,
  onClose,
  onAssigned,
}: {
  movement: Movement;
  open: boolean;
  onClose: () => void;
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const directory = useOrganisationDirectory();
  const [draft, setDraft] = useState<EscortDraft>(() => blankEscort(movement));
  const [checked, setChecked] = useState(false);
  const submission = useFormSubmit();
  const problems = checked ? checkEscort(draft) : {};
  const errorOf = (path: string) => {
    const problem = problems[path];
    return problem ? t(`movements.escort.problems.${problem}`) : submission.serverErrors[path];
  };
  const set = (changes: Partial<EscortDraft>) =>
    setDraft((current) => ({ ...current, ...changes }));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setChecked(true);
    submission.start();
    if (Object.keys(checkEscort(draft)).length > 0) {
      submission.refuse(t('movements.form.fixFields'));
      return;
    }
    await submission.save(true, async () => {
      await assignEscort(movement.id, escortInput(draft));
      setDraft((current) => ({ ...current, checkinCode: '', duressCode: '' }));
      onAssigned();
    });
  }

  return (
    <Dialog title={t('movements.escort.title')} open={open} onClose={onClose}>
      <form
        ref={submission.formRef}
        className="form"
        noValidate
        onSubmit={(event) => void save(event)}
        aria-label={t('movements.escort.title')}
        data-testid="escort-form"
      >
        {submission.formError ? <Notice tone="error">{submission.formError}</Notice> : null}
        <SelectField
          label={t('movements.escort.organisation')}
          value={draft.orgId}
          onValueChange={(orgId) => set({ orgId })}
          options={directory.organisations.map((o) => ({ value: o.id, label: o.name }))}
          placeholder={t('common.choose')}
          error={errorOf('orgId')}
        />
        <div className="form-row form-row-3">
          <TextField
            label={t('movements.escort.unit')}
            value={draft.unit}
            onValueChange={(unit) => set({ unit })}
            error={errorOf('unit')}
            dir="auto"
          />
          <TextField
            label={t('movements.escort.callSign')}
            value={draft.callSign}
            onValueChange={(callSign) => set({ callSign })}
            error={errorOf('callSign')}
            dir="auto"
          />
          <TextField
            label={t('movements.escort.strength')}
            type="number"
            min={1}
            value={draft.strength}
            onValueChange={(strength) => set({ strength })}
            error={errorOf('strength')}
            hint={t('movements.escort.strengthHint')}
          />
        </div>
        <label className="field">
          <span className="field-label">{t('movements.escort.vehicles')}</span>
          <textarea
            className="input textarea"
            rows={3}
            value={draft.vehicles}
            onChange={(event) => set({ vehicles: event.target.value })}
            aria-describedby="escort-vehicles-hint"
            dir="auto"
          />
          <span id="escort-vehicles-hint" className="field-hint">
            {t('movements.escort.vehiclesHint')}
          </span>
        </label>
        <fieldset className="form-section">
          <legend>{t('movements.escort.codes')}</legend>
          <p className="field-hint">{t('movements.escort.codesExplanation')}</p>
          <div className="form-row form-row-2">
            <TextField
              label={t('movements.escort.checkinCode')}
              value={draft.checkinCode}
              onValueChange={(checkinCode) => set({ checkinCode })}
              error={errorOf('checkinCode')}
              hint={t('movements.escort.checkinCodeHint')}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
            <TextField
              label={t('movements.escort.duressCode')}
              value={draft.duressCode}
              onValueChange={(duressCode) => set({ duressCode })}
              error={errorOf('duressCode')}
              hint={t('movements.escort.duressCodeHint')}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
          </div>
          <Notice tone="warning">{t('movements.escort.duressExplanation')}</Notice>
        </fieldset>
        <div className="form-row-buttons">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={submission.busy !== null}
          >
            {submission.busy !== null ? t('common.saving') : t('movements.escort.assign')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
