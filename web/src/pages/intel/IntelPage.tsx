/**
 * The intelligence section by path: threat reports at /intel (list, new,
 * one report, its editor) and threat actors at /intel/actors.
 */
import { usePath } from '../../app/router';
import NotFoundPage from '../NotFoundPage';
import ActorDetailPage from './ActorDetailPage';
import ActorFormPage from './ActorFormPage';
import ActorListPage from './ActorListPage';
import ReportDetailPage from './ReportDetailPage';
import ReportFormPage from './ReportFormPage';
import ReportListPage from './ReportListPage';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REPORT = new RegExp(`^/intel/(threat-report--${UUID})(/edit)?/?$`);
const ACTOR = new RegExp(`^/intel/actors/(threat-actor--${UUID})(/edit)?/?$`);

export default function IntelPage() {
  const path = usePath().replace(/\/+$/, '') || '/';
  if (path === '/intel') return <ReportListPage />;
  if (path === '/intel/new') return <ReportFormPage key="new" />;
  if (path === '/intel/actors') return <ActorListPage />;
  if (path === '/intel/actors/new') return <ActorFormPage key="new" />;
  const report = REPORT.exec(path);
  if (report?.[1]) {
    return report[2] ? (
      <ReportFormPage key={`edit-${report[1]}`} id={report[1]} />
    ) : (
      <ReportDetailPage key={report[1]} id={report[1]} />
    );
  }
  const actor = ACTOR.exec(path);
  if (actor?.[1]) {
    return actor[2] ? (
      <ActorFormPage key={`edit-${actor[1]}`} id={actor[1]} />
    ) : (
      <ActorDetailPage key={actor[1]} id={actor[1]} />
    );
  }
  return <NotFoundPage />;
}
