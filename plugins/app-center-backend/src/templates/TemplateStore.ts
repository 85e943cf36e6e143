import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AppFile, planAppEdit, readAppFiles } from '../git/appFiles';
import { formatCommitMessage, userMessageParts } from '../git/commitMessage';
import { GitOpsLayout, assertDnsLabel } from '../git/GitOpsLayout';
import { AppFolder, FolderEdit, GitOpsStore } from '../git/GitOpsStore';
import type {
  GitOpsStoreOptions,
  ProjectRepository,
  WriteContext,
} from '../git/projectRepository';
import { starterManifests, StarterInput } from './starterManifests';
import { TemplateSummary, TemplateSummaryCache } from './TemplateSummaryCache';
import type { GitTreeView, GitWriteResult } from '../git/types';
import { ManifestEditor } from '../git/yaml/ManifestEditor';
import { parseManifests } from '../git/yaml/parseManifests';

/** Options of the template store: the shared store options and the summary cache. */
export interface TemplateStoreOptions extends GitOpsStoreOptions {
  summaries?: TemplateSummaryCache;
}

const META = GitOpsLayout.provenanceFile;

/**
 * Project templates (`<dir>/<project>/templates/<app>/`): create from files or
 * a starter, list with cached summaries, read and write files with
 * `baseRevision`, delete.
 */
export class TemplateStore extends GitOpsStore {
  private readonly summaries: TemplateSummaryCache;

  constructor(options: TemplateStoreOptions) {
    super(options);
    this.summaries = options.summaries ?? new TemplateSummaryCache();
  }

  /** Templates of the project with kinds and images; parses only folders that changed since last time. */
  async list(
    repo: ProjectRepository,
  ): Promise<{ revision: string; items: TemplateSummary[] }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    return this.cache.read(repo, async view => {
      const entries = await view.list(layout.templatesDir);
      const items: TemplateSummary[] = [];
      for (const e of entries) {
        if (e.type !== 'directory') continue;
        const name = e.path.slice(layout.templatesDir.length + 1);
        items.push(
          await this.summaries.get(e.oid, () =>
            this.summarize(view, name, e.path, e.oid),
          ),
        );
      }
      return { revision: view.revision, items };
    });
  }

  /** One template's summary; 404 when absent. */
  async get(
    repo: ProjectRepository,
    app: string,
  ): Promise<TemplateSummary & { revision: string }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const dir = layout.templateDir(app);
    return this.cache.read(repo, async view => {
      const oid = await view.oidOf(dir);
      if (!oid)
        throw new NotFoundError(
          `template ${repo.project}/${app} does not exist`,
        );
      const summary = await this.summaries.get(oid, () =>
        this.summarize(view, app, dir, oid),
      );
      return { ...summary, revision: view.revision };
    });
  }

  private async summarize(
    view: GitTreeView,
    name: string,
    dir: string,
    treeOid: string,
  ): Promise<TemplateSummary> {
    const files = await readAppFiles(view, dir);
    const kinds = new Set<string>();
    const images = new Set<string>();
    const invalidFiles: string[] = [];
    for (const f of files) {
      const parsed = parseManifests(f.content);
      if (parsed.errors.length) {
        invalidFiles.push(f.path);
        continue;
      }
      for (const d of parsed.documents) {
        const kind = (d.value as { kind?: unknown } | null)?.kind;
        if (typeof kind === 'string') kinds.add(kind);
      }
      for (const i of new ManifestEditor(f.path, f.content).listImages())
        images.add(i.image);
    }
    let description: string | undefined;
    const meta = await view.readFile(`${dir}/${META}`);
    if (meta) {
      try {
        const d = parseYaml(meta, { maxAliasCount: 0 })?.description;
        if (typeof d === 'string') description = d;
      } catch {
        // an unreadable metadata file only loses the description
      }
    }
    return {
      name,
      description,
      treeOid,
      files: files.map(f => f.path),
      kinds: [...kinds].sort(),
      images: [...images].sort(),
      invalidFiles,
    };
  }

  /** Creates a template from files or from a starter; 409 when it exists. */
  async create(
    repo: ProjectRepository,
    input: {
      name: string;
      description?: string;
      files?: AppFile[];
      starter?: StarterInput;
    },
    ctx: WriteContext,
  ): Promise<GitWriteResult> {
    assertDnsLabel('template', input.name);
    if (!!input.files === !!input.starter)
      throw new InputError(
        'give either files or a starter {image, port, replicas}',
      );
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const dir = layout.templateDir(input.name);
    const files = input.files ?? starterManifests(input.name, input.starter!);
    if (files.length === 0)
      throw new InputError('a template needs at least one file');
    const plan = planAppEdit(dir, [], { files }, this.validator, {
      allowClusterScoped: repo.allowClusterScoped,
    });
    const description = input.description?.trim();
    const m = userMessageParts(
      ctx.message,
      input.starter
        ? `new app from ${input.starter.image}`
        : `new template with ${files.length} files`,
    );
    return this.cache.write(repo, {
      author: ctx.author,
      message: formatCommitMessage({
        action: 'create-template',
        project: repo.project,
        env: 'templates',
        app: input.name,
        taskId: ctx.taskId,
        ...m,
      }),
      apply: async view => {
        if (await view.oidOf(dir))
          throw new ConflictError(
            `template ${repo.project}/${input.name} already exists`,
          );
        const meta = description
          ? [
              {
                path: `${dir}/${META}`,
                content: stringifyYaml({ description }),
              },
            ]
          : [];
        return { files: [...plan.files, ...meta] };
      },
    });
  }

  /** Files of a template and the revision they were read at (send it back as baseRevision). */
  async readFiles(
    repo: ProjectRepository,
    app: string,
  ): Promise<{ revision: string; files: AppFile[] }> {
    const dir = new GitOpsLayout(repo.project, repo.dir).templateDir(app);
    return this.readAppFolder(repo, dir, `template ${repo.project}/${app}`);
  }

  /** Writes and deletes template files; 409 when they changed since `baseRevision`. */
  writeFiles(
    repo: ProjectRepository,
    app: string,
    edit: FolderEdit,
    ctx: WriteContext,
  ): Promise<GitWriteResult> {
    return this.writeAppFolder(repo, this.folderOf(repo, app), edit, ctx);
  }

  private folderOf(repo: ProjectRepository, app: string): AppFolder {
    return {
      dir: new GitOpsLayout(repo.project, repo.dir).templateDir(app),
      env: 'templates',
      app,
      what: `template ${repo.project}/${app}`,
      validation: { allowClusterScoped: repo.allowClusterScoped },
      whenEmpty:
        'a template must keep at least one file; delete the template instead',
    };
  }

  /** Deletes a template folder (environment copies stay). */
  async delete(
    repo: ProjectRepository,
    app: string,
    ctx: WriteContext & { baseRevision?: string },
  ): Promise<GitWriteResult> {
    const dir = new GitOpsLayout(repo.project, repo.dir).templateDir(app);
    return this.cache.write(repo, {
      author: ctx.author,
      baseRevision: ctx.baseRevision,
      watchPaths: [dir],
      message: formatCommitMessage({
        action: 'delete-template',
        project: repo.project,
        env: 'templates',
        app,
        taskId: ctx.taskId,
        ...userMessageParts(ctx.message, 'delete template'),
      }),
      apply: async view => {
        const entries = await view.list(dir, { recursive: true });
        if (entries.length === 0)
          throw new NotFoundError(
            `template ${repo.project}/${app} does not exist`,
          );
        return {
          deleted: entries.filter(e => e.type !== 'directory').map(e => e.path),
        };
      },
    });
  }
}
