/*
 * Reading the failures of upstream calls (registries, Argo CD) the same way in the backend plugin and in the
 * backend modules that add a registry provider, so every message names the same reasons.
 */

/**
 * The message of a registry's error body: `{"errors":[{"code","message"}]}` (the distribution spec, Harbor),
 * else `message` or `error`, else the text itself; at most 300 characters. @public
 */
export function registryErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    const parts = errors
      .map((e: { code?: unknown; message?: unknown }) =>
        [e?.code, e?.message]
          .filter(v => typeof v === 'string' && v)
          .join(': '),
      )
      .filter(Boolean);
    if (parts.length) return parts.join('; ').slice(0, 300);
    if (typeof body?.message === 'string' && body.message)
      return body.message.slice(0, 300);
    if (typeof body?.error === 'string' && body.error)
      return body.error.slice(0, 300);
  } catch {
    // not JSON
  }
  const trimmed = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  return trimmed || 'no message';
}

/** A network-level failure of `fetch`, put in words. @public */
export interface NetworkFailure {
  /** The request ran out of time (answer 504). */
  timedOut: boolean;
  /** What the host did, e.g. "refused the connection" or "could not be resolved". */
  reason: string;
  /** The system's code and message, e.g. "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1". */
  detail: string;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ENOTFOUND: 'could not be resolved',
  EAI_AGAIN: 'could not be resolved',
  ECONNRESET: 'closed the connection',
  UND_ERR_SOCKET: 'closed the connection',
};

/** Reads what went wrong from an error `fetch` threw: timed out, refused, unresolvable, reset. @public */
export function describeNetworkFailure(error: unknown): NetworkFailure {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const code = e?.cause?.code ?? '';
  return {
    timedOut: e?.name === 'TimeoutError',
    reason: REASONS[code] ?? 'could not be reached',
    detail:
      [code, e?.cause?.message ?? e?.message].filter(Boolean).join(': ') ||
      'network error',
  };
}
