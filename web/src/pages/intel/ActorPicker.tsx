/**
 * The threat actors a report names: the chosen ones as removable chips, and
 * a search over the actors the user may read (GET /api/threat-actors) whose
 * matches are ticked on or off.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreatActors, type ThreatActorSummary } from '../../api/intel';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/errors';

const DELAY_MS = 250;
const LIMIT = 20;

type ActorRef = { id: string; name: string };
type Results =
  | { status: 'loading' }
  | { status: 'ready'; items: ThreatActorSummary[]; more: boolean }
  | { status: 'error'; error: unknown };

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
  const [results, setResults] = useState<Results>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const q = text.trim();
    const timer = window.setTimeout(
      () => {
        setResults({ status: 'loading' });
        listThreatActors({ q: q || undefined, limit: LIMIT, cursor: null }, controller.signal).then(
          (page) =>
            setResults({ status: 'ready', items: page.items, more: page.nextCursor !== null }),
          (failure: unknown) => {
            if (!controller.signal.aborted) setResults({ status: 'error', error: failure });
          },
        );
      },
      q === '' ? 0 : DELAY_MS,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

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
        {results.status === 'ready' && results.items.length === 0 ? (
          <p className="cell-muted">
            {text.trim() ? t('intel.form.noActorMatch') : t('intel.form.noActorsYet')}
          </p>
        ) : null}
        {results.status === 'ready'
          ? results.items.map((actor) => (
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
        {results.status === 'ready' && results.more ? (
          <p className="field-hint">{t('intel.form.moreActors')}</p>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
