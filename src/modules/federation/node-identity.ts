/**
 * This node's identity: an Ed25519 key pair made once, on first use, and
 * kept in the database (every process of a PostgreSQL node signs with the
 * same key), and the STIX `identity` object that names the node.
 */
import { generateKeyPairSync } from 'node:crypto';
import { isoNow, type Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../storage/executor.js';
import { findNodeIdentity, insertNodeIdentity, type NodeIdentityRow } from './peers.repository.js';
import { keyIdOf, privateKeyFromPem, rawPublicKey, type SigningKey } from './provenance.js';
import type { StixObject } from './stix/stix.types.js';

/** The node's identity, made now if it has none yet. */
export async function ensureNodeIdentity(
  db: Executor,
  clock: Clock,
  name: string,
): Promise<NodeIdentityRow> {
  const existing = await findNodeIdentity(db);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  await insertNodeIdentity(db, {
    id: newId('identity'),
    name,
    public_key: raw,
    private_key: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    key_id: keyIdOf(raw),
    created_at: isoNow(clock),
  });
  // Another process may have won the race: whatever is stored is the identity.
  const stored = await findNodeIdentity(db);
  if (!stored) throw new Error('the node identity could not be stored');
  return stored;
}

export function signingKeyOf(identity: NodeIdentityRow): SigningKey {
  return {
    nodeId: identity.id,
    keyId: identity.key_id,
    privateKey: privateKeyFromPem(identity.private_key),
  };
}

/** The node as a STIX identity (a system, in the terms of the STIX identity-class vocabulary). */
export function nodeIdentityObject(identity: NodeIdentityRow): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: identity.id,
    created: identity.created_at,
    modified: identity.created_at,
    name: identity.name,
    identity_class: 'system',
    description: `Tandem node. Ed25519 public key (raw, base64url): ${identity.public_key}`,
  };
}
