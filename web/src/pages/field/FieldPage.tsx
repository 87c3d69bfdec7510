/**
 * The field pages, made for a phone: /field lists today's movements on the
 * road (or about to leave) that the user may read; /field/{id} is the
 * check-in page of one of them (FieldCheckin).
 */
import { useTranslation } from 'react-i18next';
import { getMovement, listMovements } from '../../api/movements';
import { Link, usePath } from '../../app/router';
import { DetailFallback } from '../../components/Detail';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded } from '../../lib/useLoaded';
import NotFoundPage from '../NotFoundPage';
import { StateBadge } from '../movements/StateBadge';
import { RouteText } from '../movements/RouteText';
import { FieldCheckin } from './FieldCheckin';
import '../sites/protection.css';
import './field.css';

const ID = 'movement--[0-9a-f-]{36}';
const MOVEMENT = new RegExp(`^/field/(${ID})/?$`);
const ON_THE_ROAD = new Set(['escort_assigned', 'in_transit', 'overdue', 'incident']);

export default function FieldPage() {
  const path = usePath();
  if (path === '/field' || path === '/field/') return <FieldList />;
  const id = MOVEMENT.exec(path)?.[1];
  if (id) return <FieldMovement key={id} id={id} />;
  return <NotFoundPage />;
}

function FieldMovement({ id }: { id: string }) {
  const { t } = useTranslation();
  const { loaded, reload } = useLoaded(id, getMovement);
  useDocumentTitle(t('field.title'));
  const back = <BackLink to="/field" label={t('field.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <div className="page page-field">
        <DetailFallback
          loaded={loaded}
          back={back}
          notFoundTitle={t('field.notFound')}
          notFoundHint={t('field.notFoundHint')}
        />
      </div>
    );
  }
  return (
    <div className="page page-field">
      {back}
      <h1 className="visually-hidden">{t('field.title')}</h1>
      {/* Remade only after start or arrival, never after a check-in (see FieldCheckin). */}
      <FieldCheckin key={loaded.value.updatedAt} movement={loaded.value} onChanged={reload} />
    </div>
  );
}

function FieldList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  useDocumentTitle(t('field.title'));
  const { loaded, reload } = useLoaded('today', async (_key, signal) => {
    const page = await listMovements({}, { limit: 100, cursor: null }, signal);
    return page.items.filter((m) => ON_THE_ROAD.has(m.state));
  });

  return (
    <div className="page page-field">
      <header className="page-header">
        <h1>{t('field.title')}</h1>
        <p className="page-description">{t('field.description')}</p>
      </header>
      {loaded.status === 'loading' ? <Spinner label={t('common.loading')} /> : null}
      {loaded.status === 'error' ? (
        <Notice tone="error">
          {describeError(loaded.error, t)}{' '}
          <button type="button" className="button button-link" onClick={reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      {loaded.status === 'ready' && loaded.value.length === 0 ? (
        <EmptyState title={t('field.none')}>{t('field.noneHint')}</EmptyState>
      ) : null}
      {loaded.status === 'ready' && loaded.value.length > 0 ? (
        <ul className="field-list">
          {loaded.value.map((movement) => (
            <li key={movement.id}>
              <Link to={`/field/${movement.id}`} className="field-list-link">
                <span className="field-title" dir="auto">
                  {movement.title}
                </span>
                <RouteText from={movement.originName} to={movement.destinationName} />
                <span className="cell-muted">
                  {formatDateTime(movement.plannedDeparture, locale)}
                </span>
                <StateBadge state={movement.state} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
