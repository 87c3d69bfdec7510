/**
 * The foot of a record form, which stays in view while the form scrolls:
 * "cancel" back to where the user came from, and the save buttons.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';

export function FormActions({ cancelTo, children }: { cancelTo: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions form-actions-sticky">
      <Link to={cancelTo} className="button button-secondary">
        {t('common.cancel')}
      </Link>
      {children}
    </div>
  );
}

/** A save button that reads "Saving…" while its own save runs. */
export function SaveButton({
  label,
  saving,
  disabled,
  primary = true,
  onClick,
}: {
  label: string;
  saving: boolean;
  disabled: boolean;
  primary?: boolean;
  /** Without it the button submits the form. */
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={primary ? 'button button-primary' : 'button button-secondary'}
      disabled={disabled}
      onClick={onClick}
    >
      {saving ? t('common.saving') : label}
    </button>
  );
}
