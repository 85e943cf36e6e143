import { InputError } from '@backstage/errors';
import type { Capabilities } from '@internal/plugin-app-center-common';
import { AccessResolver, AccessTarget } from '../domain/AccessResolver';
import type { Caller } from '../domain/Caller';
import type { DomainStore } from '../domain/DomainStore';
import {
  assertDnsLabel,
  CommitAuthors,
  GitWriteResult,
  projectRepository,
  RevisionConflictError,
  WriteContext,
} from '../git';
import { EnvironmentDrift, TemplateDrift } from './TemplateDrift';
import type { DriftResolution } from './yamlMerge';
import { TemplateStore } from './TemplateStore';
import { TemplateSummary } from './TemplateSummaryCache';

/** A file of an app folder (path relative to the folder). */
export interface ManifestFile {
  path: string;
  content: string;
}

/** The outcome of a write, with paths relative to the app folder. */
export interface ManifestWriteResult {
  revision: string;
  parent: string;
  committed: boolean;
  files: string[];
}

/** Template summaries as the API answers them (the tree id stays internal). */
export type TemplateSummaryView = Omit<TemplateSummary, 'treeOid'>;

const view = ({
  treeOid: _treeOid,
  ...rest
}: TemplateSummary): TemplateSummaryView => rest;

/**
 * Templates of a project (DESIGN.md sections 3, 6 and 9): the access resolver's `read` and `editTemplates`
 * capabilities, then one git operation each. Every check runs before git is touched (access before input), so
 * a refused or bad request changes nothing. Reads answer the caller's capabilities for the UI.
 */
export class TemplateService {
  constructor(
    private readonly deps: {
      store: DomainStore;
      access: AccessResolver;
      authors: CommitAuthors;
      templates: TemplateStore;
      drift: TemplateDrift;
    },
  ) {}

  async list(
    caller: Caller,
    project: string,
  ): Promise<{
    revision: string;
    items: TemplateSummaryView[];
    capabilities: Capabilities;
  }> {
    const { repo, target } = await this.read(caller, project);
    const list = await this.deps.templates.list(repo);
    return {
      revision: list.revision,
      items: list.items.map(view),
      capabilities: await this.capabilities(caller, target),
    };
  }

  async get(
    caller: Caller,
    project: string,
    app: string,
  ): Promise<TemplateSummaryView & { revision: string }> {
    const { repo } = await this.read(caller, project);
    assertDnsLabel('app', app);
    const { treeOid: _treeOid, ...rest } = await this.deps.templates.get(
      repo,
      app,
    );
    return rest;
  }

  async create(
    caller: Caller,
    project: string,
    input: {
      name: string;
      description?: string;
      files?: ManifestFile[];
      starter?: { image: string; port?: number; replicas?: number };
      message?: string;
    },
  ): Promise<TemplateSummaryView & { revision: string }> {
    const { repo } = await this.write(caller, project);
    assertDnsLabel('template name', input.name);
    const ctx = await this.context(caller, input.message);
    await this.deps.templates.create(repo, input, ctx);
    const { treeOid: _treeOid, ...rest } = await this.deps.templates.get(
      repo,
      input.name,
    );
    return rest;
  }

  async readFiles(
    caller: Caller,
    project: string,
    app: string,
  ): Promise<{
    revision: string;
    files: ManifestFile[];
    capabilities: Capabilities;
  }> {
    const { repo, target } = await this.read(caller, project);
    assertDnsLabel('app', app);
    const files = await this.deps.templates.readFiles(repo, app);
    return { ...files, capabilities: await this.capabilities(caller, target) };
  }

  async writeFiles(
    caller: Caller,
    project: string,
    app: string,
    edit: {
      files?: ManifestFile[];
      deleted?: string[];
      baseRevision?: string;
      message?: string;
    },
  ): Promise<ManifestWriteResult> {
    const { repo, layout } = await this.write(caller, project);
    assertDnsLabel('app', app);
    const dir = layout.templateDir(app);
    const ctx = await this.context(caller, edit.message);
    const result = await this.relative(dir, () =>
      this.deps.templates.writeFiles(
        repo,
        app,
        {
          files: edit.files,
          deleted: edit.deleted,
          baseRevision: edit.baseRevision,
        },
        ctx,
      ),
    );
    return toResult(dir, result);
  }

