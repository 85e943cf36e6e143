import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { GitUpstreamError } from './GitUpstreamError';

/**
 * Whether an error means the local clone is damaged (missing or corrupt
 * objects, unreadable refs) rather than a caller or upstream problem: only
 * damage is worth dropping the clone and cloning again.
 */
export function isDamage(error: unknown): boolean {
  if (
    error instanceof GitUpstreamError ||
    error instanceof ConflictError ||
    error instanceof InputError ||
    error instanceof NotFoundError
  ) {
    return false;
  }
  const e = error as { code?: string; name?: string };
  return (
    e?.code === 'NotFoundError' ||
    e?.code === 'ObjectTypeError' ||
    e?.code === 'InternalError' ||
    e?.code === 'ENOENT' ||
    e?.code === 'ParseError' ||
    e?.name === 'RangeError' ||
    /corrupt|invalid|Could not find|incorrect header/i.test(
      (error as Error)?.message ?? '',
    )
  );
}
