/** The protected-sites capability: list, one site, and the form, by path. */
import { usePath } from '../../app/router';
import NotFoundPage from '../NotFoundPage';
import SiteFormPage from './SiteFormPage';
import SiteListPage from './SiteListPage';
import SitePage from './SitePage';
import './protection.css';

const ID = 'site--[0-9a-f-]{36}';
const DETAIL = new RegExp(`^/sites/(${ID})/?$`);
const EDIT = new RegExp(`^/sites/(${ID})/edit/?$`);

export default function SitesPage() {
  const path = usePath();
  if (path === '/sites' || path === '/sites/') return <SiteListPage />;
  if (path === '/sites/new') return <SiteFormPage />;
  const edit = EDIT.exec(path)?.[1];
  if (edit) return <SiteFormPage key={`edit-${edit}`} id={edit} />;
  const detail = DETAIL.exec(path)?.[1];
  if (detail) return <SitePage key={detail} id={detail} />;
  return <NotFoundPage />;
}
