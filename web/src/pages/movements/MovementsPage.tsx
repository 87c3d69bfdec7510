/** The movements capability: the day's list, one movement, and the request form, by path. */
import { usePath } from '../../app/router';
import NotFoundPage from '../NotFoundPage';
import MovementFormPage from './MovementFormPage';
import MovementListPage from './MovementListPage';
import MovementPage from './MovementPage';
import '../sites/protection.css';

const ID = 'movement--[0-9a-f-]{36}';
const DETAIL = new RegExp(`^/movements/(${ID})/?$`);
const EDIT = new RegExp(`^/movements/(${ID})/edit/?$`);

export default function MovementsPage() {
  const path = usePath();
  if (path === '/movements' || path === '/movements/') return <MovementListPage />;
  if (path === '/movements/new') return <MovementFormPage />;
  const edit = EDIT.exec(path)?.[1];
  if (edit) return <MovementFormPage key={`edit-${edit}`} id={edit} />;
  const detail = DETAIL.exec(path)?.[1];
  if (detail) return <MovementPage key={detail} id={detail} />;
  return <NotFoundPage />;
}
