/**
 * Tabs within a record page, as the WAI-ARIA tabs pattern describes: the
 * tab list is one stop for Tab, the arrow keys (mirrored in right-to-left
 * text by reading order), Home and End move between tabs, and the panel is
 * labelled by its tab. Only the chosen panel is rendered, so that a panel
 * whose data is personal (site contacts, a manifest) is read only on demand.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<Key extends string> {
  key: Key;
  label: string;
}

export function Tabs<Key extends string>({
  label,
  tabs,
  current,
  onChange,
  children,
}: {
  label: string;
  tabs: readonly TabSpec<Key>[];
  current: Key;
  onChange: (key: Key) => void;
  /** The chosen tab's panel. */
  children: ReactNode;
}) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = tabs.findIndex((tab) => tab.key === current);
    const rtl = listRef.current ? getComputedStyle(listRef.current).direction === 'rtl' : false;
    let next = index;
    if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (index + 1) % tabs.length;
    else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft'))
      next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const target = tabs[next];
    if (!target) return;
    onChange(target.key);
    listRef.current
      ?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-tab-${target.key}`)}`)
      ?.focus();
  }

  return (
    <div className="record-tabs">
      <div ref={listRef} role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.key === current;
          return (
            <button
              key={tab.key}
              id={`${id}-tab-${tab.key}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`${id}-panel`}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'tab tab-current' : 'tab'}
              onClick={() => onChange(tab.key)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${current}`}
        className="tab-panel"
      >
        {children}
      </div>
    </div>
  );
}
