import { InputError } from '@backstage/errors';

/** One problem in a manifest file, at its line and column (1-based) so the UI can show it there. */
export interface ManifestIssue {
  /** File path as the caller gave it (relative to the app folder). */
  path: string;
  line: number;
  column: number;
  message: string;
}

/** A written manifest is invalid (400). `issues` lists every problem found. */
export class ManifestValidationError extends InputError {
  readonly issues: ManifestIssue[];

  constructor(issues: ManifestIssue[]) {
    const first = issues
      .slice(0, 5)
      .map(i => `${i.path}:${i.line}:${i.column}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(`invalid manifests: ${first}${more}`);
    this.issues = issues;
  }
}
