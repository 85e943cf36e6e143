import { AppFile, readExistingAppFiles } from './appFiles';
import type { GitRepositoryCache } from './GitRepositoryCache';
import type {
  GitOpsStoreOptions,
  ProjectRepository,
} from './projectRepository';
import type { GitTreeView } from './types';
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

  /**
   * The files of an app folder that must exist (404 naming `what`), the revision they were read at (sent
   * back as baseRevision), and whatever `alongside` reads from the same tree.
   */
  protected readAppFolder<Extra extends object>(
    repo: ProjectRepository,
    dir: string,
    what: string,
    options: {
      revision?: string;
      alongside?: (view: GitTreeView) => Promise<Extra>;
    } = {},
  ): Promise<{ revision: string; files: AppFile[] } & Partial<Extra>> {
    return this.cache.read(
      repo,
      async view => {
        const files = await readExistingAppFiles(view, dir, what);
        const extra: Partial<Extra> = (await options.alongside?.(view)) ?? {};
        return { revision: view.revision, files, ...extra };
      },
      options.revision,
    );
  }
}
