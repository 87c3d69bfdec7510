/** Writes a new threat report (a draft) or corrects one (a new version); only its originator's editors may. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getThreatReport, type ReportStatus } from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { canWriteIntel, reportActions } from './permissions';
import { draftFromReport, emptyReportDraft, type ReportDraft } from './reportDraft';
import { ReportForm } from './ReportForm';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; draft: ReportDraft; reportStatus: ReportStatus | null }
  | { status: 'forbidden' }
  | { status: 'error'; error: unknown };

export default function ReportFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const editing = id !== undefined;
  const title = editing ? t('intel.form.editTitle') : t('intel.form.newTitle');
  useDocumentTitle(title);
  const [loaded, setLoaded] = useState<Loaded>(() =>
    editing
      ? { status: 'loading' }
      : { status: 'ready', draft: emptyReportDraft(currentLocale()), reportStatus: null },
  );

  useEffect(() => {
    if (id === undefined) return;
    const controller = new AbortController();
    getThreatReport(id, controller.signal).then(
      (report) =>
        setLoaded(
          reportActions(user, report).edit
            ? { status: 'ready', draft: draftFromReport(report), reportStatus: report.status }
            : { status: 'forbidden' },
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, user]);

  const back = id ? `/intel/${id}` : '/intel';
  let body;
  if (!canWriteIntel(user) || loaded.status === 'forbidden') {
    body = <EmptyState title={t('forbidden.title')}>{t('intel.form.notAllowed')}</EmptyState>;
  } else if (loaded.status === 'loading') {
    body = (
      <div className="page-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  } else if (loaded.status === 'error') {
    body = <Notice tone="error">{describeError(loaded.error, t)}</Notice>;
  } else {
    body = (
      <ReportForm initial={loaded.draft} id={id} status={loaded.reportStatus} cancelTo={back} />
    );
  }

  return (
    <div className="page page-report-form">
      <Link to={back} className="back-link">
        ← {id ? t('intel.backToReport') : t('intel.backToList')}
      </Link>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="page-description">
          {editing ? t('intel.form.editDescription') : t('intel.form.newDescription')}
        </p>
      </header>
      {body}
    </div>
  );
}
