import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { HOME_PATH } from '../app/routes';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export default function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="page">
      <div className="message-page">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
        <Link to={HOME_PATH} className="button button-primary">
          {t('notFound.home')}
        </Link>
      </div>
    </div>
  );
}
