/**
 * A text search that applies its words once typing pauses, so that every
 * keystroke does not reload a list. With `value`, the words applied
 * elsewhere (a filter kept in the address) show in the box and are not sent
 * again; with `showLabel`, the label stands above it as in a filter bar.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from './icons';

interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** Called with the trimmed text once typing pauses, when it differs from what was applied. */
  onSearch: (query: string) => void;
  /** The words applied now (from the address); defaults to none. */
  value?: string;
  showLabel?: boolean;
  delayMs?: number;
}

export function SearchBox({
  label,
  placeholder,
  onSearch,
  value = '',
  showLabel = false,
  delayMs = 300,
}: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // Words cleared or changed elsewhere: show what is applied.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const query = text.trim();
    if (query === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = query;
      onSearch(query);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs, onSearch]);
  const input = (
    <input
      id={id}
      type="search"
      className="input"
      value={text}
      placeholder={placeholder ?? label}
      onChange={(event) => setText(event.target.value)}
      autoComplete="off"
      spellCheck={false}
    />
  );
  if (showLabel) {
    return (
      <div className="field filter-search">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <div className="search-box" role="search">
          <Icon name="search" />
          {input}
        </div>
      </div>
    );
  }
  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Icon name="search" />
      {input}
    </div>
  );
}
