/**
 * The page around a record's form: the way back, the title, and — until the
 * form can show — why not: the user may not write such records (or not this
 * one), it is loading, or it could not be loaded.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';
import type { EditDraft } from '../lib/useEditDraft';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { EmptyState, Notice } from './Notice';
import { BackLink, PageLoading } from './Page';

export function RecordFormPage<Draft, Stored>({
  className,
  title,
  description,
  back,
  mayWrite,
  notAllowed,
  loaded,
  children,
}: {
  className: string;
  title: string;
  description: string;
  back: { to: string; label: string };
  /** Whether the user may write records of this kind at all. */
  mayWrite: boolean;
  notAllowed: string;
  loaded: EditDraft<Draft, Stored>;
  /** The form, once its draft is ready. */
  children: (ready: { draft: Draft; stored: Stored | null }) => ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  let body;
  if (!mayWrite || loaded.status === 'forbidden') {
    body = <EmptyState title={t('forbidden.title')}>{notAllowed}</EmptyState>;
  } else if (loaded.status === 'loading') {
    body = <PageLoading />;
  } else if (loaded.status === 'error') {
    body = <Notice tone="error">{describeError(loaded.error, t)}</Notice>;
  } else {
    body = children(loaded);
  }

  return (
    <div className={className}>
      <BackLink to={back.to} label={back.label} />
      <header className="page-header">
        <h1>{title}</h1>
        <p className="page-description">{description}</p>
      </header>
      {body}
    </div>
  );
}
