/**
 * The text search of a filter bar: kept while typing, applied once typing
 * pauses, so that every keystroke does not reload the list. The words go to
 * the server's full-text search (any language; all words must match).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from './icons';

const SEARCH_DELAY_MS = 300;

export function FilterSearchField({
  value,
  onSearch,
  label,
  placeholder,
  className,
}: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder: string;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // Filters cleared or changed elsewhere (the address): show what is applied.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const q = text.trim();
    if (q === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = q;
      onSearch(q);
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="search-box" role="search">
        <Icon name="search" />
        <input
          id={id}
          type="search"
          className="input"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
        />
      </div>
    </div>
  );
}

/**
 * A stable callback that applies the search words to the filters of the
 * moment it is called (the search calls back after a pause, when the
 * filters may have changed).
 */
export function useApplySearch<F extends { q?: string | undefined }>(
  filters: F,
  onChange: (filters: F) => void,
): (q: string) => void {
  const latest = useRef({ filters, onChange });
  useEffect(() => {
    latest.current = { filters, onChange };
  });
  const [apply] = useState(() => (q: string) => {
    const { filters: current, onChange: change } = latest.current;
    change({ ...current, q: q === '' ? undefined : q });
  });
  return apply;
}
