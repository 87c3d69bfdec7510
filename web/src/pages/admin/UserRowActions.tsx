/** Per-user actions in the users table: change roles, disable or enable the account. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUser } from '../../api/admin';
import type { Role, UserSummary } from '../../api/types';
import { useSession } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { CheckboxGroup } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { describeError, fieldErrors } from '../../i18n/errors';
import { roleOptions } from '../../lib/organisationOptions';

interface UserRowActionsProps {
  user: UserSummary;
  onUpdated: (user: UserSummary, message: string) => void;
}

export function UserRowActions({ user, onUpdated }: UserRowActionsProps) {
  const { t } = useTranslation();
  const session = useSession();
  const [dialog, setDialog] = useState<'roles' | 'status' | null>(null);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const [rolesError, setRolesError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const isSelf = user.id === session.user.id;

  function open(which: 'roles' | 'status'): void {
    setRoles(user.roles);
    setError(null);
    setRolesError(undefined);
    setDialog(which);
  }

  async function save(
    changes: { roles?: Role[]; disabled?: boolean },
    message: string,
  ): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const updated = await updateUser(user.id, changes);
      setDialog(null);
      onUpdated(updated, message);
    } catch (failure) {
      setRolesError(fieldErrors(failure).roles);
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const name = user.displayName;
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={() => open('roles')}
        disabled={isSelf}
        title={isSelf ? t('users.cannotChangeOwnRoles') : undefined}
      >
        {t('users.changeRoles')}
      </button>
      <button
        type="button"
        className={
          user.disabled
            ? 'button button-small button-secondary'
            : 'button button-small button-danger-outline'
        }
        onClick={() => open('status')}
        disabled={isSelf}
        title={isSelf ? t('users.cannotDisableSelf') : undefined}
      >
        {user.disabled ? t('users.enable') : t('users.disable')}
      </button>

      <Dialog
        title={t('users.rolesTitle', { name })}
        open={dialog === 'roles'}
        onClose={() => setDialog(null)}
        footer={
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDialog(null)}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || roles.length === 0}
              onClick={() => void save({ roles }, t('users.rolesSaved', { name }))}
            >
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </>
        }
      >
        {error ? <Notice tone="error">{error}</Notice> : null}
        <CheckboxGroup
          legend={t('users.fields.roles')}
          options={roleOptions(t, session.user.roles)}
          selected={roles}
          onChange={setRoles}
          error={roles.length === 0 ? t('validation.chooseOneRole') : rolesError}
        />
      </Dialog>

      <Dialog
        title={user.disabled ? t('users.enableTitle', { name }) : t('users.disableTitle', { name })}
        open={dialog === 'status'}
        onClose={() => setDialog(null)}
        size="small"
        footer={
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDialog(null)}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={user.disabled ? 'button button-primary' : 'button button-danger'}
              disabled={busy}
              onClick={() =>
                void save(
                  { disabled: !user.disabled },
                  user.disabled
                    ? t('users.enabledNotice', { name })
                    : t('users.disabledNotice', { name }),
                )
              }
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
          </>
        }
      >
        {error ? <Notice tone="error">{error}</Notice> : null}
        <p>{user.disabled ? t('users.enableExplanation') : t('users.disableExplanation')}</p>
      </Dialog>
    </div>
  );
}
