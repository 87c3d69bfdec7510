import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the window title to "<page> · Tandem" in the interface language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
