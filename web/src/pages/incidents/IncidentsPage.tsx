/** The incidents capability: list, one incident, and the form, by path. */
import { usePath } from '../../app/router';
import NotFoundPage from '../NotFoundPage';
import IncidentDetailPage from './IncidentDetailPage';
import IncidentFormPage from './IncidentFormPage';
import IncidentListPage from './IncidentListPage';

const ID = 'incident--[0-9a-f-]{36}';
const DETAIL = new RegExp(`^/incidents/(${ID})/?$`);
const EDIT = new RegExp(`^/incidents/(${ID})/edit/?$`);

export default function IncidentsPage() {
  const path = usePath();
  if (path === '/incidents' || path === '/incidents/') return <IncidentListPage />;
  if (path === '/incidents/new') return <IncidentFormPage />;
  const edit = EDIT.exec(path)?.[1];
  if (edit) return <IncidentFormPage key={`edit-${edit}`} id={edit} />;
  const detail = DETAIL.exec(path)?.[1];
  if (detail) return <IncidentDetailPage key={detail} id={detail} />;
  return <NotFoundPage />;
}
