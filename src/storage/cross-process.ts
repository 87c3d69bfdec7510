/**
 * Notifications between the processes that share one database: small text
 * payloads that every listening process receives. Only PostgreSQL has them
 * (LISTEN/NOTIFY, dialects/postgres-live.ts); SQLite is one process, where
 * in-process fan-out is all there is. Delivery is best-effort: a process that
 * is not listening at the moment a payload is sent never sees it, so anything
 * that must not be lost is also kept in a table and found by a scan.
 */
export interface CrossProcessChannel {
  /** Sends `payload` to every process listening now (this one included). */
  notify(payload: string): Promise<void>;
  /**
   * Listens until the returned function is called. `onError` reports a lost
   * connection, after which nothing more arrives: the caller listens again.
   */
  listen(
    onPayload: (payload: string) => void,
    onError: (error: unknown) => void,
  ): Promise<() => Promise<void>>;
}
