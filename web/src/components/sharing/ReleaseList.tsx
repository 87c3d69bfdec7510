/**
 * A record's release list as its originator sees it: organisations by name,
 * and on TLP:RED people by name (looked up in the directory; by id while
 * that answer is on its way, or when the directory does not know them).
 */
import { useTranslation } from 'react-i18next';
import type { OrganisationDirectory } from '../../lib/organisationDirectory';
import { knownUser, useKnownUsers } from './knownUsers';
import { isUserId } from './sharingRules';

export function ReleaseList({
  ids,
  directory,
}: {
  ids: readonly string[];
  directory: OrganisationDirectory;
}) {
  const { t } = useTranslation();
  useKnownUsers(ids);
  if (ids.length === 0) return <>{t('sharing.releasedToNobody')}</>;
  return (
    <ul className="inline-list">
      {ids.map((id) => (
        <li key={id}>
          {isUserId(id) ? (
            <PersonName id={id} />
          ) : (
            (directory.nameOf(id) ?? t('sharing.unknownOrganisation'))
          )}
        </li>
      ))}
    </ul>
  );
}

/** A person on a release list: their name once known (a disabled account says so), else the id. */
function PersonName({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = knownUser(id);
  if (!person) return <span className="code">{id}</span>;
  return (
    <>
      {person.displayName}
      {person.active ? null : <span className="cell-muted"> ({t('sharing.people.disabled')})</span>}
    </>
  );
}
