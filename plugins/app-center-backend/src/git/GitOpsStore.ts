import {
  AppFile,
  AppFilesEdit,
  editedFileCount,
  planExistingAppEdit,
  readExistingAppFiles,
} from './appFiles';
import { formatCommitMessage, userMessageParts } from './commitMessage';
import type { GitRepositoryCache } from './GitRepositoryCache';
import type {
  GitOpsStoreOptions,
  ProjectRepository,
  WriteContext,
} from './projectRepository';
import type { GitTreeView, GitWriteResult } from './types';
import type { ManifestValidationContext } from './yaml/ManifestValidator';
import { ManifestValidator } from './yaml/ManifestValidator';

/** An app folder a store writes: where it is, what it is called in errors and how its manifests are checked. */
export interface AppFolder {
  dir: string;
  /** The environment of the commit subject (`templates` for a template). */
  env: string;
  app: string;
  what: string;
  validation: ManifestValidationContext;
  /** Why an edit may not leave the folder empty. */
  whenEmpty: string;
}

/** Files to write and delete in an app folder, and the revision they were read at (409 when it moved). */
export type FolderEdit = AppFilesEdit & { baseRevision?: string };

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

  /**
   * Writes and deletes files of an existing app folder in one commit (`edit <project>/<env>/<app>`, the
   * user's message as subject and body); 409 when they changed since `baseRevision`, 404 naming `what`.
   */
  protected writeAppFolder(
    repo: ProjectRepository,
    folder: AppFolder,
    edit: FolderEdit,
    ctx: WriteContext,
  ): Promise<GitWriteResult> {
    const { dir, env, app, what, validation, whenEmpty } = folder;
    const n = editedFileCount(edit);
    const fallback = `update ${n} file${n === 1 ? '' : 's'}`;
    return this.cache.write(repo, {
      author: ctx.author,
      baseRevision: edit.baseRevision,
      message: formatCommitMessage({
        action: 'edit',
        project: repo.project,
        env,
        app,
        taskId: ctx.taskId,
        ...userMessageParts(ctx.message, fallback),
      }),
      apply: view =>
        planExistingAppEdit(view, dir, {
          what,
          edit,
          validator: this.validator,
          ctx: validation,
          whenEmpty,
        }),
    });
  }
}
