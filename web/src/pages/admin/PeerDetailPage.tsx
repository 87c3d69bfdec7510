/**
 * One peer: its address, key, hosted organisations and pull state, and what
 * it receives from this node. The peer comes from the list of peers (the
 * server has no single-peer read; a node has few peers).
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { listPeers } from '../../api/federation';
import { DetailCard, DetailFallback, Fact } from '../../components/Detail';
import { BackLink } from '../../components/Page';
import { currentLocale } from '../../i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLoaded } from '../../lib/useLoaded';
import { PeerReceivesPanel } from './PeerReceivesPanel';

async function loadPeer(id: string, signal: AbortSignal) {
  const peer = (await listPeers(signal)).find((candidate) => candidate.id === id);
  if (!peer) throw new ApiError({ status: 404, code: 'NOT_FOUND', message: 'Not found.' });
  return peer;
}

export function PeerDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { loaded } = useLoaded(id, loadPeer);
  useDocumentTitle(loaded.status === 'ready' ? loaded.value.name : t('federation.page.title'));
  const back = <BackLink to="/peers" label={t('federation.detail.back')} />;
  if (loaded.status !== 'ready') {
    return (
      <DetailFallback
        loaded={loaded}
        back={back}
        notFoundTitle={t('federation.detail.notFound')}
        notFoundHint={t('federation.detail.notFoundHint')}
      />
    );
  }
  const peer = loaded.value;
  const when = (iso: string | null) =>
    iso ? formatDateTime(iso, locale) : t('federation.peers.never');
  return (
    <div className="page">
      {back}
      <header className="page-header">
        <h1>{peer.name}</h1>
        <p className="page-description">
          <span className="code peer-url" dir="ltr">
            {peer.baseUrl}
          </span>
        </p>
      </header>
      <div className="peers-card">
        <DetailCard headingId="peer-facts-heading" title={t('federation.detail.facts')}>
          <dl className="facts">
            <Fact label={t('federation.detail.id')}>
              <span className="code id-value" dir="ltr">
                {peer.id}
              </span>
            </Fact>
            <Fact label={t('federation.detail.keyId')}>
              <span className="code id-value" dir="ltr">
                {peer.keyId}
              </span>
            </Fact>
            <Fact label={t('federation.detail.added')}>
              {formatDateTime(peer.createdAt, locale)}
            </Fact>
            <Fact label={t('federation.detail.lastAttempt')}>{when(peer.sync.lastAttemptAt)}</Fact>
            <Fact label={t('federation.peers.columns.lastSuccess')}>
              {when(peer.sync.lastSuccessAt)}
            </Fact>
            <Fact label={t('federation.peers.columns.lastError')}>
              {peer.sync.lastError ? (
                <span className="peer-error">{peer.sync.lastError}</span>
              ) : (
                t('federation.peers.noError')
              )}
              {peer.sync.nextAttemptAt ? (
                <div className="cell-muted">
                  {t('federation.peers.nextAttempt', {
                    when: formatDateTime(peer.sync.nextAttemptAt, locale),
                  })}
                </div>
              ) : null}
            </Fact>
            <Fact label={t('federation.peers.columns.objectsReceived')}>
              {formatCount(peer.sync.objectsReceived, locale)}
            </Fact>
            <Fact label={t('federation.peers.columns.failures')}>
              {formatCount(peer.sync.failures, locale)}
            </Fact>
            <Fact label={t('federation.detail.organisations')}>
              <ul className="source-list">
                {peer.orgIds.map((orgId) => (
                  <li key={orgId}>
                    <span className="code id-value" dir="ltr">
                      {orgId}
                    </span>
                  </li>
                ))}
              </ul>
            </Fact>
          </dl>
        </DetailCard>
      </div>
      <PeerReceivesPanel peerId={peer.id} />
    </div>
  );
}
