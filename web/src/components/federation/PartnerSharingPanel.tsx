/**
 * "Shared with partner nodes" on a record's page: for each peer, what it
 * receives of this version (in full, with personal data removed, or nothing
 * and why) and the STIX it would get. Shown only to those the server answers
 * (the record's editors and node administrators); for anyone else it renders
 * nothing. It never works out a decision itself: it shows the server's.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { recordEgress, type PeerEgress, type RecordEgress } from '../../api/federation';
import { describeError } from '../../i18n/errors';
import { DetailCard } from '../Detail';
import { Notice } from '../Notice';
import { DecisionBadge } from './DecisionBadge';
import { reasonLabel } from './recordLinks';
import './federation.css';

type State =
  | { status: 'loading' }
  | { status: 'hidden' }
  | { status: 'ready'; egress: RecordEgress }
  | { status: 'error'; error: unknown };

function useRecordEgress(recordId: string, version: string | undefined): State {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    recordEgress(recordId, controller.signal).then(
      (egress) => setState({ status: 'ready', egress }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // 403/404: this reader may not see what leaves; the panel is simply not there.
        const hidden = error instanceof ApiError && (error.status === 403 || error.status === 404);
        setState(hidden ? { status: 'hidden' } : { status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [recordId, version]);
  return state;
}

function PeerEntry({ peer }: { peer: PeerEgress }) {
  const { t } = useTranslation();
  const reason = peer.decision === 'none' ? reasonLabel(peer.reason, t) : null;
  return (
    <li className="egress-peer" data-testid="egress-peer">
      <div className="egress-peer-head">
        <h3 className="egress-peer-name">{peer.peerName}</h3>
        <DecisionBadge decision={peer.decision} />
      </div>
      {reason ? <p className="egress-reason">{reason}</p> : null}
      {peer.decision === 'redacted' && peer.removedFields.length > 0 ? (
        <p className="egress-removed">
          {t('federation.egress.removedFields', { fields: peer.removedFields.join(', ') })}
        </p>
      ) : null}
      {peer.objects.length > 0 ? (
        <details className="egress-stix">
          <summary>
            {t('federation.egress.showStix', { peer: peer.peerName })} (
            {t('federation.egress.objects', { count: peer.objects.length })})
          </summary>
          {/* Focusable so that the keyboard can scroll a long document. */}
          <pre
            dir="ltr"
            tabIndex={0}
            aria-label={t('federation.egress.showStix', { peer: peer.peerName })}
            data-testid="egress-stix"
          >
            {JSON.stringify(peer.objects, null, 2)}
          </pre>
        </details>
      ) : null}
    </li>
  );
}

/** `version` (the record's `modified`) asks again after the record changed on the page. */
export function PartnerSharingPanel({ recordId, version }: { recordId: string; version?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const state = useRecordEgress(recordId, version);
  if (state.status === 'loading' || state.status === 'hidden') return null;
  return (
    <div data-testid="partner-sharing">
      <DetailCard headingId={headingId} title={t('federation.egress.title')}>
        {state.status === 'error' ? (
          <Notice tone="error">{describeError(state.error, t)}</Notice>
        ) : (
          <>
            <p className="field-hint">{t('federation.egress.hint')}</p>
            {state.egress.peers.length === 0 ? (
              <p className="cell-muted">{t('federation.egress.noPeers')}</p>
            ) : (
              <ul className="egress-list">
                {state.egress.peers.map((peer) => (
                  <PeerEntry key={peer.peerId} peer={peer} />
                ))}
              </ul>
            )}
          </>
        )}
      </DetailCard>
    </div>
  );
}
