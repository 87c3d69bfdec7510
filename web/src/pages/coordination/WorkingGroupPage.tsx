/**
 * One joint working group: what it is for, its members, chair and
 * secretary, its meetings (newest first) with the way to record one, its
 * action items in the tracker, the record and its history.
 */
import { useTranslation } from 'react-i18next';
import {
  listMeetings,
  workingGroups,
  type MeetingSummary,
  type WorkingGroupInput,
} from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState } from '../../components/Notice';
import { BackLink, NewRecordLink } from '../../components/Page';
import { ListPagination } from '../../components/Pagination';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useCursorPages } from '../../lib/useCursorPages';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { CoordinationHistory, type HistoryField } from './CoordinationHistory';
import { Day, OrgList, orgName } from './labels';
import { canEditCoordination, canWriteCoordination } from './permissions';
import { RecordCard } from './RecordCard';

const loadGroup = withHistory(workingGroups.get, workingGroups.history);
const PAGE_SIZE = 25;

export default function WorkingGroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded } = useLoaded(id, loadGroup);
  const meetingList = useCursorPages<MeetingSummary>(
    (cursor, signal) => listMeetings({ workingGroupId: id, limit: PAGE_SIZE, cursor }, signal),
    id,
  );
  const group = loaded.status === 'ready' ? loaded.value.record : null;
  useDocumentTitle(group ? group.name : t('coordination.groups.heading'));

  const back = <BackLink to="/coordination" label={t('coordination.groups.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('coordination.groups.notFound')}
        notFoundHint={t('coordination.notFoundHint')}
      />
    );
  }
  const { record, versions, historyError } = loaded.value;
  const newMeeting = {
    to: `/coordination/groups/${id}/meetings/new`,
    label: t('coordination.meetings.new'),
  };
  const fields: HistoryField<WorkingGroupInput>[] = [
    { key: 'name', label: t('coordination.fields.name') },
    { key: 'description', label: t('coordination.fields.description') },
    { key: 'memberOrgIds', label: t('coordination.fields.members') },
    { key: 'chairOrgId', label: t('coordination.fields.chair') },
    { key: 'secretaryOrgId', label: t('coordination.fields.secretary') },
  ];

  return (
    <div className="page page-coordination-record">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{record.name}</h1>
          <div className="incident-meta">
            <MarkingBadge marking={record.marking} />
            <span>{orgName(directory, record.createdBy, t)}</span>
          </div>
        </div>
        <div className="header-actions">
          <Link
            to={`/coordination/actions?workingGroupId=${id}`}
            className="button button-secondary"
          >
            {t('coordination.groups.actionItems')}
          </Link>
          {canEditCoordination(user, record) ? (
            <Link to={`/coordination/groups/${id}/edit`} className="button button-secondary">
              {t('coordination.actions.edit')}
            </Link>
          ) : null}
        </div>
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="group-heading" title={t('coordination.groups.profile')}>
            {record.description ? (
              <p className="pre-wrap" dir="auto">
                {record.description}
              </p>
            ) : (
              <p className="cell-muted">{t('coordination.groups.noDescription')}</p>
            )}
            <dl className="facts">
              <Fact label={t('coordination.fields.chair')}>
                {orgName(directory, record.chairOrgId, t)}
              </Fact>
              <Fact label={t('coordination.fields.secretary')}>
                {orgName(directory, record.secretaryOrgId, t)}
              </Fact>
              <Fact label={t('coordination.fields.members')}>
                <OrgList ids={record.memberOrgIds} directory={directory} />
              </Fact>
            </dl>
          </DetailCard>
          <section className="card card-tight" aria-labelledby="meetings-heading">
            <div className="card-header">
              <h2 id="meetings-heading" className="section-title">
                {t('coordination.meetings.title')}
              </h2>
              {canWriteCoordination(user) ? (
                <NewRecordLink {...newMeeting} className="button button-secondary button-small" />
              ) : null}
            </div>
            <ListTable
              list={meetingList}
              onRetry={meetingList.reload}
              testId="meetings-table"
              caption={t('coordination.meetings.title')}
              columns={[
                { label: t('coordination.fields.date') },
                { label: t('coordination.fields.place') },
                { label: t('coordination.fields.marking') },
              ]}
              empty={<EmptyState title={t('coordination.meetings.empty')} />}
            >
              {meetingList.items.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <Link to={`/coordination/meetings/${meeting.id}`} className="row-link">
                      <Day date={meeting.date} />
                    </Link>
                  </td>
                  <td dir="auto">{meeting.place}</td>
                  <td>
                    <MarkingBadge marking={meeting.marking} />
                  </td>
                </tr>
              ))}
            </ListTable>
            <ListPagination list={meetingList} />
          </section>
        </div>
        <aside className="detail-side">
          <RecordCard record={record} directory={directory} />
          <CoordinationHistory versions={versions} error={historyError} fields={fields} />
        </aside>
      </div>
    </div>
  );
}
