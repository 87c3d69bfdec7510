/**
 * A search box with a list of matches, as the WAI-ARIA combobox pattern
 * describes: type a few letters, move through the matches with the arrow
 * keys, Enter or a click picks one, Escape closes the list. `useCombobox`
 * keeps the open/highlighted state and the keys; `SearchCombobox` draws the
 * box and the list. The caller owns the text and the search
 * (useDebouncedSearch), and decides what a match looks like.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../lib/useDebouncedSearch';
import { Icon } from './icons';

export interface Combobox<Item> {
  results: SearchResults<readonly Item[]>;
  /** The matches offered (the results less any the caller leaves out). */
  items: readonly Item[];
  expanded: boolean;
  /** The highlighted match, -1 for none. */
  active: number;
  setActive: (index: number) => void;
  /** Shows the list again, e.g. when a filter beside the box changes the search. */
  open: () => void;
  close: () => void;
  pick: (item: Item) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export function useCombobox<Item>({
  results,
  items,
  onPick,
  closeOnPick,
}: {
  results: SearchResults<readonly Item[]>;
  items: readonly Item[];
  onPick: (item: Item) => void;
  /** False keeps the list open to pick several in a row. */
  closeOnPick: boolean;
}): Combobox<Item> {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [seenResults, setSeenResults] = useState(results);
  // Each new answer highlights its first match (adjusting state during render, as React recommends).
  if (seenResults !== results) {
    setSeenResults(results);
    if (results.status === 'ready') setActive(results.result.length > 0 ? 0 : -1);
  }
  const expanded = open && results.status !== 'idle';

  function pick(item: Item): void {
    onPick(item);
    if (closeOnPick) setOpen(false);
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

  return {
    results,
    items,
    expanded,
    active,
    setActive,
    open: () => setOpen(true),
    close: () => setOpen(false),
    pick,
    onKeyDown,
  };
}

export function SearchCombobox<Item>({
  combobox,
  text,
  onTextChange,
  label,
  placeholder,
  listLabel,
  noMatch,
  describeFailure,
  itemKey,
  renderItem,
}: {
  combobox: Combobox<Item>;
  text: string;
  onTextChange: (text: string) => void;
  label: string;
  placeholder: string;
  /** The list box's accessible name. */
  listLabel: string;
  noMatch: string;
  describeFailure: (error: unknown) => string;
  itemKey: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { results, items, expanded, active } = combobox;
  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`} className="field-label">
        {label}
      </label>
      <div className="search-box">
        <Icon name="search" />
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          className="input"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={
            expanded && active >= 0 && items[active] ? `${id}-option-${active}` : undefined
          }
          onChange={(event) => {
            onTextChange(event.target.value);
            combobox.open();
          }}
          onKeyDown={combobox.onKeyDown}
          onFocus={combobox.open}
          onBlur={combobox.close}
        />
      </div>
      <ul
        id={`${id}-list`}
        role="listbox"
        className="place-options"
        hidden={!expanded}
        aria-label={listLabel}
      >
        {results.status === 'loading' ? (
          <li className="place-option-note" role="presentation">
            {t('common.loading')}
          </li>
        ) : null}
        {results.status === 'error' ? (
          <li className="place-option-note field-error" role="presentation">
            {describeFailure(results.error)}
          </li>
        ) : null}
        {results.status === 'ready' && items.length === 0 ? (
          <li className="place-option-note" role="presentation">
            {noMatch}
          </li>
        ) : null}
        {items.map((item, index) => (
          <li
            key={itemKey(item)}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'place-option place-option-active' : 'place-option'}
            // Before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              combobox.pick(item);
            }}
            onMouseEnter={() => combobox.setActive(index)}
          >
            {renderItem(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
