/**
 * Every version of a coordination record the reader may see, newest first,
 * each with what it changed from the one before: the marking as before →
 * after, and the names of the other fields that changed (progress notes
 * are counted, since each note is a version of its own).
 */
import { useTranslation } from 'react-i18next';
import type { CoordinationVersion } from '../../api/coordination';
import { DetailCard } from '../../components/Detail';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Notice } from '../../components/Notice';
import { sameValue, VersionHistory } from '../../components/VersionHistory';
import { describeError } from '../../i18n/errors';

export interface HistoryField<Body> {
  key: keyof Body & string;
  label: string;
}

function notesOf(version: CoordinationVersion<object>): number {
  const notes = (version.record as { progressNotes?: unknown }).progressNotes;
  return Array.isArray(notes) ? notes.length : 0;
}

function Changes<Body extends object>({
  before,
  after,
  fields,
}: {
  before: CoordinationVersion<Body>;
  after: CoordinationVersion<Body>;
  fields: readonly HistoryField<Body>[];
}) {
  const { t } = useTranslation();
  const changes = [];
  if (before.marking !== after.marking) {
    changes.push(
      <li key="marking">
        <span className="change-label">{t('coordination.fields.marking')}</span>{' '}
        <MarkingBadge marking={before.marking} /> → <MarkingBadge marking={after.marking} />
      </li>,
    );
  }
  if (!sameValue(before.releasableTo, after.releasableTo)) {
    changes.push(
      <li key="release">
        <span className="change-label">{t('coordination.fields.releasableTo')}</span>
      </li>,
    );
  }
  const added = notesOf(after) - notesOf(before);
  if (added > 0) {
    changes.push(<li key="notes">{t('coordination.history.notesAdded', { count: added })}</li>);
  }
  const changed = fields.filter(
    (field) => !sameValue(before.record[field.key], after.record[field.key]),
  );
  if (changed.length > 0) {
    changes.push(
      <li key="fields">
        <span className="change-label">{t('coordination.history.changed')}</span>{' '}
        {changed.map((field) => field.label).join(', ')}
      </li>,
    );
  }
  if (changes.length === 0)
    return <p className="cell-muted">{t('coordination.history.noChange')}</p>;
  return <ul className="change-list">{changes}</ul>;
}

export function CoordinationHistory<Body extends object>({
  versions,
  error,
  fields,
}: {
  versions: CoordinationVersion<Body>[] | null;
  error: unknown;
  fields: readonly HistoryField<Body>[];
}) {
  const { t } = useTranslation();
  return (
    <DetailCard headingId="history-heading" title={t('coordination.history.title')}>
      {versions ? (
        <VersionHistory
          versions={versions}
          testId="coordination-history"
          versionLabel={(number) => t('coordination.history.version', { number })}
          currentLabel={t('coordination.history.current')}
          changes={(before, after) => <Changes before={before} after={after} fields={fields} />}
          first={() => <p className="cell-muted">{t('coordination.history.first')}</p>}
        />
      ) : null}
      {error ? <Notice tone="error">{describeError(error, t)}</Notice> : null}
    </DetailCard>
  );
}
