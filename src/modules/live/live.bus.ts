/**
 * Live events for open browsers (server-sent events) and other in-process
 * listeners: an alert was raised or acknowledged, an alarm was raised or
 * escalated, a movement changed state or checked in. An event names only
 * what changed; whoever delivers it reads the subject again through the
 * policy for each listener, so an event can never carry what a listener may
 * not read.
 *
 * Owns: fan-out within this process. Must never: carry record content.
 */
export type LiveChannel = 'alert' | 'alarm' | 'movement';

export interface LiveEvent {
  channel: LiveChannel;
  /** The alert, alarm or movement id. */
  id: string;
  /** What happened to it, e.g. 'raised', 'acknowledged', 'escalated', 'checked-in'. */
  change: string;
}

export interface LiveBus {
  publish(event: LiveEvent): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

export function createLiveBus(): LiveBus {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // One broken listener (a closed stream) must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
