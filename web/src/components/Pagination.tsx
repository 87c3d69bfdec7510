import { useTranslation } from 'react-i18next';
import type { CursorPages } from '../lib/useCursorPages';

interface PaginationProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
}

export function Pagination({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  busy,
}: PaginationProps) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className="button button-secondary"
        onClick={onPrevious}
        disabled={!hasPrevious || busy}
      >
        {t('pagination.previous')}
      </button>
      <span className="pagination-page">{t('pagination.page', { page })}</span>
      <button
        type="button"
        className="button button-secondary"
        onClick={onNext}
        disabled={!hasNext || busy}
      >
        {t('pagination.next')}
      </button>
    </nav>
  );
}

/** Pagination for a list kept by useCursorPages; it waits while a page loads. */
export function ListPagination({
  list,
}: {
  list: Pick<
    CursorPages<unknown>,
    'page' | 'hasPrevious' | 'hasNext' | 'previous' | 'next' | 'status'
  >;
}) {
  return (
    <Pagination
      page={list.page}
      hasPrevious={list.hasPrevious}
      hasNext={list.hasNext}
      onPrevious={list.previous}
      onNext={list.next}
      busy={list.status === 'loading'}
    />
  );
}
