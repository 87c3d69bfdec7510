import type { TFunction } from 'i18next';
import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '../api/types';

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function kindOptions(t: TFunction): { value: OrganisationKind; label: string }[] {
  return ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }));
}

/** The roles `actorRoles` may grant: only a node administrator grants node_admin. */
export function roleOptions(
  t: TFunction,
  actorRoles: readonly Role[],
): { value: Role; label: string; description: string }[] {
  const grantable = actorRoles.includes('node_admin')
    ? ROLES
    : ROLES.filter((role) => role !== 'node_admin');
  return grantable.map((role) => ({
    value: role,
    label: t(`roles.${role}.name`),
    description: t(`roles.${role}.description`),
  }));
}

export const MIN_PASSWORD_LENGTH = 12;
