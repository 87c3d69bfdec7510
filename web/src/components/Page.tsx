/** The frame pieces the record pages share: the way back, the page spinner, the header. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { Icon } from './icons';
import { Spinner } from './Notice';

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="back-link">
      <span className="back-link-arrow" aria-hidden="true">
        ←
      </span>{' '}
      {label}
    </Link>
  );
}

/** Stands in for a whole page until its record arrives. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading">
      <Spinner label={t('common.loading')} />
    </div>
  );
}

/** A list page's title and description, with the link that starts a new record for those who may. */
export function ListPageHeader({
  title,
  description,
  newRecord,
  actions,
}: {
  title: string;
  description: string;
  newRecord: { to: string; label: string } | null;
  /** More buttons beside "new" (exports). */
  actions?: ReactNode;
}) {
  return (
    <header className="page-header page-header-actions">
      <div>
        <h1>{title}</h1>
        <p className="page-description">{description}</p>
      </div>
      <div className="page-header-buttons">
        {actions}
        {newRecord ? <NewRecordLink {...newRecord} className="button button-primary" /> : null}
      </div>
    </header>
  );
}

export function NewRecordLink({
  to,
  label,
  className,
}: {
  to: string;
  label: string;
  className: string;
}) {
  return (
    <Link to={to} className={className}>
      <Icon name="plus" />
      {label}
    </Link>
  );
}
