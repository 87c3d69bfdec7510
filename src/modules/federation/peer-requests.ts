/**
 * Signed requests between Tandem peers. The sender signs, with its node key,
 * one line each of: the method, the path with its query, its time, a fresh
 * nonce and the SHA-256 of the body. The receiver finds the peer by key id,
 * verifies, refuses a time more than five minutes off its own clock, and
 * refuses a nonce it has seen (replay). Header:
 *
 *   Authorization: Tandem-Ed25519 key="<key id>", time="<ISO>", nonce="<hex>", signature="<base64url>"
 *
 * Generic TAXII clients use HTTP Basic with an API token instead (taxii/).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { Executor } from '../../storage/executor.js';
import {
  findPeerByKeyId,
  forgetNoncesBefore,
  rememberNonce,
  type PeerWithOrganisations,
} from './peers.repository.js';
import { publicKeyBytes, signEd25519, verifyEd25519 } from './ed25519.js';
import type { SigningKey } from './provenance.js';

export const PEER_AUTH_SCHEME = 'Tandem-Ed25519';
/** How far a request's time may be from this node's clock; nonces are kept this long. */
export const PEER_REQUEST_WINDOW_MS = 5 * 60_000;

export interface SignedRequest {
  method: string;
  /** Path and query exactly as sent (`/taxii2/…?added_after=…`). */
  pathAndQuery: string;
  body?: Buffer | string | undefined;
}

function bodyHash(body: Buffer | string | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('hex');
}

function payloadOf(request: SignedRequest, time: string, nonce: string): Buffer {
  return Buffer.from(
    [request.method.toUpperCase(), request.pathAndQuery, time, nonce, bodyHash(request.body)].join(
      '\n',
    ),
    'utf8',
  );
}

/** The Authorization header value for a request this node sends to a peer. */
export function signRequest(key: SigningKey, request: SignedRequest, now: Date): string {
  const time = now.toISOString();
  const nonce = randomBytes(16).toString('hex');
  const signature = signEd25519(payloadOf(request, time, nonce), key.privateKey).toString(
    'base64url',
  );
  return `${PEER_AUTH_SCHEME} key="${key.keyId}", time="${time}", nonce="${nonce}", signature="${signature}"`;
}

export interface PeerAuthorization {
  keyId: string;
  time: string;
  nonce: string;
  signature: string;
}

const PARAMETER = /([a-z]+)="([^"]*)"/g;

/** The parts of a Tandem-Ed25519 header, or undefined when it is not one. */
export function parsePeerAuthorization(header: string | undefined): PeerAuthorization | undefined {
  if (header === undefined || !header.startsWith(`${PEER_AUTH_SCHEME} `)) return undefined;
  const values = new Map<string, string>();
  for (const match of header.slice(PEER_AUTH_SCHEME.length + 1).matchAll(PARAMETER)) {
    values.set(match[1] as string, match[2] as string);
  }
  const keyId = values.get('key');
  const time = values.get('time');
  const nonce = values.get('nonce');
  const signature = values.get('signature');
  if (!keyId || !time || !nonce || !signature || nonce.length > 128) return undefined;
  return { keyId, time, nonce, signature };
}

export function isPeerAuthorization(header: string | undefined): boolean {
  return header?.startsWith(`${PEER_AUTH_SCHEME} `) === true;
}

export type PeerAuthenticationFailure = 'signature_invalid' | 'replayed';

/**
 * The registered peer that signed this request, or why it is refused. The
 * nonce is remembered only once the signature verifies, so a forger cannot
 * burn a real peer's nonces.
 */
export async function authenticatePeerRequest(
  db: Executor,
  clock: Clock,
  header: string | undefined,
  request: SignedRequest,
): Promise<Result<PeerWithOrganisations, PeerAuthenticationFailure>> {
  const parts = parsePeerAuthorization(header);
  if (!parts) return fail('signature_invalid');
  const peer = await findPeerByKeyId(db, parts.keyId);
  if (!peer) return fail('signature_invalid');
  const publicKey = publicKeyBytes(peer.public_key);
  const verified =
    publicKey !== undefined &&
    verifyEd25519(
      payloadOf(request, parts.time, parts.nonce),
      Buffer.from(parts.signature, 'base64url'),
      publicKey,
    );
  if (!verified) return fail('signature_invalid');
  const now = clock.now().getTime();
  const sent = Date.parse(parts.time);
  if (!Number.isFinite(sent) || Math.abs(now - sent) > PEER_REQUEST_WINDOW_MS) {
    return fail('replayed');
  }
  const seenAt = new Date(now).toISOString();
  if (!(await rememberNonce(db, peer.id, parts.nonce, seenAt))) return fail('replayed');
  return ok(peer);
}

/** Drops nonces that can no longer be replayed (their time is outside the window anyway). */
export async function forgetExpiredNonces(db: Executor, clock: Clock): Promise<void> {
  const before = new Date(clock.now().getTime() - 2 * PEER_REQUEST_WINDOW_MS).toISOString();
  await forgetNoncesBefore(db, before);
}
