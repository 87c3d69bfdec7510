/**
 * "Pull this peer now", from whoever learns it (a push notice, an
 * administrator's button) to this process's sync worker, which may start
 * after the HTTP routes that learn it. One per node context, so two nodes in
 * one process (tests, the federated demo) never wake each other.
 */
export interface PullWakeups {
  wake(peerId: string): void;
  /** The worker's subscription; returns the function that ends it. */
  onWake(listener: (peerId: string) => void): () => void;
}

export function createPullWakeups(): PullWakeups {
  const listeners = new Set<(peerId: string) => void>();
  return {
    wake(peerId) {
      for (const listener of listeners) listener(peerId);
    },
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
