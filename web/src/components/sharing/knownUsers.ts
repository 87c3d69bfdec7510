/**
 * Names of the people named on release lists, so that a release list and
 * the audience preview show names rather than ids. People found by a search
 * are remembered; others are looked up by id (`useKnownUsers`), once per
 * page life. Someone the directory does not return (a disabled account)
 * keeps showing as their id.
 */
import { useEffect, useState } from 'react';
import { lookUpDirectoryUsers, type DirectoryUser } from '../../api/directory';

const known = new Map<string, DirectoryUser>();
/** Ids already asked for, found or not, so that a missing person is not asked for again. */
const asked = new Set<string>();
const LOOKUP_LIMIT = 50;

export function rememberUsers(users: readonly DirectoryUser[]): void {
  for (const user of users) {
    known.set(user.id, user);
    asked.add(user.id);
  }
}

export function knownUser(id: string): DirectoryUser | undefined {
  return known.get(id);
}

/** Looks up the people among `ids` not known yet; re-renders the caller when names arrive. */
export function useKnownUsers(ids: readonly string[]): void {
  const [, setVersion] = useState(0);
  const missing = ids.filter((id) => id.startsWith('user--') && !asked.has(id));
  const key = missing.slice(0, LOOKUP_LIMIT).join(',');
  useEffect(() => {
    if (key === '') return;
    const controller = new AbortController();
    const wanted = key.split(',');
    lookUpDirectoryUsers(wanted, controller.signal).then(
      (users) => {
        rememberUsers(users);
        for (const id of wanted) asked.add(id);
        setVersion((v) => v + 1);
      },
      () => undefined, // names are a comfort: the ids still show
    );
    return () => controller.abort();
  }, [key]);
}
