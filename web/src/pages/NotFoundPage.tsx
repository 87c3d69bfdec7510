import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { HOME_PATH } from '../app/routes';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <div className="message-page">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <Link to={HOME_PATH} className="button button-primary">
          {t('notFound.home')}
        </Link>
      </div>
    </div>
  );
}
