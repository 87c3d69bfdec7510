import { useEffect, useId, useState } from 'react';
import { Icon } from './icons';

interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** Called with the trimmed text once typing pauses. */
  onSearch: (query: string) => void;
  delayMs?: number;
}

export function SearchBox({ label, placeholder, onSearch, delayMs = 300 }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => onSearch(text.trim()), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs, onSearch]);
  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <Icon name="search" />
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
    </div>
  );
}
