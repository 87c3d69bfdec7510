/**
 * The daily situation report in the browser: the day in the address
 * (`/sitrep?date=YYYY-MM-DD`, today on the server's clock without one), the
 * report the server built for this reader (so it holds only what they may
 * read), the same report as a PDF in the interface language, and a print
 * layout without the application's frame.
 */
import { useTranslation } from 'react-i18next';
import { getSitrep } from '../../api/sitrep';
import { navigate, useSearch } from '../../app/router';
import { Notice, Spinner } from '../../components/Notice';
import { PageLoading } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded } from '../../lib/useLoaded';
import { SitrepActionItems } from './SitrepActionItems';
import { SitrepAlarmsAlerts } from './SitrepAlarmsAlerts';
import { SitrepCharts } from './SitrepCharts';
import { SitrepControls } from './SitrepControls';
import { SitrepFigures, SitrepHeader } from './SitrepHeader';
import { SitrepIncidentList, SitrepIncidentsByArea } from './SitrepIncidents';
import { SitrepMap } from './SitrepMap';
import { SitrepMovements } from './SitrepMovements';
import { SitrepPeople } from './SitrepPeople';
import { SitrepThreats } from './SitrepThreats';
import { dayFromSearch } from './sitrepDays';
import './sitrep.css';

const loadReport = (day: string, signal: AbortSignal) => getSitrep(day || undefined, signal);

export default function SitrepPage() {
  const { t } = useTranslation();
  const askedDay = dayFromSearch(useSearch());
  // '' stands for "today on the server", so that the server's clock decides which day that is.
  const { loaded, reload } = useLoaded(askedDay ?? '', loadReport);
  useDocumentTitle(t('sitrep.title'));

  const report = loaded.status === 'ready' ? loaded.value : null;
  const shownDay = askedDay ?? report?.date;
  // useLoaded keeps the previous report on screen until the next day's arrives.
  const switching = report !== null && askedDay !== undefined && report.date !== askedDay;

  return (
    <div className="page page-sitrep" data-testid="sitrep">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('sitrep.title')}</h1>
          <p className="page-description">{t('sitrep.description')}</p>
        </div>
      </header>
      <SitrepControls
        day={shownDay}
        onDay={(day) => navigate(day ? `/sitrep?date=${day}` : '/sitrep')}
      />
      {loaded.status === 'loading' ? <PageLoading /> : null}
      {loaded.status === 'error' ? (
        <Notice tone="error">
          {describeError(loaded.error, t)}{' '}
          <button type="button" className="button-link" onClick={reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      {report ? (
        <div className="sitrep-report" aria-busy={switching}>
          {switching ? <Spinner label={t('common.loading')} /> : null}
          <SitrepHeader report={report} />
          <SitrepFigures report={report} />
          <div className="sitrep-visuals">
            <SitrepMap incidents={report.incidents.items} threats={report.threats.items} />
            <SitrepCharts chart={report.chart} />
          </div>
          <SitrepIncidentsByArea incidents={report.incidents} />
          <SitrepThreats threats={report.threats} />
          <SitrepActionItems actionItems={report.actionItems} />
          <SitrepMovements movements={report.movements} />
          <SitrepAlarmsAlerts value={report.alarmsAlerts} />
          <SitrepPeople people={report.people} />
          <SitrepIncidentList incidents={report.incidents} />
        </div>
      ) : null}
    </div>
  );
}
