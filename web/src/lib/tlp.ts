/** TLP 2.0 markings: the order they are offered in and how a badge shows them. */
import { TLP_MARKINGS, type TlpMarking } from '../api/incidents';

export { TLP_MARKINGS, type TlpMarking };

export function isTlpMarking(value: string): value is TlpMarking {
  return (TLP_MARKINGS as readonly string[]).includes(value);
}

/** Markings that name organisations in a release list. */
export function releasesToOrganisations(marking: string): boolean {
  return marking === 'TLP:AMBER' || marking === 'TLP:AMBER+STRICT';
}

/** The CSS modifier of a marking badge (`tlp-amber-strict` …), `tlp-unknown` for anything else. */
export function tlpClass(marking: string): string {
  return isTlpMarking(marking)
    ? `tlp-${marking.slice(4).toLowerCase().replace('+', '-')}`
    : 'tlp-unknown';
}
