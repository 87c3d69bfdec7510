/**
 * What a capability gives the scheduler: one handler per deadline kind. A
 * handler runs inside the transaction that marks its deadline fired, so the
 * effect (an alarm, the next deadline) and the firing commit together or not
 * at all; it must not call out of the process (publish live events with
 * afterCommit).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { DeadlineRow } from './deadlines.repository.js';

export type DeadlineHandler = (trx: Transaction<Database>, deadline: DeadlineRow) => Promise<void>;

/** Handlers by deadline kind, composed in app/workers.ts. */
export type DeadlineHandlers = Readonly<Record<string, DeadlineHandler>>;
