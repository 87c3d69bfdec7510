/**
 * The operations room (/ops), where duty officers work: today's movements
 * by state, the live map, the open alarms (every level) and the open alerts
 * with Acknowledge. Every part follows the live stream, so the page never
 * needs a reload.
 */
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AlertInboxPanel } from '../alerts/AlertInboxPanel';
import { todayIso } from '../map/timeRange';
import { MovementBoard } from './MovementBoard';
import { OpsAlarms } from './OpsAlarms';
import { OpsMap } from './OpsMap';
import { useTodayMovements } from './useTodayMovements';
import './ops.css';

export default function OpsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('ops.title'));
  const day = todayIso();
  const today = useTodayMovements(day);
  return (
    <div className="page ops-page" data-testid="ops-page">
      <header className="page-header">
        <h1>{t('ops.title')}</h1>
        <p className="page-description">{t('ops.description')}</p>
      </header>
      <div className="ops-grid">
        <div className="ops-main">
          <OpsMap day={day} routes={today.routes} routesTruncated={today.routesTruncated} />
          <MovementBoard today={today} />
        </div>
        <div className="ops-side">
          <OpsAlarms />
          <AlertInboxPanel />
        </div>
      </div>
    </div>
  );
}
