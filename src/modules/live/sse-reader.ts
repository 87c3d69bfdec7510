/**
 * Reads a server-sent-events body (a fetch Response's body or a Node
 * IncomingMessage: both are async iterables of bytes) as events: what a
 * non-browser client of GET /api/live needs (the tests, the bench).
 * Handles frames split across chunks; comments (heartbeats) are reported
 * separately so a caller can wait for them.
 */
export interface SseMessage {
  event: string;
  data: string;
}

export interface SseReader {
  /** The next event, or undefined when the stream ended. Rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseMessage | undefined>;
  /** Comments seen so far (': heartbeat'), without the colon. */
  readonly comments: string[];
  cancel(): Promise<void>;
}

export function readSse(
  body: AsyncIterable<Uint8Array | string>,
  /** How to abandon the stream (e.g. destroy the request); by default the iterator is returned. */
  abandon?: () => void,
): SseReader {
  const iterator = body[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  const ready: SseMessage[] = [];
  const comments: string[] = [];
  let buffer = '';
  let ended = false;

  function parseFrames(): void {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) ready.push({ event, data: data.join('\n') });
    }
  }

  async function pull(): Promise<void> {
    const chunk = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
    if (chunk.done) ended = true;
    else
      buffer +=
        typeof chunk.value === 'string'
          ? chunk.value
          : decoder.decode(chunk.value, { stream: true });
    parseFrames();
  }

  return {
    comments,
    async next(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no event in time')), timeoutMs);
      });
      try {
        while (ready.length === 0 && !ended) await Promise.race([pull(), timeout]);
        return ready.shift();
      } finally {
        clearTimeout(timer);
      }
    },
    async cancel() {
      if (abandon) abandon();
      else await iterator.return?.().catch(() => undefined);
    },
  };
}
