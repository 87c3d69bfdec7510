/** The pieces every section of the report is made of: a titled card, its table, its empty line. */
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { isEventType, isSubEventType } from '../../lib/acled';

export function SitrepSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="card card-tight sitrep-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export interface SitrepColumn {
  label: string;
  numeric?: boolean;
}

export function SitrepTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  columns: readonly SitrepColumn[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.numeric ? 'cell-number' : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** What a section says when the reader may read nothing of its kind on the day. */
export function SitrepEmpty({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="sitrep-empty" data-testid={testId}>
      {children}
    </p>
  );
}

/** A line under a table that says more exist than are listed. */
export function SitrepNote({ children }: { children: ReactNode }) {
  return <p className="sitrep-note">{children}</p>;
}

export function eventTypeLabel(type: string, t: TFunction): string {
  return isEventType(type) ? t(`acled.eventTypes.${type}`) : type;
}

export function subEventTypeLabel(type: string, t: TFunction): string {
  return isSubEventType(type) ? t(`acled.subEventTypes.${type}`) : type;
}
