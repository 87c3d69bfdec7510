/**
 * The sharing section of a record form: the sharing panel in a fieldset of
 * its own, offered every organisation the node knows.
 */
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { SharingPanel } from './SharingPanel';
import type { SharingValue } from './sharingRules';

export function SharingSection({
  legend,
  record,
  onChange,
  errorOf,
  recordId,
}: {
  legend: string;
  /** The record being written; only its marking and release list are read. */
  record: SharingValue;
  onChange: (value: SharingValue) => void;
  errorOf?: (path: string) => string | undefined;
  /** The record being edited, if any (see SharingPanel). */
  recordId?: string | undefined;
}) {
  const directory = useOrganisationDirectory();
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <SharingPanel
        value={{ marking: record.marking, releasableTo: record.releasableTo }}
        onChange={onChange}
        organisations={directory.organisations}
        errorOf={errorOf}
        recordId={recordId}
      />
    </fieldset>
  );
}
