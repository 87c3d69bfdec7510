/**
 * One threat report: the narrative, the assessment and its grading, the
 * area on a map, the record, its history and partners' corroboration, and —
 * for its originator's editors — edit, publish (with who will then see it)
 * and revoke.
 */
import { useTranslation } from 'react-i18next';
import {
  getThreatReport,
  publishThreatReport,
  revokeThreatReport,
  threatReportHistory,
} from '../../api/intel';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback } from '../../components/Detail';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { PartnerSharingPanel } from '../../components/federation/PartnerSharingPanel';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { SharingPreview } from '../../components/sharing/SharingPreview';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { describeError } from '../../i18n/errors';
import { isTlpMarking } from '../../lib/tlp';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { CorroborationsSection } from './CorroborationsSection';
import { GradeCode } from './Grading';
import { Markdown } from '../../components/Markdown';
import { reportActions } from './permissions';
import { ReportHistory } from './ReportHistory';
import { StatusBadge } from './reportLabels';
import { AreaSection, AssessmentSection, RecordSection } from './ReportSections';

const loadReport = withHistory(getThreatReport, threatReportHistory);

type Action = 'publish' | 'revoke';

export default function ReportDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded, reload } = useLoaded(id, loadReport);
  const action = useConfirmedAction<Action>(async (chosen) => {
    if (chosen === 'publish') await publishThreatReport(id);
    else await revokeThreatReport(id);
  }, reload);

  const report = loaded.status === 'ready' ? loaded.value.record : null;
  useDocumentTitle(report ? report.title : t('intel.detail.heading'));

  const back = <BackLink to="/intel" label={t('intel.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('intel.detail.notFound')}
        notFoundHint={t('intel.detail.notFoundHint')}
      />
    );
  }

  const { versions, historyError } = loaded.value;
  const item = loaded.value.record;
  const actions = reportActions(user, item);
  const dir = item.language === 'ur' ? 'rtl' : 'ltr';

  return (
    <div className="page page-report">
      {back}
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
                onClick={() => action.ask('publish')}
              >
                {t('intel.actions.publish')}
              </button>
            ) : null}
            {actions.revoke ? (
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => action.ask('revoke')}
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
          <DetailCard headingId="narrative-heading" title={t('intel.fields.narrative')}>
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
          </DetailCard>
          <AssessmentSection report={item} />
          <CorroborationsSection key={`${item.id}-${item.modified}`} report={item} />
          <RecordSection report={item} directory={directory} />
          <PartnerSharingPanel recordId={item.id} version={item.modified} />
        </div>
        <aside className="detail-side">
          <AreaSection report={item} />
          <DetailCard headingId="history-heading" title={t('intel.history.title')}>
            {versions ? <ReportHistory versions={versions} /> : null}
            {historyError ? <Notice tone="error">{describeError(historyError, t)}</Notice> : null}
          </DetailCard>
        </aside>
      </div>

      <ConfirmDialog
        action={action}
        title={
          action.pending === 'revoke'
            ? t('intel.actions.revokeTitle')
            : t('intel.actions.publishTitle')
        }
        confirmLabel={
          action.pending === 'revoke' ? t('intel.actions.revoke') : t('intel.actions.publish')
        }
        danger={action.pending === 'revoke'}
      >
        <p>
          {action.pending === 'revoke'
            ? t('intel.actions.revokeExplanation')
            : t('intel.actions.publishExplanation')}
        </p>
        {action.pending === 'publish' && isTlpMarking(item.marking) ? (
          <SharingPreview
            value={{
              marking: item.marking,
              releasableTo: releaseListFor(item.marking, item.releasableTo ?? []),
            }}
          />
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
