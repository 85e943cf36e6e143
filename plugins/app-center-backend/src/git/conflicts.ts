import { ConflictError } from '@backstage/errors';

/**
 * A write based on `baseRevision` touches files that changed since (409). Names both revisions and the
 * files (repository paths), so a caller can reload, show both versions and re-apply its edit.
 */
export class RevisionConflictError extends ConflictError {
  constructor(
    message: string,
    readonly baseRevision: string,
    readonly headRevision: string,
    readonly files: string[],
  ) {
    super(message);
  }
}

/**
 * Template changes cannot be merged into an environment's copy (409); `files` are the conflicting files,
 * `conflicts` each value both sides changed (document, key path and the three values), to resolve one by one.
 */
export class MergeConflictError extends ConflictError {
  constructor(
    message: string,
    readonly files: string[],
    readonly conflicts: Array<{
      file: string;
      document: string;
      path: string;
      base?: string;
      template?: string;
      environment?: string;
    }> = [],
  ) {
    super(message);
  }
}

/**
 * Other writers kept moving the branch through every push attempt of one write (409): nothing was pushed, and
 * the same write may simply be tried again later (a task does, after a pause).
 */
export class BranchContentionError extends ConflictError {}
