/**
 * The pieces of a record's detail page: its cards of facts, and what shows
 * instead of the record while it loads or when it cannot be had.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeError } from '../i18n/errors';
import { EmptyState, Notice } from './Notice';
import { PageLoading } from './Page';

/** A titled card of a detail page; the heading names the section for screen readers. */
export function DetailCard({
  headingId,
  title,
  children,
}: {
  headingId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="card card-tight" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One labelled value of a detail page's fact list (a <dl>). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The page while its record loads, or when loading failed: a record the
 * reader may not see answers 404 like one that does not exist, so both read
 * "not found"; any other failure is told as it is.
 */
export function DetailFallback({
  loaded,
  back,
  notFoundTitle,
  notFoundHint,
}: {
  loaded: { status: 'loading' } | { status: 'error'; error: unknown };
  back: ReactNode;
  notFoundTitle: string;
  notFoundHint: string;
}) {
  const { t } = useTranslation();
  if (loaded.status === 'loading') return <PageLoading />;
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <div className="page">
      {back}
      {notFound ? (
        <EmptyState title={notFoundTitle}>{notFoundHint}</EmptyState>
      ) : (
        <Notice tone="error">{describeError(loaded.error, t)}</Notice>
      )}
    </div>
  );
}
