import { ResponseError } from '@backstage/errors';
import type {
  DriftConflict,
  ManifestIssue,
} from '@internal/plugin-app-center-common';

type Details = {
  issues?: ManifestIssue[];
  baseRevision?: string;
  headRevision?: string;
  files?: string[];
  conflicts?: DriftConflict[];
};

function details(error: unknown): Details | undefined {
  if (!ResponseError.is(error)) return undefined;
  return (error.body?.error ?? undefined) as Details | undefined;
}

/** The manifest problems of a 400 from a template write, each at its file, line and column. */
export function manifestIssues(error: unknown): ManifestIssue[] {
  const issues = details(error)?.issues;
  return Array.isArray(issues) ? issues : [];
}

/** A write based on a stale revision (409): both revisions and the files someone else changed. */
export function revisionConflict(
  error: unknown,
): { baseRevision: string; headRevision: string; files: string[] } | undefined {
  const d = details(error);
  if (!ResponseError.is(error) || error.statusCode !== 409) return undefined;
  if (!d?.baseRevision || !d.headRevision) return undefined;
  return {
    baseRevision: d.baseRevision,
    headRevision: d.headRevision,
    files: d.files ?? [],
  };
}

/** The files a drift apply could not merge (409), when the backend named them. */
export function conflictingFiles(error: unknown): string[] | undefined {
  if (!ResponseError.is(error) || error.statusCode !== 409) return undefined;
  const files = details(error)?.files;
  return Array.isArray(files) ? files : undefined;
}

/** Each value a drift apply found changed on both sides (409), to resolve one by one. */
export function driftConflicts(error: unknown): DriftConflict[] {
  if (!ResponseError.is(error) || error.statusCode !== 409) return [];
  const conflicts = details(error)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}

/** A revision as people read it. */
export const shortRevision = (revision: string) => revision.slice(0, 8);

/** Whether the error is a stale write (409): the files changed since they were read. */
export function isConflict(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 409;
}
