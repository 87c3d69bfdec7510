/**
 * What a record form keeps around saving. `useFormSubmit`: which save is
 * running, the server's refusal (by field, and as one message), and after a
 * refused attempt the keyboard taken to the first field in trouble — for a
 * form that attaches `formRef`. `useProblemsUntilFixed`: the problems found
 * in the draft on submit, each shown until its field is put right.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrors } from '../i18n/errors';

export interface FormSubmit<Intent> {
  formRef: RefObject<HTMLFormElement | null>;
  /** The save under way, null when none. */
  busy: Intent | null;
  formError: string | null;
  /** The server's messages by field path (e.g. `place.lat`). */
  serverErrors: Record<string, string>;
  /** A new attempt: forget what the last one was told. */
  start: () => void;
  /** The draft is not fit to send: say why, and go to the first field in trouble. */
  refuse: (message: string) => void;
  /** Runs `write`; a failure shows by field and as the form's message. */
  save: (intent: Intent, write: () => Promise<void>) => Promise<void>;
}

export function useFormSubmit<Intent = true>(): FormSubmit<Intent> {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState<Intent | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  function start(): void {
    setServerErrors({});
    setFormError(null);
  }

  function refuse(message: string): void {
    setFormError(message);
    setAttempt((n) => n + 1);
  }

  async function save(intent: Intent, write: () => Promise<void>): Promise<void> {
    setBusy(intent);
    try {
      await write();
    } catch (failure) {
      setServerErrors(fieldErrors(failure));
      setFormError(describeError(failure, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(null);
    }
  }

  return { formRef, busy, formError, serverErrors, start, refuse, save };
}

export function useProblemsUntilFixed<Draft, Problem>(
  draft: Draft,
  check: (draft: Draft) => Record<string, Problem>,
): { shown: Record<string, Problem>; setFound: (found: Record<string, Problem>) => void } {
  const [found, setFound] = useState<Record<string, Problem>>({});
  const shown = useMemo(() => {
    const now = check(draft);
    const still: Record<string, Problem> = {};
    for (const path of Object.keys(found)) {
      const problem = now[path];
      if (problem) still[path] = problem;
    }
    return still;
  }, [draft, found, check]);
  return { shown, setFound };
}
