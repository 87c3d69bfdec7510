/**
 * What every coordination form keeps: the draft, the problems found in it
 * once the user tried to save (each in the user's language), the server's
 * refusal by field, and the save itself — which goes to the saved record.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import type { Catalogue } from '../../i18n';
import { useFormSubmit, type FormSubmit } from '../../lib/useFormSubmit';

export type Problem = keyof Catalogue['coordination']['problems'];
export type Problems = Record<string, Problem>;

export interface RecordForm<Draft> {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  /** The draft's problem at this API path, else the server's. */
  errorOf: (path: string) => string | undefined;
  submission: FormSubmit<true>;
  /** Checks the draft, then writes it and goes to the path `write` answers. */
  submit: (event: FormEvent, write: (draft: Draft) => Promise<string>) => Promise<void>;
}

export function useRecordForm<Draft>(
  initial: Draft,
  check: (draft: Draft) => Problems,
): RecordForm<Draft> {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const submission = useFormSubmit();
  const problems = checked ? check(draft) : {};

  const errorOf = (path: string) => {
    const problem = problems[path];
    return problem ? t(`coordination.problems.${problem}`) : submission.serverErrors[path];
  };

  async function submit(event: FormEvent, write: (draft: Draft) => Promise<string>) {
    event.preventDefault();
    setChecked(true);
    submission.start();
    if (Object.keys(check(draft)).length > 0) {
      submission.refuse(t('coordination.form.fixFields'));
      return;
    }
    await submission.save(true, async () => navigate(await write(draft)));
  }

  return {
    draft,
    set: (changes) => setDraft((current) => ({ ...current, ...changes })),
    errorOf,
    submission,
    submit,
  };
}
