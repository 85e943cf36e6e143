import { ConflictError } from '@backstage/errors';

/**
 * One place where the template and the environment both changed the same
 * value differently since the copy. `document` is `Kind/name` (or
 * `document N`), `path` a key path in it (`spec.template.spec.containers[web].image`);
 * both are empty for a conflict about a whole file, `path` alone for a whole
 * document. Values are YAML text, absent where that side has none.
 */
export interface DriftConflict {
  file: string;
  document: string;
  path: string;
  base?: string;
  template?: string;
  environment?: string;
}

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
    readonly conflicts: DriftConflict[] = [],
  ) {
    super(message);
  }
}

/**
 * Other writers kept moving the branch through every push attempt of one write (409): nothing was pushed, and
 * the same write may simply be tried again later (a task does, after a pause).
 */
export class BranchContentionError extends ConflictError {}
