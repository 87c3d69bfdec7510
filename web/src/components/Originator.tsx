/**
 * Who wrote a record, as the lists show it: names come from the node's
 * organisation directory (lib/organisationDirectory), which may fail to load
 * or not know a peer's organisation; the list still shows then.
 */
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';
import type { OrganisationDirectory } from '../lib/organisationDirectory';
import { Notice } from './Notice';

/** The originator column of a record list. */
export function OriginatorCell({
  directory,
  orgId,
  unknownLabel,
}: {
  directory: OrganisationDirectory;
  orgId: string;
  unknownLabel: string;
}) {
  return (
    <td className="cell-org">
      {directory.nameOf(orgId) ?? <span className="cell-muted">{unknownLabel}</span>}
    </td>
  );
}

/** A warning that names cannot be shown, when the directory failed to load. */
export function DirectoryWarning({ directory }: { directory: OrganisationDirectory }) {
  const { t } = useTranslation();
  return directory.status === 'error' ? (
    <Notice tone="warning">{describeError(directory.error, t)}</Notice>
  ) : null;
}
