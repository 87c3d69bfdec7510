/**
 * This node's peers as one list (the server answers them all at once; a node
 * has few), in the shape ListTable reads, with a reload after a change.
 */
import { listPeers, type Peer } from '../../api/federation';
import type { ListStatus } from '../../components/ListTable';
import { useLoaded } from '../../lib/useLoaded';

const loadPeers = (_key: string, signal: AbortSignal) => listPeers(signal);

export interface PeerList {
  status: ListStatus;
  items: Peer[];
  error: unknown;
  reload: () => void;
}

export function usePeers(): PeerList {
  const { loaded, reload } = useLoaded('peers', loadPeers);
  if (loaded.status === 'ready')
    return { status: 'ready', items: loaded.value, error: null, reload };
  if (loaded.status === 'error') return { status: 'error', items: [], error: loaded.error, reload };
  return { status: 'loading', items: [], error: null, reload };
}
