import { ResponseError } from '@backstage/errors';

/** A problem the backend found in a manifest, at its line. */
export interface ManifestIssue {
  path: string;
  line: number;
  column: number;
  message: string;
}

/** The issues of a 400 manifest validation error, if the error is one. */
export function manifestIssues(error: unknown): ManifestIssue[] {
  if (!ResponseError.is(error) || error.statusCode !== 400) return [];
  const issues = (error.body?.error as any)?.issues;
  return Array.isArray(issues) ? issues : [];
}

/** Whether the error is a stale write (409): the files changed since they were read. */
export function isConflict(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 409;
}
