import {
  ArgoCDUpstreamError,
  CallContext,
  mapNetworkError,
  mapUpstreamError,
} from './errors';
import type { LogEntry } from './types';

/**
 * Reads Argo CD's pod log stream: newline-delimited JSON, one `{result}` per line. Stops at the `last: true`
 * entry (not yielded) and throws the mapped error of a mid-stream `{error}` line. Aborting `signal` ends the
 * iteration quietly; stopping early cancels the body, which stops following and frees the connection.
 */
export function readLogStream(
  body: ReadableStream<Uint8Array>,
  ctx: CallContext,
  options: { timeoutMs: number; signal?: AbortSignal },
): AsyncGenerator<LogEntry, void, undefined> {
  return readResultStream<LogEntry>(body, ctx, options);
}

/**
 * Reads any of Argo CD's streams (pod logs, the application and resource tree watches): newline-delimited
 * JSON, one `{result}` per line, ending at an entry with `last: true` or at the end of the body.
 */
export async function* readResultStream<T extends { last?: boolean }>(
  body: ReadableStream<Uint8Array>,
  ctx: CallContext,
  options: { timeoutMs: number; signal?: AbortSignal },
): AsyncGenerator<T, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  try {
    while (!done) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (options.signal?.aborted) return;
        throw mapNetworkError(ctx, error, options.timeoutMs);
      }
      done = chunk.done;
      buffer += done
        ? decoder.decode()
        : decoder.decode(chunk.value, { stream: true });
      const lines = buffer.split('\n');
      buffer = done ? '' : lines.pop()!;
      for (const raw of lines) {
        const line = raw.trim();
        if (!line) continue;
        const item = parseResultLine<T>(line, ctx);
        if (item.last) return;
        yield item;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseResultLine<T>(line: string, ctx: CallContext): T {
  let item: {
    result?: T;
    error?: { message?: string; http_code?: number };
  };
  try {
    item = JSON.parse(line);
  } catch {
    throw new ArgoCDUpstreamError(
      `Argo CD "${
        ctx.instance
      }" sent a stream line that is not JSON: ${line.slice(0, 200)}`,
      { instance: ctx.instance },
    );
  }
  if (item.error) {
    const status =
      item.error.http_code && item.error.http_code >= 400
        ? item.error.http_code
        : 500;
    throw mapUpstreamError(
      { ...ctx, withProject: true },
      status,
      JSON.stringify(item),
    );
  }
  return item.result ?? ({} as T);
}
