/**
 * What a release list means under each marking (TLP 2.0 as core/policy reads
 * it): organisations or groups for AMBER and AMBER+STRICT, people for RED,
 * nobody for CLEAR and GREEN, which reach everyone anyway.
 *
 * While a record is edited its list may hold both kinds, so that trying RED
 * and going back to AMBER keeps the organisations already ticked; only the
 * entries the chosen marking reads are ever sent.
 */
import type { TlpMarking } from '../../api/incidents';

export interface SharingValue {
  marking: TlpMarking;
  releasableTo: string[];
}

export function isUserId(id: string): boolean {
  return id.startsWith('user--');
}

export function isOrganisationOrGroupId(id: string): boolean {
  return id.startsWith('identity--') || id.startsWith('group--');
}

/** The entries of `entries` that the marking reads, in their order, without repeats. */
export function releaseListFor(marking: string, entries: readonly string[]): string[] {
  let keep: (id: string) => boolean;
  if (marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT') keep = isOrganisationOrGroupId;
  else if (marking === 'TLP:RED') keep = isUserId;
  else keep = () => false;
  return [...new Set(entries.filter(keep))];
}

/** Whether the marking names people (RED) rather than organisations. */
export function namesPeople(marking: string): boolean {
  return marking === 'TLP:RED';
}
