/**
 * This node's identity as a partner needs it to register the node: the node
 * id, name, Ed25519 public key and key id, each with a copy button. Shows
 * only the public half of the key; the private key never reaches the browser.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getNodeIdentity } from '../../api/federation';
import { CopyButton } from '../../components/CopyButton';
import { DetailCard, Fact } from '../../components/Detail';
import { Notice, Spinner } from '../../components/Notice';
import { describeError } from '../../i18n/errors';
import { useLoaded } from '../../lib/useLoaded';

const loadIdentity = (_key: string, signal: AbortSignal) => getNodeIdentity(signal);

function CopyableValue({ value, copyLabel }: { value: string; copyLabel: string }) {
  return (
    <span className="node-identity-value">
      <span className="code" dir="ltr">
        {value}
      </span>
      <CopyButton text={value} label={copyLabel} />
    </span>
  );
}

export function PeersNodeCard() {
  const { t } = useTranslation();
  const { loaded } = useLoaded('node', loadIdentity);
  let body: ReactNode;
  if (loaded.status === 'loading') body = <Spinner label={t('common.loading')} />;
  else if (loaded.status === 'error')
    body = <Notice tone="error">{describeError(loaded.error, t)}</Notice>;
  else {
    const node = loaded.value;
    body = (
      <dl className="facts node-identity-facts" data-testid="node-identity">
        <Fact label={t('federation.node.nodeId')}>
          <CopyableValue value={node.nodeId} copyLabel={t('federation.node.copyNodeId')} />
        </Fact>
        <Fact label={t('federation.node.name')}>{node.name}</Fact>
        <Fact label={t('federation.node.publicKey')}>
          <CopyableValue value={node.publicKey} copyLabel={t('federation.node.copyPublicKey')} />
        </Fact>
        <Fact label={t('federation.node.keyId')}>
          <CopyableValue value={node.keyId} copyLabel={t('federation.node.copyKeyId')} />
        </Fact>
      </dl>
    );
  }
  return (
    <DetailCard headingId="node-identity-heading" title={t('federation.node.title')}>
      <p className="field-hint">{t('federation.node.hint')}</p>
      {body}
    </DetailCard>
  );
}
