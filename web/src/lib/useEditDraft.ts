/**
 * The draft a record form starts from: a blank one for a new record, or the
 * stored record made into a draft once it has loaded — when the signed-in
 * user may edit it. Loads again if the id or the user changes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CurrentUser } from '../api/types';
import { useSession } from '../app/session';

export type EditDraft<Draft, Stored> =
  | { status: 'loading' }
  /** `stored` is null for a new record. */
  | { status: 'ready'; draft: Draft; stored: Stored | null }
  | { status: 'forbidden' }
  | { status: 'error'; error: unknown };

export interface EditDraftSource<Draft, Stored> {
  load: (id: string, signal: AbortSignal) => Promise<Stored>;
  mayEdit: (user: CurrentUser, stored: Stored) => boolean;
  toDraft: (stored: Stored) => Draft;
  blank: () => Draft;
}

export function useEditDraft<Draft, Stored>(
  id: string | undefined,
  source: EditDraftSource<Draft, Stored>,
): EditDraft<Draft, Stored> {
  const { user } = useSession();
  const sourceRef = useRef(source);
  useLayoutEffect(() => {
    sourceRef.current = source;
  });
  const [loaded, setLoaded] = useState<EditDraft<Draft, Stored>>(() =>
    id !== undefined
      ? { status: 'loading' }
      : { status: 'ready', draft: source.blank(), stored: null },
  );

  useEffect(() => {
    if (id === undefined) return;
    const controller = new AbortController();
    const { load, mayEdit, toDraft } = sourceRef.current;
    load(id, controller.signal).then(
      (stored) =>
        setLoaded(
          mayEdit(user, stored)
            ? { status: 'ready', draft: toDraft(stored), stored }
            : { status: 'forbidden' },
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, user]);

  return loaded;
}
