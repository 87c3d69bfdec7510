/**
 * The people a TLP:RED record is released to: a search of the directory
 * (a WAI-ARIA combobox, narrowed by organisation if wished) adds a person,
 * and each person named shows as a chip that removes them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { searchDirectoryUsers, type DirectoryUser } from '../../api/directory';
import type { Organisation } from '../../api/types';
import { useSession } from '../../app/session';
import { describeError } from '../../i18n/errors';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
import { FieldError } from '../Field';
import { Icon } from '../icons';
import { SearchCombobox, useCombobox } from '../SearchCombobox';
import { knownUser, rememberUsers, useKnownUsers } from './knownUsers';

const DELAY_MS = 250;
const LIMIT = 12;

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
  useKnownUsers(selected);
  const results = useDebouncedSearch(
    text.trim() === '' && orgId === '' ? null : { text, orgId },
    async (query, signal) => {
      const page = await searchDirectoryUsers(
        { q: query.text.trim() || undefined, orgId: query.orgId || undefined, limit: LIMIT },
        signal,
      );
      rememberUsers(page.items);
      return page.items;
    },
    DELAY_MS,
  );
  const combobox = useCombobox<DirectoryUser>({
    results,
    // The author always reads a RED record; naming them again would change nothing.
    items:
      results.status === 'ready'
        ? results.result.filter((person) => person.id !== user.id && !selected.includes(person.id))
        : [],
    onPick: (person) => {
      onChange([...selected, person.id]);
      setText('');
    },
    closeOnPick: false,
  });

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
              {person ? (
                <span className="cell-muted">
                  {person.organisationName}
                  {person.active ? '' : ` · ${t('sharing.people.disabled')}`}
                </span>
              ) : null}
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
        <SearchCombobox
          combobox={combobox}
          text={text}
          onTextChange={setText}
          label={t('sharing.people.search')}
          placeholder={t('sharing.people.placeholder')}
          listLabel={t('sharing.people.matches')}
          noMatch={t('sharing.people.noMatch')}
          describeFailure={(failure) =>
            failure instanceof ApiError && failure.status === 404
              ? t('sharing.people.unavailable')
              : describeError(failure, t)
          }
          itemKey={(person) => person.id}
          renderItem={(person) => (
            <>
              <span className="cell-strong">{person.displayName}</span>
              <span className="cell-muted">{person.organisationName}</span>
            </>
          )}
        />
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
              combobox.open();
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
      <FieldError message={error} />
    </fieldset>
  );
}
