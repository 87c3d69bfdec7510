/**
 * One meeting of a working group: when and where, who took part, the
 * agenda, the minutes (Markdown, rendered without HTML), its attachments,
 * the decisions taken with their action items, the record and its history.
 */
import { useTranslation } from 'react-i18next';
import { meetings, workingGroups, type MeetingInput } from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { Markdown } from '../../components/Markdown';
import { MarkingBadge } from '../../components/MarkingBadge';
import { BackLink } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { formatEventDate } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { AttachmentsSection } from './AttachmentsSection';
import { CoordinationHistory, type HistoryField } from './CoordinationHistory';
import { DecisionsSection } from './DecisionsSection';
import { OrgList } from './labels';
import { canEditCoordination } from './permissions';
import { RecordCard } from './RecordCard';

const loadMeeting = withHistory(meetings.get, meetings.history);

export default function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded } = useLoaded(id, loadMeeting);
  const stored = loaded.status === 'ready' ? loaded.value.record : null;
  const heading = stored
    ? t('coordination.meetings.heading', {
        date: formatEventDate(stored.date, 1, currentLocale()),
        place: stored.place,
      })
    : t('coordination.meetings.title');
  useDocumentTitle(heading);

  const back = <BackLink to="/coordination" label={t('coordination.groups.backToList')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('coordination.meetings.notFound')}
        notFoundHint={t('coordination.notFoundHint')}
      />
    );
  }
  const { record: meeting, versions, historyError } = loaded.value;
  const editor = canEditCoordination(user, meeting);
  const fields: HistoryField<MeetingInput>[] = [
    { key: 'date', label: t('coordination.fields.date') },
    { key: 'place', label: t('coordination.fields.place') },
    { key: 'participantOrgIds', label: t('coordination.fields.participants') },
    { key: 'agenda', label: t('coordination.fields.agenda') },
    { key: 'minutes', label: t('coordination.fields.minutes') },
  ];

  return (
    <div className="page page-coordination-record">
      <BackLink
        to={`/coordination/groups/${meeting.workingGroupId}`}
        label={t('coordination.groups.backToGroup')}
      />
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{heading}</h1>
          <div className="incident-meta">
            <MarkingBadge marking={meeting.marking} />
            <GroupName id={meeting.workingGroupId} />
          </div>
        </div>
        {editor ? (
          <div className="header-actions">
            <Link to={`/coordination/meetings/${id}/edit`} className="button button-secondary">
              {t('coordination.actions.edit')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="meeting-heading" title={t('coordination.meetings.details')}>
            <dl className="facts">
              <Fact label={t('coordination.fields.date')}>
                {formatEventDate(meeting.date, 1, currentLocale())}
              </Fact>
              <Fact label={t('coordination.fields.place')}>
                <span dir="auto">{meeting.place}</span>
              </Fact>
              <Fact label={t('coordination.fields.participants')}>
                <OrgList ids={meeting.participantOrgIds} directory={directory} />
              </Fact>
            </dl>
            <h3 className="section-title">{t('coordination.fields.agenda')}</h3>
            {meeting.agenda ? (
              <p className="pre-wrap" dir="auto" data-testid="agenda">
                {meeting.agenda}
              </p>
            ) : (
              <p className="cell-muted">{t('coordination.meetings.noAgenda')}</p>
            )}
          </DetailCard>
          <DetailCard headingId="minutes-heading" title={t('coordination.fields.minutes')}>
            {meeting.minutes.trim() ? (
              <Markdown
                text={meeting.minutes}
                className="narrative-markdown"
                dir="auto"
                data-testid="minutes"
              />
            ) : (
              <p className="cell-muted">{t('coordination.meetings.noMinutes')}</p>
            )}
          </DetailCard>
          <DecisionsSection meetingId={id} directory={directory} />
        </div>
        <aside className="detail-side">
          <AttachmentsSection meetingId={id} mayEdit={editor} directory={directory} />
          <RecordCard record={meeting} directory={directory} />
          <CoordinationHistory versions={versions} error={historyError} fields={fields} />
        </aside>
      </div>
    </div>
  );
}

/** The meeting's group by name, as a link; only its id is known when the reader may not read it. */
function GroupName({ id }: { id: string }) {
  const { t } = useTranslation();
  const { loaded } = useLoaded(id, workingGroups.get);
  return (
    <Link to={`/coordination/groups/${id}`}>
      {loaded.status === 'ready' ? loaded.value.name : t('coordination.groups.heading')}
    </Link>
  );
}
