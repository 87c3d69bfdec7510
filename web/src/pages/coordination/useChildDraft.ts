/**
 * The draft of a new record under a parent (a meeting of a group, a decision
 * of a meeting, an action item of a decision): the parent loads first, since
 * the draft starts from it (its sharing, its members), and a parent the
 * user may not read answers "not found" like any other.
 */
import type { EditDraft } from '../../lib/useEditDraft';
import { useLoaded } from '../../lib/useLoaded';

export function useChildDraft<Parent, Draft>(
  parentId: string,
  load: (id: string, signal: AbortSignal) => Promise<Parent>,
  blank: (parent: Parent) => Draft,
): { draft: EditDraft<Draft, never>; parent: Parent | null } {
  const { loaded } = useLoaded(parentId, load);
  if (loaded.status === 'loading') return { draft: { status: 'loading' }, parent: null };
  if (loaded.status === 'error')
    return { draft: { status: 'error', error: loaded.error }, parent: null };
  return {
    draft: { status: 'ready', draft: blank(loaded.value), stored: null },
    parent: loaded.value,
  };
}
