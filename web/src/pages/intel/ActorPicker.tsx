/**
 * The threat actors a report names: the chosen ones as removable chips, and
 * a search over the actors the user may read (GET /api/threat-actors) whose
 * matches are ticked on or off.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreatActors } from '../../api/intel';
import { FieldError } from '../../components/Field';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/errors';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';

const DELAY_MS = 250;
const LIMIT = 20;

type ActorRef = { id: string; name: string };

export function ActorPicker({
  value,
  onChange,
  error,
}: {
  value: ActorRef[];
  onChange: (actors: ActorRef[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  // With no text it lists the first actors at once; typing waits for a pause.
  const results = useDebouncedSearch(
    text,
    async (query, signal) => {
      const page = await listThreatActors(
        { q: query.trim() || undefined, limit: LIMIT, cursor: null },
        signal,
      );
      return { items: page.items, more: page.nextCursor !== null };
    },
    (query) => (query.trim() === '' ? 0 : DELAY_MS),
  );

  const chosen = new Set(value.map((actor) => actor.id));
  const toggle = (actor: ActorRef, on: boolean) =>
    onChange(on ? [...value, actor] : value.filter((entry) => entry.id !== actor.id));

  return (
    <fieldset className={error ? 'field actor-picker field-invalid' : 'field actor-picker'}>
      <legend className="field-label">{t('intel.fields.threatActors')}</legend>
      <ul className="people-chips" aria-label={t('intel.form.actorsChosen')}>
        {value.length === 0 ? (
          <li className="cell-muted">{t('intel.form.noActorsChosen')}</li>
        ) : null}
        {value.map((actor) => (
          <li key={actor.id} className="person-chip">
            <span className="cell-strong">{actor.name}</span>
            <button
              type="button"
              className="icon-button icon-button-small"
              aria-label={t('intel.form.removeActor', { name: actor.name })}
              onClick={() => toggle(actor, false)}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <div className="search-box actor-search">
        <Icon name="search" />
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('intel.form.findActor')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="input"
          value={text}
          placeholder={t('intel.form.findActor')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search must not submit the report.
            if (event.key === 'Enter') event.preventDefault();
          }}
          autoComplete="off"
        />
      </div>
      <div className="actor-options" aria-live="polite" aria-busy={results.status === 'loading'}>
        {results.status === 'loading' ? <p className="cell-muted">{t('common.loading')}</p> : null}
        {results.status === 'error' ? (
          <p className="field-error">{describeError(results.error, t)}</p>
        ) : null}
        {results.status === 'ready' && results.result.items.length === 0 ? (
          <p className="cell-muted">
            {text.trim() ? t('intel.form.noActorMatch') : t('intel.form.noActorsYet')}
          </p>
        ) : null}
        {results.status === 'ready'
          ? results.result.items.map((actor) => (
              <label key={actor.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(actor.id)}
                  onChange={(event) =>
                    toggle({ id: actor.id, name: actor.name }, event.target.checked)
                  }
                />
                <span className="checkbox-label">{actor.name}</span>
              </label>
            ))
          : null}
        {results.status === 'ready' && results.result.more ? (
          <p className="field-hint">{t('intel.form.moreActors')}</p>
        ) : null}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}
