/**
 * One cooperation programme: its kind and status, who leads it and with
 * whom, when, the summary (Markdown), the milestones (overdue ones marked
 * and said in words), what the programme consists of for its kind, the
 * decision that started it, the record and its history.
 */
import { useTranslation } from 'react-i18next';
import { programmes, type Milestone, type ProgrammeInput } from '../../../api/programmes';
import { Link } from '../../../app/router';
import { useSession } from '../../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../../components/Detail';
import { Icon } from '../../../components/icons';
import { Markdown } from '../../../components/Markdown';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { BackLink } from '../../../components/Page';
import { useOrganisationDirectory } from '../../../lib/organisationDirectory';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../../lib/useLoaded';
import { CoordinationHistory, type HistoryField } from '../CoordinationHistory';
import { Day, OrgList, orgName } from '../labels';
import { canEditCoordination } from '../permissions';
import { RecordCard } from '../RecordCard';
import { ProgrammeDetailsView } from './ProgrammeDetailsView';
import { KindBadge, MilestoneProgressView, ProgrammeStatusBadge } from './programmeLabels';

const loadProgramme = withHistory(programmes.get, programmes.history);

export default function ProgrammePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded } = useLoaded(id, loadProgramme);
  useDocumentTitle(
    loaded.status === 'ready' ? loaded.value.record.title : t('coordination.programmes.heading'),
  );

  const back = (
    <BackLink to="/coordination/programmes" label={t('coordination.programmes.backToBoard')} />
  );
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('coordination.programmes.notFound')}
        notFoundHint={t('coordination.notFoundHint')}
      />
    );
  }
  const { record: programme, versions, historyError } = loaded.value;
  const fields: HistoryField<ProgrammeInput>[] = [
    { key: 'title', label: t('coordination.fields.title') },
    { key: 'status', label: t('coordination.fields.status') },
    { key: 'leadOrgId', label: t('coordination.programmes.lead') },
    { key: 'partnerOrgIds', label: t('coordination.programmes.partners') },
    { key: 'summary', label: t('coordination.programmes.summary') },
    { key: 'startDate', label: t('coordination.programmes.startDate') },
    { key: 'endDate', label: t('coordination.programmes.endDate') },
    { key: 'milestones', label: t('coordination.programmes.milestones') },
    { key: 'details', label: t('coordination.programmes.detailsTitle') },
  ];

  return (
    <div className="page page-coordination-record">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{programme.title}</h1>
          <div className="incident-meta">
            <KindBadge kind={programme.kind} />
            <ProgrammeStatusBadge status={programme.status} />
            <MarkingBadge marking={programme.marking} />
          </div>
        </div>
        {canEditCoordination(user, programme) ? (
          <div className="header-actions">
            <Link to={`/coordination/programmes/${id}/edit`} className="button button-secondary">
              {t('coordination.actions.edit')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="programme-heading" title={t('coordination.programmes.overview')}>
            <dl className="facts">
              <Fact label={t('coordination.programmes.lead')}>
                {orgName(directory, programme.leadOrgId, t)}
              </Fact>
              <Fact label={t('coordination.programmes.partners')}>
                <OrgList ids={programme.partnerOrgIds} directory={directory} />
              </Fact>
              <Fact label={t('coordination.programmes.period')}>
                <Day date={programme.startDate} /> – <Day date={programme.endDate ?? null} />
              </Fact>
              <Fact label={t('coordination.programmes.startedBy')}>
                <Link to={`/coordination/meetings/${programme.meetingId}`}>
                  {t('coordination.programmes.decisionOfMeeting')}
                </Link>
              </Fact>
            </dl>
            {programme.summary.trim() ? (
              <Markdown
                text={programme.summary}
                className="narrative-markdown"
                dir="auto"
                data-testid="programme-summary"
              />
            ) : (
              <p className="cell-muted">{t('coordination.programmes.noSummary')}</p>
            )}
          </DetailCard>
          <DetailCard
            headingId="milestones-heading"
            title={t('coordination.programmes.milestones')}
          >
            <MilestoneProgressView milestones={programme.milestones} progress={programme} />
            <MilestoneTable
              milestones={programme.milestones}
              closed={programme.status === 'completed' || programme.status === 'cancelled'}
            />
          </DetailCard>
          <DetailCard
            headingId="details-heading"
            title={t(`coordination.programmes.kinds.${programme.kind}`)}
          >
            <ProgrammeDetailsView details={programme.details} directory={directory} />
          </DetailCard>
        </div>
        <aside className="detail-side">
          <RecordCard record={programme} directory={directory} />
          <CoordinationHistory versions={versions} error={historyError} fields={fields} />
        </aside>
      </div>
    </div>
  );
}

/** Each milestone with its state in words: done (on the day), overdue, or to come. */
function MilestoneTable({
  milestones,
  closed,
}: {
  milestones: readonly Milestone[];
  closed: boolean;
}) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  if (milestones.length === 0) return null;
  const sorted = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid="milestones">
        <caption className="visually-hidden">{t('coordination.programmes.milestones')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coordination.fields.title')}</th>
            <th scope="col">{t('coordination.fields.dueDate')}</th>
            <th scope="col">{t('coordination.programmes.milestoneState')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((milestone, i) => {
            // The server's rule (programmes.service milestoneProgress), on the browser's day.
            const overdue = !closed && !milestone.doneOn && milestone.dueDate < today;
            return (
              <tr key={i} className={overdue ? 'row-overdue' : undefined}>
                <td dir="auto">{milestone.title}</td>
                <td>
                  <Day date={milestone.dueDate} />
                </td>
                <td>
                  {milestone.doneOn ? (
                    <span className="badge badge-active">
                      {t('coordination.programmes.doneOn')} <Day date={milestone.doneOn} />
                    </span>
                  ) : overdue ? (
                    <span className="badge badge-danger overdue-badge">
                      <Icon name="alert" width={14} height={14} />
                      {t('coordination.overdue')}
                    </span>
                  ) : (
                    <span className="cell-muted">{t('coordination.programmes.toCome')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
