/** What the TAXII server needs from the composition root. */
import type { Clock } from '../../../core/clock.js';
import type { Executor } from '../../../storage/executor.js';
import type { AuditLog } from '../../audit/audit.service.js';
import type { IdentityDeps } from '../../identity/identity.types.js';
import type { PeerCollections } from './taxii.contract.js';

export interface TaxiiDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  /** API tokens (HTTP Basic) and the login throttling settings reused for failed attempts. */
  identity: IdentityDeps;
  /** The per-peer egress view and peers' pushes (federation implements it). */
  peerCollections: PeerCollections;
  /** Largest request body accepted (the API root's max_content_length). */
  maxContentLength: number;
  nodeName(): Promise<string>;
  /** This node's public URL: discovery then names API roots absolutely. */
  publicUrl?: string | undefined;
}
