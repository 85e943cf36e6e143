import type { K8sObject } from './types.ts';

/**
 * A pod annotation for benchmarks: the container has already written this many lines when it is read
 * (`sandbox.argocd/log-lines: "1000000"` in a Deployment's pod template). The lines are generated as the
 * stream is written, never held, so a million-line log costs the sandbox no memory.
 */
export const LOG_LINES_ANNOTATION = 'sandbox.argocd/log-lines';

/** Upper bound, so that a typo cannot keep a stream busy for hours. */
export const MAX_BULK_LOG_LINES = 100_000_000;

/** The bulk line count a pod asks for, if any. */
export function bulkLogLines(pod: Readonly<K8sObject>): number | undefined {
  const raw = pod.metadata.annotations?.[LOG_LINES_ANNOTATION];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return undefined;
  return Math.min(n, MAX_BULK_LOG_LINES);
}

/**
 * One bulk line: a millisecond and nanoseconds within it, so that every line has its own timestamp. The
 * nanoseconds end in 1, so RFC 3339 nano (which drops trailing zeros) always writes nine digits and the
 * timestamps sort as text as they do in time: 100,000 lines per millisecond.
 */
export function bulkLine(
  k: number,
  startMs: number,
): { ms: number; nanos: number; content: string } {
  return {
    ms: startMs + Math.floor(k / 100_000),
    nanos: (k % 100_000) * 10 + 1,
    content: `level=info msg="bulk line ${k}" path=/api/items status=200 duration=${
      1 + (k % 9)
    }ms`,
  };
}
