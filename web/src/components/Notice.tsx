import type { ReactNode } from 'react';
import { Icon } from './icons';

type Tone = 'error' | 'success' | 'info' | 'warning';

/** A message block: errors are announced assertively, the rest politely. */
export function Notice({
  tone,
  children,
  title,
}: {
  tone: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'error' || tone === 'warning' ? <Icon name="alert" /> : <Icon name="check" />}
      <div>
        {title ? <p className="notice-title">{title}</p> : null}
        <div className="notice-body">{children}</div>
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div className="spinner" role="status">
      <span className="spinner-ring" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