  async delete(
    caller: Caller,
    project: string,
    app: string,
    baseRevision?: string,
  ): Promise<void> {
    const { repo, layout } = await this.write(caller, project);
    assertDnsLabel('app', app);
    const ctx = await this.context(caller);
    await this.relative(layout.templateDir(app), () =>
      this.deps.templates.delete(repo, app, { ...ctx, baseRevision }),
    );
  }

  async drift(
    caller: Caller,
    project: string,
    app: string,
  ): Promise<{
    revision: string;
    environments: EnvironmentDrift[];
    notAssociated: string[];
  }> {
    const { repo } = await this.read(caller, project);
    assertDnsLabel('app', app);
    const drift = await this.deps.drift.drift(repo, app);
    const copies = new Set(drift.environments.map(e => e.environment));
    const notAssociated = (await this.deps.store.listEnvironments(project))
      .map(e => e.name)
      .filter(name => !copies.has(name));
    return {
      revision: drift.revision,
      environments: drift.environments,
      notAssociated,
    };
  }

  async applyDrift(
    caller: Caller,
    project: string,
    app: string,
    env: string,
    input: {
      baseRevision?: string;
      message?: string;
      resolutions?: DriftResolution[];
    },
  ): Promise<ManifestWriteResult & { merged: string[] }> {
    const { repo, layout } = await this.write(caller, project);
    assertDnsLabel('app', app);
    assertDnsLabel('environment', env);
    const environment = await this.deps.store.getEnvironment(project, env);
    const dir = layout.envAppDir(env, app);
    const ctx = await this.context(caller, input.message);
    const result = await this.relative(dir, () =>
      this.deps.drift.apply(
        repo,
        {
          name: environment.name,
          namespace: environment.destination.namespace,
        },
        app,
        {
          ...ctx,
          baseRevision: input.baseRevision,
          resolutions: input.resolutions,
        },
      ),
    );
    return { ...toResult(dir, result), merged: result.merged };
  }

  // ---- access

  /** The caller may read the project (the resolver's `read`). */
  private async read(caller: Caller, name: string) {
    const target = await this.deps.access.requireOn(caller, 'read', name);
    return { ...projectRepository(target.project), target };
  }

  /** What the caller may do on the project, for the views the UI acts on. */
  private capabilities(caller: Caller, target: AccessTarget) {
    return this.deps.access.capabilities(caller, target);
  }

  /** The caller may edit the project's templates (the resolver's `editTemplates`). */
  private async write(caller: Caller, name: string) {
    const target = await this.deps.access.requireOn(
      caller,
      'editTemplates',
      name,
    );
    return projectRepository(target.project);
  }

  private async context(
    caller: Caller,
    message?: string,
  ): Promise<WriteContext> {
    if (message !== undefined && message.length > 2000)
      throw new InputError('message is longer than 2000 characters');
    return {
      author: await this.deps.authors.authorOf(
        caller.userEntityRef,
        caller.credentials,
      ),
      message: message?.trim() || undefined,
    };
  }

  /** Rewrites the repository paths of conflicts into paths relative to the app folder. */
  private async relative<T>(dir: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        const files = error.files.map(p => strip(dir, p));
        const what = files.includes('.') ? 'the app folder' : files.join(', ');
        throw new RevisionConflictError(
          `${what} changed since revision ${error.baseRevision}; the branch is now at ${error.headRevision}. Reload the files, re-apply your edit and save again`,
          error.baseRevision,
          error.headRevision,
          files,
        );
      }
      throw error;
    }
  }
}

function strip(dir: string, repoPath: string): string {
  if (repoPath === dir) return '.';
  return repoPath.startsWith(`${dir}/`)
    ? repoPath.slice(dir.length + 1)
    : repoPath;
}

function toResult(dir: string, r: GitWriteResult): ManifestWriteResult {
  return {
    revision: r.revision,
    parent: r.parent,
    committed: r.committed,
    files: r.changedPaths
      .map(p => strip(dir, p))
      .filter(p => !p.startsWith('.')),
  };
}
