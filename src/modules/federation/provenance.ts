/**
 * Provenance: every object version that leaves a node is signed by its
 * originating node with Ed25519 over the object's canonical JSON (RFC 8785)
 * without the provenance extension itself, which then carries the signer's
 * node id, key id and signature. A receiver verifies against the public key
 * of the peer the key id names, before anything is stored.
 *
 * Pure apart from the crypto; never decides whether an object may leave.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json.js';
import { signEd25519, verifyEd25519 } from './ed25519.js';
import { TANDEM_EXTENSIONS, type StixObject } from './stix/stix.types.js';

export interface SigningKey {
  /** The node's STIX identity id. */
  nodeId: string;
  keyId: string;
  privateKey: KeyObject;
}

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(rawBase64url: string): KeyObject {
  const raw = Buffer.from(rawBase64url, 'base64url');
  if (raw.length !== 32) throw new TypeError('an Ed25519 public key has 32 bytes');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

export function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(ED25519_SPKI_PREFIX.length).toString('base64url');
}

/** A short, stable name of a public key: the first 16 bytes of its SHA-256, base64url. */
export function keyIdOf(rawBase64url: string): string {
  return createHash('sha256')
    .update(Buffer.from(rawBase64url, 'base64url'))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey(pem);
}

export interface ProvenanceClaim {
  node: string;
  keyId: string;
  signature: string;
}

/** The object as it is signed: without the provenance extension (and without `extensions` if that was all). */
function unsignedForm(object: StixObject): StixObject {
  const extensions = object.extensions;
  if (extensions === undefined || !(TANDEM_EXTENSIONS.provenance in extensions)) return object;
  const rest = { ...extensions };
  delete rest[TANDEM_EXTENSIONS.provenance];
  const copy: StixObject = { ...object, extensions: rest };
  if (Object.keys(rest).length === 0) delete copy.extensions;
  return copy;
}

export function signObject(object: StixObject, key: SigningKey): StixObject {
  const payload = Buffer.from(canonicalJson(unsignedForm(object)), 'utf8');
  const signature = signEd25519(payload, key.privateKey).toString('base64url');
  return {
    ...object,
    extensions: {
      ...(object.extensions ?? {}),
      [TANDEM_EXTENSIONS.provenance]: {
        extension_type: 'property-extension',
        node: key.nodeId,
        key_id: key.keyId,
        signature,
      },
    },
  };
}

/** The provenance an object claims, or undefined when it carries none (or a malformed one). */
export function provenanceOf(object: StixObject): ProvenanceClaim | undefined {
  const claim = object.extensions?.[TANDEM_EXTENSIONS.provenance];
  if (claim === undefined || claim === null || typeof claim !== 'object') return undefined;
  const { node, key_id: keyId, signature } = claim;
  if (typeof node !== 'string' || typeof keyId !== 'string' || typeof signature !== 'string')
    return undefined;
  return { node, keyId, signature };
}

/** True when the object carries a signature by `publicKey` (raw 32 bytes) over exactly its content. */
export function verifyObject(object: StixObject, publicKey: Buffer): boolean {
  const claim = provenanceOf(object);
  if (claim === undefined) return false;
  let payload: Buffer;
  try {
    payload = Buffer.from(canonicalJson(unsignedForm(object)), 'utf8');
  } catch {
    return false; // not plain JSON data: nothing a signature could cover
  }
  return verifyEd25519(payload, Buffer.from(claim.signature, 'base64url'), publicKey);
}
