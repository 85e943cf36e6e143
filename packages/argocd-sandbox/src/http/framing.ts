import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Streams as the Argo CD server writes them: newline-delimited JSON (`{"result": ...}\n`) or, with
 * `Accept: text/event-stream`, server-sent events (`data: {"result": ...} \n\n`) with a `:` keep-alive comment.
 */
export interface StreamWriter {
  readonly sse: boolean;
  readonly closed: boolean;
  /** Writes one item; false when the socket's buffer is full (wait for `drained()` before the next). */
  send(item: unknown): boolean;
  /** Resolves when the client has taken what was written (or went away). */
  drained(): Promise<void>;
  end(): void;
  onClose(fn: () => void): void;
}

/**
 * Resolves once `res` can take more (its buffer drained) or is gone. Both listeners are removed either way, so
 * a long stream that waits often leaves none behind; a response already closed never makes its writer wait.
 */
export function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed || res.writableEnded || !res.writableNeedDrain)
    return Promise.resolve();
  return new Promise<void>(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function wantsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/event-stream');
}

export function openStream(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { keepAliveMs?: number } = {},
): StreamWriter {
  const sse = wantsEventStream(req);
  res.writeHead(200, {
    'Content-Type': sse ? 'text/event-stream' : 'application/json',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(sse ? { Connection: 'keep-alive' } : {}),
  });
  res.flushHeaders();
  let closed = false;
  const closeFns: (() => void)[] = [];
  let keepAlive: NodeJS.Timeout | undefined;
  const finish = () => {
    if (closed) return;
    closed = true;
    if (keepAlive) clearInterval(keepAlive);
    for (const fn of closeFns.splice(0)) {
      try {
        fn();
      } catch {
        // ignore listener errors on close
      }
    }
  };
  res.on('close', finish);
  req.on('close', () => {
    if (!res.writableEnded) finish();
  });
  if (sse) {
    keepAlive = setInterval(() => {
      if (!closed) res.write(':\n\n');
    }, opts.keepAliveMs ?? 15_000);
    keepAlive.unref();
  }
  return {
    sse,
    get closed() {
      return closed;
    },
    send(item: unknown) {
      if (closed) return false;
      const json = JSON.stringify(item);
      return res.write(sse ? `data: ${json} \n\n` : `${json}\n`);
    },
    drained() {
      return closed ? Promise.resolve() : drained(res);
    },
    end() {
      if (closed) return;
      res.end();
      finish();
    },
    onClose(fn: () => void) {
      if (closed) fn();
      else closeFns.push(fn);
    },
  };
}
