import type { GitRepositoryCache } from './GitRepositoryCache';
import type { GitOpsStoreOptions } from './projectRepository';
import { ManifestValidator } from './yaml/ManifestValidator';

/**
 * What the stores of the GitOps repository (templates, their drift, environment apps) are built on: the
 * repository cache they read and write through, and the validator every written manifest passes.
 */
export abstract class GitOpsStore {
  protected readonly cache: GitRepositoryCache;
  protected readonly validator: ManifestValidator;

  constructor(options: GitOpsStoreOptions) {
    this.cache = options.cache;
    this.validator = options.validator ?? new ManifestValidator();
  }
}
