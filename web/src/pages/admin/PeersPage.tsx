/**
 * Administration → Peers, for node administrators (the route admits no one
 * else): this node's identity and its peers at /peers, and one peer with
 * what it receives at /peers/<identity id>.
 */
import { useTranslation } from 'react-i18next';
import { usePath } from '../../app/router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import NotFoundPage from '../NotFoundPage';
import { PeerDetailPage } from './PeerDetailPage';
import { PeersNodeCard } from './PeersNodeCard';
import { PeersPanel } from './PeersPanel';
import '../../components/federation/federation.css';

const DETAIL = /^\/peers\/(identity--[0-9a-f-]{36})\/?$/;

function PeersListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('federation.page.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('federation.page.title')}</h1>
        <p className="page-description">{t('federation.page.description')}</p>
      </header>
      <div className="peers-card">
        <PeersNodeCard />
      </div>
      <PeersPanel />
    </div>
  );
}

export default function PeersPage() {
  const path = usePath();
  if (path === '/peers' || path === '/peers/') return <PeersListPage />;
  const id = DETAIL.exec(path)?.[1];
  if (id) return <PeerDetailPage key={id} id={id} />;
  return <NotFoundPage />;
}
