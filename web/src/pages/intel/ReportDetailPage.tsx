/**
 * One threat report: the narrative, the assessment and its grading, the
 * area on a map, the record, its history and partners' corroboration, and —
 * for its originator's editors — edit, publish (with who will then see it)
 * and revoke.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  getThreatReport,
  publishThreatReport,
  revokeThreatReport,
  threatReportHistory,
  type ThreatReport,
  type ThreatReportVersion,
} from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { SharingPreview } from '../../components/sharing/SharingPreview';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { describeError } from '../../i18n/errors';
import { isTlpMarking } from '../../lib/tlp';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { CorroborationsSection } from './CorroborationsSection';
import { GradeCode } from './Grading';
import { Markdown } from './markdown';
import { reportActions } from './permissions';
import { ReportHistory } from './ReportHistory';
import { StatusBadge } from './reportLabels';
import { AreaSection, AssessmentSection, RecordSection } from './ReportSections';

type Loaded =
  | { status: 'loading' }
  | {
      status: 'ready';
      report: ThreatReport;
      versions: ThreatReportVersion[] | null;
      historyError: unknown;
    }
  | { status: 'error'; error: unknown };

type Pending = 'publish' | 'revoke' | null;

export default function ReportDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [working, setWorking] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      getThreatReport(id, controller.signal),
      threatReportHistory(id, controller.signal).then(
        (versions) => ({ versions, error: undefined }),
        (error: unknown) => ({ versions: null, error }),
      ),
    ]).then(
      ([report, history]) =>
        setLoaded({
          status: 'ready',
          report,
          versions: history.versions,
          historyError: history.error,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, reloads]);

  const report = loaded.status === 'ready' ? loaded.report : null;
  useDocumentTitle(report ? report.title : t('intel.detail.heading'));

  const act = useCallback(
    async (action: Exclude<Pending, null>) => {
      setWorking(true);
      setActionError(null);
      try {
        if (action === 'publish') await publishThreatReport(id);
        else await revokeThreatReport(id);
        setConfirm(null);
        setReloads((count) => count + 1);
      } catch (error) {
        setActionError(error);
      } finally {
        setWorking(false);
      }
    },
    [id],
  );

  if (loaded.status === 'loading') {
    return (
      <div className="page-loading">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (loaded.status === 'error') {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <div className="page">
        <Link to="/intel" className="back-link">
          ← {t('intel.backToList')}
        </Link>
        {notFound ? (
          <EmptyState title={t('intel.detail.notFound')}>
            {t('intel.detail.notFoundHint')}
          </EmptyState>
        ) : (
          <Notice tone="error">{describeError(loaded.error, t)}</Notice>
        )}
      </div>
    );
  }

  const { versions, historyError } = loaded;
  const item = loaded.report;
  const actions = reportActions(user, item);
  const dir = item.language === 'ur' ? 'rtl' : 'ltr';

  return (
    <div className="page page-report">
      <Link to="/intel" className="back-link">
        ← {t('intel.backToList')}
      </Link>
      <header className="page-header page-header-actions">
        <div>
          <h1 lang={item.language} dir="auto">
            {item.title}
          </h1>
          <div className="incident-meta">
            <StatusBadge status={item.status} />
            <MarkingBadge marking={item.marking} />
            <GradeCode
              reliability={item.sourceReliability}
              credibility={item.informationCredibility}
            />
            <span>{directory.nameOf(item.createdBy) ?? t('intel.unknownOrganisation')}</span>
          </div>
        </div>
        {actions.edit || actions.publish || actions.revoke ? (
          <div className="header-actions">
            {actions.edit ? (
              <Link to={`/intel/${item.id}/edit`} className="button button-secondary">
                {t('intel.actions.edit')}
              </Link>
            ) : null}
            {actions.publish ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setConfirm('publish')}
              >
                {t('intel.actions.publish')}
              </button>
            ) : null}
            {actions.revoke ? (
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setConfirm('revoke')}
              >
                {t('intel.actions.revoke')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      {item.status === 'draft' ? (
        <Notice tone="info">{t('intel.detail.draftNotice')}</Notice>
      ) : null}
      {item.status === 'revoked' ? (
        <Notice tone="warning">{t('intel.detail.revokedNotice')}</Notice>
      ) : null}

      <div className="detail-grid">
        <div className="detail-main">
          <section className="card card-tight" aria-labelledby="narrative-heading">
            <h2 id="narrative-heading" className="section-title">
              {t('intel.fields.narrative')}
            </h2>
            {item.narrative.trim() ? (
              <Markdown
                text={item.narrative}
                className="narrative-markdown"
                lang={item.language}
                dir={dir}
                data-testid="narrative"
              />
            ) : (
              <p className="cell-muted">{t('intel.detail.noNarrative')}</p>
            )}
          </section>
          <AssessmentSection report={item} />
          <CorroborationsSection key={`${item.id}-${item.modified}`} report={item} />
          <RecordSection report={item} directory={directory} />
        </div>
        <aside className="detail-side">
          <AreaSection report={item} />
          <section className="card card-tight" aria-labelledby="history-heading">
            <h2 id="history-heading" className="section-title">
              {t('intel.history.title')}
            </h2>
            {versions ? <ReportHistory versions={versions} /> : null}
            {historyError ? <Notice tone="error">{describeError(historyError, t)}</Notice> : null}
          </section>
        </aside>
      </div>

      <Dialog
        title={
          confirm === 'revoke' ? t('intel.actions.revokeTitle') : t('intel.actions.publishTitle')
        }
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        size="small"
        footer={
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirm(null)}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={confirm === 'revoke' ? 'button button-danger' : 'button button-primary'}
              onClick={() => confirm && void act(confirm)}
              disabled={working}
            >
              {confirm === 'revoke' ? t('intel.actions.revoke') : t('intel.actions.publish')}
            </button>
          </>
        }
      >
        <p>
          {confirm === 'revoke'
            ? t('intel.actions.revokeExplanation')
            : t('intel.actions.publishExplanation')}
        </p>
        {confirm === 'publish' && isTlpMarking(item.marking) ? (
          <SharingPreview
            value={{
              marking: item.marking,
              releasableTo: releaseListFor(item.marking, item.releasableTo ?? []),
            }}
          />
        ) : null}
        {actionError ? <Notice tone="error">{describeError(actionError, t)}</Notice> : null}
      </Dialog>
    </div>
  );
}
