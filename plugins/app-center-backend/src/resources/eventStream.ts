import type { Response } from 'express';
import type { EventEmitter } from 'node:events';

/** Proxies and load balancers close idle connections; a comment line every 15 s keeps the stream open. */
const HEARTBEAT_MS = 15_000;

/** A server-sent events response: writes wait while the client is slow, so memory stays bounded. */
export interface EventStream {
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Sends one event; resolves once the socket can take more (backpressure). */
  send(event: string, data: unknown, id?: string): Promise<void>;
  end(): void;
}

export function openEventStream(
  req: Pick<EventEmitter, 'on'>,
  res: Response,
): EventStream {
  const abort = new AbortController();
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  // nginx and similar proxies buffer responses unless told not to
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // A compression middleware holds data back until flushed; flush once per turn of the event loop.
  let flushQueued = false;
  const flush = () => {
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      (res as unknown as { flush?: () => void }).flush?.();
    });
  };
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    flush();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    abort.abort();
  };
  req.on('close', close);
  res.on('close', close);
  return {
    signal: abort.signal,
    async send(event, data, id) {
      if (abort.signal.aborted) return;
      const frame = `${
        id ? `id: ${id}\n` : ''
      }event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      const ok = res.write(frame);
      flush();
      if (!ok && !abort.signal.aborted) {
        await new Promise<void>(resolve => {
          const done = () => {
            res.off('drain', done);
            abort.signal.removeEventListener('abort', done);
            resolve();
          };
          res.on('drain', done);
          abort.signal.addEventListener('abort', done);
        });
      }
    },
    end() {
      close();
      res.end();
    },
  };
}
