/**
 * The user menu in the header: who is signed in (name, organisation, roles),
 * the way to the security settings, and sign-out.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { currentLocale } from '../i18n';
import { countryName } from '../lib/countries';
import { Icon } from './icons';

/** Up to two initials from the words of a name that start with a letter ("Node administrator (demo)" -> "NA"). */
function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/u)
    .filter((part) => /^\p{L}/u.test(part));
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return letters
    .map((part) => (part ? Array.from(part)[0] : ''))
    .join('')
    .toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent): void {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  function go(path: string): void {
    setOpen(false);
    navigate(path);
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="user-menu-button"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu-name">{user.displayName}</span>
        <Icon name="chevronDown" />
      </button>
      {open ? (
        <div className="user-menu-panel" id={menuId}>
          <div className="user-menu-identity">
            <p className="user-menu-display-name">{user.displayName}</p>
            <p className="muted">{user.username}</p>
            <dl className="user-menu-facts">
              <dt>{t('userMenu.organisation')}</dt>
              <dd>
                {user.organisation.name}
                <span className="muted">
                  {' '}
                  · {countryName(user.organisation.country, currentLocale())}
                </span>
              </dd>
              <dt>{t('userMenu.roles')}</dt>
              <dd className="chips">
                {user.roles.map((role) => (
                  <span key={role} className="chip">
                    {t(`roles.${role}.name`)}
                  </span>
                ))}
              </dd>
            </dl>
          </div>
          <ul className="user-menu-actions">
            <li>
              <button type="button" className="menu-item" onClick={() => go('/account/security')}>
                <Icon name="key" />
                {t('userMenu.security')}
              </button>
            </li>
            <li>
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  void signOut();
                }}
              >
                <Icon name="logout" />
                {t('userMenu.signOut')}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
