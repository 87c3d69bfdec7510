/**
 * Requests this node makes to a peer's TAXII API root, each signed with the
 * node key (peer-requests.ts). Redirects are not followed (a peer's address
 * is what its administrator registered, nothing else), bodies are capped,
 * and every request has a deadline.
 */
import type { Clock } from '../../core/clock.js';
import { signRequest } from './peer-requests.js';
import type { PeerRow } from './peers.repository.js';
import type { SigningKey } from './provenance.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const TAXII_API_ROOT_PATH = '/taxii2/tandem/';
const REQUEST_TIMEOUT_MS = 30_000;

export interface PeerResponse {
  status: number;
  headers: Headers;
  body: string;
}

export class PeerRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PeerRequestError';
  }
}

export interface PeerClient {
  get(pathAndQuery: string): Promise<PeerResponse>;
  post(pathAndQuery: string, body: string, contentType?: string): Promise<PeerResponse>;
}

export function peerClient(
  peer: Pick<PeerRow, 'base_url'>,
  key: SigningKey,
  clock: Clock,
): PeerClient {
  const send = async (
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: string,
    contentType?: string,
  ): Promise<PeerResponse> => {
    const base = new URL(peer.base_url);
    const url = new URL(pathAndQuery, base);
    const signedPath = `${url.pathname}${url.search}`;
    const headers: Record<string, string> = {
      accept: TAXII_MEDIA_TYPE,
      authorization: signRequest(key, { method, pathAndQuery: signedPath, body }, clock.now()),
    };
    if (body !== undefined) headers['content-type'] = contentType ?? TAXII_MEDIA_TYPE;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PeerRequestError(`the peer could not be reached: ${(error as Error).message}`);
    }
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  return {
    get: (pathAndQuery) => send('GET', pathAndQuery),
    post: (pathAndQuery, body, contentType) => send('POST', pathAndQuery, body, contentType),
  };
}
