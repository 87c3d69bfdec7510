/**
 * The signed-in user and the node, for every page inside the layout.
 * Outside the layout (sign-in, bootstrap) there is no user and pages get
 * what they need through props.
 */
import { createContext, useContext } from 'react';
import type { CurrentUser, NodeInfo, Role } from '../api/types';

export interface SessionValue {
  node: NodeInfo;
  user: CurrentUser;
  replaceUser: (user: CurrentUser) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null)
    throw new Error('useSession() is only available inside the signed-in layout.');
  return value;
}

export function hasAnyRole(user: CurrentUser, roles: readonly Role[] | undefined): boolean {
  return roles === undefined || roles.some((role) => user.roles.includes(role));
}
