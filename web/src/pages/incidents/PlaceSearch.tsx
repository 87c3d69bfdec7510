/**
 * A place-name search box (WAI-ARIA combobox with a list box): type a few
 * letters, move through the matches with the arrow keys, Enter or a click
 * picks one. Matches come from GeoNames through GET /api/places.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPlaces, type PlaceMatch } from '../../api/incidents';
import { Icon } from '../../components/icons';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName } from '../../lib/countries';
import { formatCount } from '../../lib/format';

const DELAY_MS = 200;
const LIMIT = 10;

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; items: PlaceMatch[] }
  | { status: 'error'; error: unknown };

export function PlaceSearch({ onPick }: { onPick: (place: PlaceMatch) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<Results>({ status: 'idle' });

  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setResults({ status: 'loading' });
      searchPlaces(query, LIMIT, controller.signal).then(
        (items) => {
          setResults({ status: 'ready', items });
          setActive(items.length > 0 ? 0 : -1);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setResults({ status: 'error', error });
        },
      );
    }, DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const items = results.status === 'ready' ? results.items : [];
  const expanded = open && results.status !== 'idle';

  function pick(place: PlaceMatch): void {
    onPick(place);
    setText('');
    setOpen(false);
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
      // Never submit the incident form from the search box.
      event.preventDefault();
      const chosen = items[active];
      if (expanded && chosen) pick(chosen);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`} className="field-label">
        {t('incidents.form.placeSearch')}
      </label>
      <div className="search-box">
        <Icon name="search" />
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          className="input"
          value={text}
          placeholder={t('incidents.form.placeSearchPlaceholder')}
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
        aria-label={t('incidents.form.placeMatches')}
      >
        {results.status === 'loading' ? (
          <li className="place-option-note" role="presentation">
            {t('common.loading')}
          </li>
        ) : null}
        {results.status === 'error' ? (
          <li className="place-option-note field-error" role="presentation">
            {describeError(results.error, t)}
          </li>
        ) : null}
        {results.status === 'ready' && items.length === 0 ? (
          <li className="place-option-note" role="presentation">
            {t('incidents.form.placeNoMatch')}
          </li>
        ) : null}
        {items.map((place, index) => (
          <li
            key={`${place.name}|${place.country}|${place.lat}|${place.lon}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'place-option place-option-active' : 'place-option'}
            // Before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(place);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="cell-strong">{place.name}</span>
            <span className="cell-muted">{countryName(place.country, locale)}</span>
            <span className="place-option-extra" dir="ltr">
              {place.population > 0 ? formatCount(place.population, locale) : ''}{' '}
              <span className="code">
                {place.lat.toFixed(2)}, {place.lon.toFixed(2)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
