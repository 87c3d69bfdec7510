/**
 * The people a TLP:RED record is released to: a search of the directory
 * (a WAI-ARIA combobox, narrowed by organisation if wished) adds a person,
 * and each person named shows as a chip that removes them.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { searchDirectoryUsers, type DirectoryUser } from '../../api/directory';
import type { Organisation } from '../../api/types';
import { useSession } from '../../app/session';
import { describeError } from '../../i18n/errors';
import { Icon } from '../icons';
import { knownUser, rememberUsers, useKnownUsers } from './knownUsers';

const DELAY_MS = 250;
const LIMIT = 12;

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; items: DirectoryUser[] }
  | { status: 'error'; error: unknown };

export function NamedUserPicker({
  selected,
  onChange,
  organisations,
  error,
}: {
  selected: readonly string[];
  onChange: (userIds: string[]) => void;
  organisations: readonly Organisation[];
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const [text, setText] = useState('');
  const [orgId, setOrgId] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<Results>({ status: 'idle' });
  useKnownUsers(selected);

  useEffect(() => {
    const q = text.trim();
    if (q === '' && orgId === '') {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setResults({ status: 'loading' });
      searchDirectoryUsers(
        { q: q || undefined, orgId: orgId || undefined, limit: LIMIT },
        controller.signal,
      ).then(
        (page) => {
          rememberUsers(page.items);
          setResults({ status: 'ready', items: page.items });
          setActive(page.items.length > 0 ? 0 : -1);
        },
        (failure: unknown) => {
          if (!controller.signal.aborted) setResults({ status: 'error', error: failure });
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, orgId]);

  // The author always reads a RED record; naming them again would change nothing.
  const items =
    results.status === 'ready'
      ? results.items.filter((person) => person.id !== user.id && !selected.includes(person.id))
      : [];
  const expanded = open && results.status !== 'idle';

  function pick(person: DirectoryUser): void {
    onChange([...selected, person.id]);
    setText('');
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      // Never submit the surrounding form from the search box.
      event.preventDefault();
      const chosen = items[active];
      if (expanded && chosen) pick(chosen);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const unavailable =
    results.status === 'error' && results.error instanceof ApiError && results.error.status === 404;

  return (
    <fieldset className={error ? 'field people-picker field-invalid' : 'field people-picker'}>
      <legend className="field-label">{t('sharing.people.label')}</legend>
      <p className="field-hint">{t('sharing.people.hint')}</p>
      <ul
        className="people-chips"
        aria-label={t('sharing.people.selected')}
        data-testid="named-people"
      >
        {selected.length === 0 ? <li className="cell-muted">{t('sharing.people.none')}</li> : null}
        {selected.map((userId) => {
          const person = knownUser(userId);
          const name = person?.displayName ?? userId;
          return (
            <li key={userId} className="person-chip">
              <span className={person ? 'cell-strong' : 'code'}>{name}</span>
              {person ? <span className="cell-muted">{person.organisationName}</span> : null}
              <button
                type="button"
                className="icon-button icon-button-small"
                aria-label={t('sharing.people.remove', { name })}
                onClick={() => onChange(selected.filter((entry) => entry !== userId))}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
      </ul>
      <div className="people-search">
        <div className="place-search">
          <label htmlFor={`${id}-input`} className="field-label">
            {t('sharing.people.search')}
          </label>
          <div className="search-box">
            <Icon name="search" />
            <input
              id={`${id}-input`}
              type="text"
              role="combobox"
              className="input"
              value={text}
              placeholder={t('sharing.people.placeholder')}
              autoComplete="off"
              spellCheck={false}
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={`${id}-list`}
              aria-activedescendant={
                expanded && active >= 0 && items[active] ? `${id}-option-${active}` : undefined
              }
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
            />
          </div>
          <ul
            id={`${id}-list`}
            role="listbox"
            className="place-options"
            hidden={!expanded}
            aria-label={t('sharing.people.matches')}
          >
            {results.status === 'loading' ? (
              <li className="place-option-note" role="presentation">
                {t('common.loading')}
              </li>
            ) : null}
            {results.status === 'error' ? (
              <li className="place-option-note field-error" role="presentation">
                {unavailable ? t('sharing.people.unavailable') : describeError(results.error, t)}
              </li>
            ) : null}
            {results.status === 'ready' && items.length === 0 ? (
              <li className="place-option-note" role="presentation">
                {t('sharing.people.noMatch')}
              </li>
            ) : null}
            {items.map((person, index) => (
              <li
                key={person.id}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'place-option place-option-active' : 'place-option'}
                // Before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className="cell-strong">{person.displayName}</span>
                <span className="cell-muted">{person.organisationName}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="field">
          <label htmlFor={`${id}-org`} className="field-label">
            {t('sharing.people.organisation')}
          </label>
          <select
            id={`${id}-org`}
            className="input select"
            value={orgId}
            onChange={(event) => {
              setOrgId(event.target.value);
              setOpen(true);
            }}
          >
            <option value="">{t('sharing.people.allOrganisations')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
