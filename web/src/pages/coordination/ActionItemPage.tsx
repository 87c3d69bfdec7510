/**
 * One action item: what is to be done, by whom and when (overdue said in
 * words), the decision it follows from, its progress notes with the way to
 * add one, the record and its history.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionItems,
  decisions,
  type ActionItemInput,
  type ProgressNote,
} from '../../api/coordination';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/Page';
import { knownUser, useKnownUsers } from '../../components/sharing/knownUsers';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useOrganisationDirectory } from '../../lib/organisationDirectory';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded, withHistory } from '../../lib/useLoaded';
import { CoordinationHistory, type HistoryField } from './CoordinationHistory';
import { ActionStatusBadge, Day, OverdueBadge, orgName } from './labels';
import { canAddProgressNote, canEditCoordination } from './permissions';
import { ProgressNoteForm } from './ProgressNoteForm';
import { RecordCard } from './RecordCard';

const loadItem = withHistory(actionItems.get, actionItems.history);

export default function ActionItemPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const directory = useOrganisationDirectory();
  const { loaded, reload } = useLoaded(id, loadItem);
  const [noted, setNoted] = useState(false);
  useDocumentTitle(
    loaded.status === 'ready' ? loaded.value.record.title : t('coordination.actionItems.heading'),
  );

  const back = (
    <BackLink to="/coordination/actions" label={t('coordination.tracker.backToTracker')} />
  );
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('coordination.actionItems.notFound')}
        notFoundHint={t('coordination.notFoundHint')}
      />
    );
  }
  const { record: item, versions, historyError } = loaded.value;
  const fields: HistoryField<ActionItemInput>[] = [
    { key: 'title', label: t('coordination.fields.title') },
    { key: 'ownerOrgId', label: t('coordination.fields.owner') },
    { key: 'dueDate', label: t('coordination.fields.dueDate') },
    { key: 'status', label: t('coordination.fields.status') },
  ];

  return (
    <div
      className={
        item.overdue
          ? 'page page-coordination-record item-overdue'
          : 'page page-coordination-record'
      }
    >
      {back}
      <header className="page-header page-header-actions">
        <div>
          <h1 dir="auto">{item.title}</h1>
          <div className="incident-meta">
            <ActionStatusBadge status={item.status} />
            {item.overdue ? <OverdueBadge /> : null}
            <MarkingBadge marking={item.marking} />
          </div>
        </div>
        {canEditCoordination(user, item) ? (
          <div className="header-actions">
            <Link to={`/coordination/actions/${id}/edit`} className="button button-secondary">
              {t('coordination.actions.edit')}
            </Link>
          </div>
        ) : null}
      </header>
      <div className="detail-grid">
        <div className="detail-main">
          <DetailCard headingId="item-heading" title={t('coordination.actionItems.details')}>
            <dl className="facts">
              <Fact label={t('coordination.fields.owner')}>
                {orgName(directory, item.ownerOrgId, t)}
              </Fact>
              <Fact label={t('coordination.fields.dueDate')}>
                <Day date={item.dueDate} />
              </Fact>
              <Fact label={t('coordination.fields.status')}>
                <ActionStatusBadge status={item.status} />
              </Fact>
            </dl>
            <ParentDecision decisionId={item.decisionId} />
          </DetailCard>
          <DetailCard headingId="notes-heading" title={t('coordination.notes.title')}>
            <NoteList notes={item.progressNotes ?? []} />
            {noted ? <Notice tone="success">{t('coordination.notes.added')}</Notice> : null}
            {canAddProgressNote(user, item) ? (
              <ProgressNoteForm
                itemId={id}
                itemTitle={item.title}
                onAdded={() => {
                  setNoted(true);
                  reload();
                }}
              />
            ) : null}
          </DetailCard>
        </div>
        <aside className="detail-side">
          <RecordCard record={item} directory={directory} />
          <CoordinationHistory versions={versions} error={historyError} fields={fields} />
        </aside>
      </div>
    </div>
  );
}

/** The decision the item follows from, with its meeting; the owner may not be allowed to read it. */
function ParentDecision({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const { loaded } = useLoaded(decisionId, decisions.get);
  if (loaded.status === 'loading') return null;
  if (loaded.status === 'error')
    return <p className="cell-muted">{t('coordination.actionItems.decisionHidden')}</p>;
  return (
    <div className="parent-decision">
      <h3 className="section-title">{t('coordination.actionItems.decision')}</h3>
      <blockquote className="decision-quote" dir="auto">
        {loaded.value.text}
      </blockquote>
      <Link to={`/coordination/meetings/${loaded.value.meetingId}`}>
        {t('coordination.actionItems.toMeeting')}
      </Link>
    </div>
  );
}

function NoteList({ notes }: { notes: readonly ProgressNote[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  useKnownUsers(notes.map((note) => note.byUser));
  if (notes.length === 0) return <p className="cell-muted">{t('coordination.notes.none')}</p>;
  // Newest first, as the history reads.
  return (
    <ol className="note-list" data-testid="progress-notes">
      {[...notes].reverse().map((note) => (
        <li key={`${note.at}-${note.byUser}`} className="note">
          <div className="history-head">
            <span className="cell-strong">
              {knownUser(note.byUser)?.displayName ?? t('coordination.notes.someone')}
            </span>
            <time dateTime={note.at} className="cell-muted">
              {formatDateTime(note.at, locale)}
            </time>
          </div>
          <p className="pre-wrap" dir="auto">
            {note.text}
          </p>
        </li>
      ))}
    </ol>
  );
}
