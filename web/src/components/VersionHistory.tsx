/**
 * A record's versions as its detail page lists them: newest first, each
 * numbered and dated, the current one marked, and under each what it changed
 * from the version before. What counts as a change, and how it reads, is
 * the caller's: incidents and threat reports differ there.
 */
import type { ReactNode } from 'react';
import { currentLocale } from '../i18n';
import { diffWords } from '../lib/diffWords';
import { formatDateTime } from '../lib/format';

/** Two stored values are the same when their JSON is (missing and null alike). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A text from one version to the next, word by word: inserted and deleted words marked. */
export function WordDiff({
  before,
  after,
  testId,
}: {
  before: string;
  after: string;
  testId: string;
}) {
  return (
    <p className="narrative-diff" data-testid={testId}>
      {diffWords(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : (
          <del key={index}>{part.text}</del>
        ),
      )}
    </p>
  );
}

export function VersionHistory<Version extends { modified: string }>({
  versions,
  testId,
  versionLabel,
  currentLabel,
  badges,
  changes,
  first,
}: {
  /** Newest first, as the history endpoints answer. */
  versions: readonly Version[];
  testId: string;
  versionLabel: (number: number) => string;
  currentLabel: string;
  /** More badges beside the date (e.g. revoked). */
  badges?: (version: Version) => ReactNode;
  changes: (before: Version, after: Version) => ReactNode;
  /** What the oldest version the reader may see says instead of changes. */
  first: (version: Version) => ReactNode;
}) {
  const locale = currentLocale();
  return (
    <ol className="history" data-testid={testId}>
      {versions.map((version, index) => {
        const older = versions[index + 1];
        return (
          <li key={version.modified} className="history-entry">
            <div className="history-head">
              <span className="cell-strong">{versionLabel(versions.length - index)}</span>
              <time dateTime={version.modified} className="cell-muted">
                {formatDateTime(version.modified, locale)}
              </time>
              {index === 0 ? <span className="badge badge-active">{currentLabel}</span> : null}
              {badges?.(version)}
            </div>
            {older ? changes(older, version) : first(version)}
          </li>
        );
      })}
    </ol>
  );
}
