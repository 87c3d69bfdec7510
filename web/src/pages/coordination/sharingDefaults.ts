/**
 * The sharing a new record starts from. A child starts as its parent is
 * shared, and when the writer is not the parent's originator, released to
 * that originator too — so that whoever keeps the group can read what was
 * added to it. The writer can change it before saving.
 */
import type { CoordinationSharing, SharingFields } from '../../api/coordination';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { isTlpMarking } from '../../lib/tlp';

/** A new working group: shared with the community, as the demo's groups are. */
export const NEW_GROUP_SHARING: SharingFields = { marking: 'TLP:GREEN', releasableTo: [] };

export function inheritSharing(parent: CoordinationSharing, ownOrgId: string): SharingFields {
  if (!isTlpMarking(parent.marking)) return { marking: 'TLP:AMBER', releasableTo: [] };
  const marking = parent.marking;
  const inherited = releaseListFor(marking, parent.releasableTo ?? []);
  if (marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT') {
    const originator = parent.createdBy === ownOrgId ? [] : [parent.createdBy];
    return { marking, releasableTo: [...new Set([...inherited, ...originator])] };
  }
  return { marking, releasableTo: inherited };
}

/** The sharing of a stored record, as a form edits it. */
export function sharingOf(record: CoordinationSharing): SharingFields {
  return {
    marking: isTlpMarking(record.marking) ? record.marking : 'TLP:AMBER',
    releasableTo: record.releasableTo ?? [],
  };
}

export function sharingInput(draft: SharingFields): SharingFields {
  return {
    marking: draft.marking,
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}
