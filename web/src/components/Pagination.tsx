import { useTranslation } from 'react-i18next';

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
