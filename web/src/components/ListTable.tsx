/**
 * The table of a list page: a head of column names, the rows the caller
 * draws, and under them what the list is doing — a spinner while the first
 * page loads, or the caller's empty state when there is nothing to show.
 * A failure to load shows above the table, so that rows already loaded
 * stay in view.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';
import { Notice, Spinner } from './Notice';

export type ListStatus = 'loading' | 'loading-more' | 'ready' | 'error';

export interface ListColumn {
  label: ReactNode;
  className?: string;
}

/** What the table needs to know of a list (useCursorPages, useIncidentList). */
export interface ListState {
  status: ListStatus;
  items: readonly unknown[];
  error: unknown;
}

export function ListTable({
  list,
  onRetry,
  testId,
  caption,
  dense = true,
  columns,
  spinner = true,
  empty,
  children,
}: {
  list: ListState;
  /** Offers "retry" beside a failure to load. */
  onRetry?: () => void;
  testId: string;
  /** Names the table for screen readers; the page heading already says it to the eye. */
  caption?: string;
  dense?: boolean;
  columns: readonly ListColumn[];
  /** Whether a spinner shows while the first page loads (the admin panels show none). */
  spinner?: boolean;
  /** Shown when the list is loaded and has no rows. */
  empty: ReactNode;
  /** The rows. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { status } = list;
  const itemCount = list.items.length;
  return (
    <>
      {status === 'error' ? <ListErrorNotice error={list.error} onRetry={onRetry} /> : null}
      <div className="table-wrap" aria-busy={status === 'loading'}>
        <table className={dense ? 'table table-dense' : 'table'} data-testid={testId}>
          {caption !== undefined ? <caption className="visually-hidden">{caption}</caption> : null}
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.className}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
        {spinner && status === 'loading' && itemCount === 0 ? (
          <div className="table-loading">
            <Spinner label={t('common.loading')} />
          </div>
        ) : null}
        {status === 'ready' && itemCount === 0 ? empty : null}
      </div>
    </>
  );
}

function ListErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error">
      {describeError(error, t)}
      {onRetry ? (
        <>
          {' '}
          <button type="button" className="button button-link" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </>
      ) : null}
    </Notice>
  );
}
