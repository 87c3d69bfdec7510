/**
 * "What this peer receives": the records this node releases to one peer,
 * page by page, each with how it leaves (in full or with personal data
 * removed), and how many more leave that the viewer may not read (counted,
 * never named). The server decides; this panel only shows.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewPeer } from '../../api/federation';
import { Link } from '../../app/router';
import { DecisionBadge } from '../../components/federation/DecisionBadge';
import { recordPath, recordTypeLabel } from '../../components/federation/recordLinks';
import { ListTable } from '../../components/ListTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { EmptyState, Notice } from '../../components/Notice';
import { ListPagination } from '../../components/Pagination';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useCursorPages } from '../../lib/useCursorPages';

const PAGE_SIZE = 25;

export function PeerReceivesPanel({ peerId }: { peerId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [unreadable, setUnreadable] = useState(0);
  const load = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const page = await previewPeer(peerId, { limit: PAGE_SIZE, cursor }, signal);
      if (!signal.aborted) setUnreadable(page.unreadable);
      return page;
    },
    [peerId],
  );
  const list = useCursorPages(load, peerId);

  return (
    <section className="panel" aria-labelledby="peer-receives-heading">
      <div className="panel-toolbar">
        <h2 id="peer-receives-heading" className="panel-title">
          {t('federation.receives.title')}
        </h2>
      </div>
      <p className="field-hint">{t('federation.receives.hint')}</p>
      <ListTable
        list={list}
        onRetry={list.reload}
        testId="peer-preview-table"
        columns={[
          { label: t('federation.receives.columns.title') },
          { label: t('federation.receives.columns.type') },
          { label: t('federation.receives.columns.marking') },
          { label: t('federation.receives.columns.decision') },
          { label: t('federation.receives.columns.modified') },
        ]}
        empty={<EmptyState title={t('federation.receives.empty')} />}
      >
        {list.items.map((item) => {
          const path = recordPath(item.type, item.id);
          return (
            <tr key={item.id}>
              <td className="cell-strong">
                {path ? (
                  <Link to={path} dir="auto">
                    {item.title}
                  </Link>
                ) : (
                  <span dir="auto">{item.title}</span>
                )}
                {item.revoked ? (
                  <>
                    {' '}
                    <span className="badge badge-disabled">{t('federation.receives.revoked')}</span>
                  </>
                ) : null}
              </td>
              <td>{recordTypeLabel(item.type, t)}</td>
              <td>
                <MarkingBadge marking={item.marking} />
              </td>
              <td>
                <DecisionBadge decision={item.decision} />
                {item.removedFields.length > 0 ? (
                  <div className="egress-removed">
                    {t('federation.receives.removed', { fields: item.removedFields.join(', ') })}
                  </div>
                ) : null}
              </td>
              <td className="cell-muted">{formatDateTime(item.modified, locale)}</td>
            </tr>
          );
        })}
      </ListTable>
      {list.status === 'ready' && unreadable > 0 ? (
        <Notice tone="info">{t('federation.receives.unreadable', { count: unreadable })}</Notice>
      ) : null}
      <ListPagination list={list} />
    </section>
  );
}
