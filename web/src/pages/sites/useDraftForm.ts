/**
 * What the site and movement forms keep: the draft, the problems found in it
 * once the user tried to save (each in the user's language), the server's
 * refusal by field, and the save itself — which goes to the saved record.
 * As coordination's useRecordForm, with the feature's own problem texts.
 */
import { useState, type FormEvent } from 'react';
import { navigate } from '../../app/router';
import { useFormSubmit, type FormSubmit } from '../../lib/useFormSubmit';

export interface DraftForm<Draft> {
  draft: Draft;
  set: (changes: Partial<Draft>) => void;
  /** The draft's problem at this API path, else the server's. */
  errorOf: (path: string) => string | undefined;
  submission: FormSubmit<true>;
  submit: (event: FormEvent, write: (draft: Draft) => Promise<string>) => Promise<void>;
}

export function useDraftForm<Draft, Problem extends string>(
  initial: Draft,
  check: (draft: Draft) => Record<string, Problem>,
  problemText: (problem: Problem) => string,
  fixFields: string,
): DraftForm<Draft> {
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const submission = useFormSubmit();
  const problems = checked ? check(draft) : {};

  const errorOf = (path: string) => {
    const problem = problems[path];
    return problem ? problemText(problem) : submission.serverErrors[path];
  };

  async function submit(event: FormEvent, write: (draft: Draft) => Promise<string>) {
    event.preventDefault();
    setChecked(true);
    submission.start();
    if (Object.keys(check(draft)).length > 0) {
      submission.refuse(fixFields);
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
