/**
 * The peers of this node with their pull state (last successful pull, last
 * error, objects received, failures), "pull now", remove (after asking) and
 * the form that adds one. Each name leads to what that peer receives.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pullPeer, removePeer, type Peer } from '../../api/federation';
import { Link } from '../../app/router';
import { ConfirmDialog, useConfirmedAction } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { ListTable } from '../../components/ListTable';
import { EmptyState, Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { PeerForm } from './PeerForm';
import { usePeers } from './usePeers';

type Message = { tone: 'success' | 'error'; text: string } | null;

export function PeersPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = usePeers();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [pulling, setPulling] = useState<string | null>(null);
  const removal = useConfirmedAction<Peer>(async (peer) => {
    await removePeer(peer.id);
    setMessage({ tone: 'success', text: t('federation.peers.removed', { name: peer.name }) });
  }, list.reload);

  async function pull(peer: Peer): Promise<void> {
    setPulling(peer.id);
    try {
      await pullPeer(peer.id);
      setMessage({ tone: 'success', text: t('federation.peers.pullStarted', { name: peer.name }) });
      list.reload();
    } catch (failure) {
      setMessage({ tone: 'error', text: describeError(failure, t) });
    } finally {
      setPulling(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="peers-heading">
      <div className="panel-toolbar">
        <h2 id="peers-heading" className="panel-title">
          {t('federation.peers.title')}
        </h2>
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          <Icon name="plus" />
          {t('federation.peers.add')}
        </button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <ListTable
        list={list}
        onRetry={list.reload}
        testId="peers-table"
        dense={false}
        columns={[
          { label: t('federation.peers.columns.name') },
          { label: t('federation.peers.columns.organisations') },
          { label: t('federation.peers.columns.lastSuccess') },
          { label: t('federation.peers.columns.lastError') },
          { label: t('federation.peers.columns.objectsReceived') },
          { label: t('federation.peers.columns.failures') },
          { label: <span className="visually-hidden">{t('common.actions')}</span> },
        ]}
        empty={
          <EmptyState title={t('federation.peers.empty')}>
            {t('federation.peers.emptyHint')}
          </EmptyState>
        }
      >
        {list.items.map((peer) => (
          <tr key={peer.id}>
            <td>
              <Link to={`/peers/${peer.id}`} className="cell-strong">
                {peer.name}
              </Link>
              <div className="code peer-url cell-muted" dir="ltr">
                {peer.baseUrl}
              </div>
            </td>
            <td>{formatCount(peer.orgIds.length, locale)}</td>
            <td className="cell-muted">
              {peer.sync.lastSuccessAt
                ? formatDateTime(peer.sync.lastSuccessAt, locale)
                : t('federation.peers.never')}
            </td>
            <td>
              {peer.sync.lastError ? (
                <span className="peer-error">{peer.sync.lastError}</span>
              ) : (
                <span className="cell-muted">{t('federation.peers.noError')}</span>
              )}
            </td>
            <td>{formatCount(peer.sync.objectsReceived, locale)}</td>
            <td>{formatCount(peer.sync.failures, locale)}</td>
            <td>
              <div className="row-actions peer-actions">
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => void pull(peer)}
                  disabled={pulling === peer.id}
                  aria-label={t('federation.peers.pullNowNamed', { name: peer.name })}
                >
                  {t('federation.peers.pullNow')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => removal.ask(peer)}
                  aria-label={t('federation.peers.removeNamed', { name: peer.name })}
                >
                  {t('federation.peers.remove')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </ListTable>
      <Dialog title={t('federation.form.title')} open={adding} onClose={() => setAdding(false)}>
        {adding ? (
          <PeerForm
            onCancel={() => setAdding(false)}
            onAdded={(peer) => {
              setAdding(false);
              setMessage({
                tone: 'success',
                text: t('federation.peers.added', { name: peer.name }),
              });
              list.reload();
            }}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        action={removal}
        title={t('federation.peers.removeTitle', { name: removal.pending?.name ?? '' })}
        confirmLabel={t('federation.peers.remove')}
        danger
      >
        <p>{t('federation.peers.removeExplanation', { name: removal.pending?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
