import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';
import {
  AppFile,
  planAppEdit,
  readAppFiles,
  readExistingAppFiles,
} from '../git/appFiles';
import { formatCommitMessage } from '../git/commitMessage';
import { GitOpsLayout } from '../git/GitOpsLayout';
import { AppFolder, FolderEdit, GitOpsStore } from '../git/GitOpsStore';
import type { ProjectRepository, WriteContext } from '../git/projectRepository';
import type { GitTreeView, GitWriteResult } from '../git/types';
import { ImageReference } from '../git/yaml/ImageReference';
import {
  ImageChange,
  ImageUpdate,
  ManifestEditor,
} from '../git/yaml/ManifestEditor';

/** The environment an app lives in: its name and Kubernetes namespace. */
export interface EnvironmentRef {
  name: string;
  namespace: string;
}

/** Where an environment app was copied from (`.app-center.yaml`). */
export interface Provenance {
  template: string;
  /** Commit the template was read at. */
  templateCommit: string;
  /** Tree object id of the template folder at that commit. */
  templateTree: string;
}

const SHA = /^[0-9a-f]{40}$/;

/** Reads the provenance file of an environment app; undefined when missing or unreadable. */
export async function readProvenance(
  view: GitTreeView,
  path: string,
): Promise<Provenance | undefined> {
  const text = await view.readFile(path);
  if (!text) return undefined;
  try {
    const p = parseYaml(text, { maxAliasCount: 0 });
    if (
      typeof p?.template === 'string' &&
      SHA.test(p?.templateCommit) &&
      SHA.test(p?.templateTree)
    ) {
      return {
        template: p.template,
        templateCommit: p.templateCommit,
        templateTree: p.templateTree,
      };
    }
  } catch {
    // fall through
  }
  return undefined;
}

export function renderProvenance(p: Provenance): string {
  return `# Written by App Center: the template this environment app was copied from.
# Drift and "apply template changes" compare against this commit. Do not edit.
template: ${p.template}
templateCommit: ${p.templateCommit}
templateTree: ${p.templateTree}
`;
}

/** The folder of an environment app in the project's repository. */
function envAppDir(
  repo: ProjectRepository,
  env: EnvironmentRef,
  app: string,
): string {
  return new GitOpsLayout(repo.project, repo.dir).envAppDir(env.name, app);
}

/**
 * Environment apps (`<dir>/<project>/envs/<env>/<app>/`): associate (copy a
 * template with provenance), read and write files, set images and replicas,
 * disassociate. Every write is scoped to the app's own folder, so `web` never
 * touches `web-admin`.
 */
export class EnvironmentAppStore extends GitOpsStore {
  /**
   * Copies template `app` into the environment with its provenance. Refused
   * (409) when a copy exists, unless `overwrite`; an overwrite leaves no file
   * of the old copy behind.
   */
  async associate(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    options: WriteContext & { overwrite?: boolean; template?: string },
  ): Promise<GitWriteResult & { provenance: Provenance }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const template = options.template ?? app;
    const templateDir = layout.templateDir(template);
    const target = layout.envAppDir(env.name, app);
    let provenance: Provenance | undefined;
    const result = await this.cache.write(repo, {
      author: options.author,
      message: formatCommitMessage({
        action: 'associate',
        project: repo.project,
        env: env.name,
        app,
        taskId: options.taskId,
        detail: `copy template ${template}${
          options.overwrite ? ' (overwrite)' : ''
        }`,
        body: options.message,
      }),
      apply: async view => {
        const templateTree = await view.oidOf(templateDir);
        if (!templateTree)
          throw new NotFoundError(
            `template ${repo.project}/${template} does not exist`,
          );
        const files = await readAppFiles(view, templateDir);
        if (files.length === 0)
          throw new InputError(
            `template ${repo.project}/${template} has no manifests`,
          );
        this.validator.assertValid(files, {
          namespace: env.namespace,
          allowClusterScoped: repo.allowClusterScoped,
        });
        const existing = await view.list(target, { recursive: true });
        if (existing.length && !options.overwrite) {
          throw new ConflictError(
            `${app} is already associated with environment ${env.name}; associate again with overwrite to replace its files (changes made in ${env.name} are lost)`,
          );
        }
        provenance = { template, templateCommit: view.revision, templateTree };
        const writes = [
          ...files.map(f => ({
            path: `${target}/${f.path}`,
            content: f.content,
          })),
          {
            path: `${target}/${GitOpsLayout.provenanceFile}`,
            content: renderProvenance(provenance),
          },
        ];
        const keep = new Set(writes.map(w => w.path));
        const stale = existing
          .filter(e => e.type !== 'directory' && !keep.has(e.path))
          .map(e => e.path);
        return { files: writes, deleted: stale };
      },
    });
    return { ...result, provenance: provenance! };
  }

  /** Removes the environment app's folder. */
  async disassociate(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    ctx: WriteContext,
  ): Promise<GitWriteResult> {
    const dir = envAppDir(repo, env, app);
    return this.cache.write(repo, {
      author: ctx.author,
      message: formatCommitMessage({
        action: 'disassociate',
        project: repo.project,
        env: env.name,
        app,
        taskId: ctx.taskId,
        detail: 'remove from environment',
        body: ctx.message,
      }),
      apply: async view => {
        const entries = await view.list(dir, { recursive: true });
        if (!entries.length)
          throw new NotFoundError(
            `${app} is not associated with environment ${env.name}`,
          );
        return {
          deleted: entries.filter(e => e.type !== 'directory').map(e => e.path),
        };
      },
    });
  }

  /** Files (provenance excluded), the provenance and the revision. */
  async readFiles(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    revision?: string,
  ): Promise<{ revision: string; files: AppFile[]; provenance?: Provenance }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const dir = layout.envAppDir(env.name, app);
    return this.readAppFolder(repo, dir, `${app} in environment ${env.name}`, {
      revision,
      alongside: async view => ({
        provenance: await readProvenance(
          view,
          layout.provenancePath(env.name, app),
        ),
      }),
    });
  }

  /** Writes and deletes files of the environment app; validated against the environment's namespace. */
  writeFiles(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    edit: FolderEdit,
    ctx: WriteContext,
  ): Promise<GitWriteResult> {
    const folder: AppFolder = {
      dir: envAppDir(repo, env, app),
      env: env.name,
      app,
      what: `${app} in environment ${env.name}`,
      validation: {
        namespace: env.namespace,
        allowClusterScoped: repo.allowClusterScoped,
      },
      whenEmpty:
        'an environment app must keep at least one file; disassociate it instead',
    };
    return this.writeAppFolder(repo, folder, edit, ctx);
  }

  /**
   * Sets image tags (exact repository match, containers and init containers)
   * in one commit. 400 when an image is not used by the app at all.
   */
  async setImages(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    images: ImageUpdate[],
    ctx: WriteContext & { baseRevision?: string; action?: string },
  ): Promise<
    GitWriteResult & { changes: Array<ImageChange & { file: string }> }
  > {
    if (!images.length) throw new InputError('no images given');
    const targets = images.map(i => ImageReference.parse(i.image));
    let changes: Array<ImageChange & { file: string }> = [];
    let used = new Set<number>();
    const result = await this.editApp(repo, env, app, ctx, {
      action: ctx.action ?? 'deploy',
      detail: images
        .map(i => ImageReference.parse(i.image).withTag(i.tag, i.digest))
        .join(', '),
      edit: files => {
        changes = [];
        used = new Set();
        const out: AppFile[] = [];
        for (const f of files) {
          const editor = new ManifestEditor(f.path, f.content);
          for (const found of editor.listImages()) {
            const parsed = ImageReference.tryParse(found.image);
            if (!parsed.ok) continue;
            for (let n = 0; n < targets.length; n++) {
              if (targets[n].sameRepository(parsed.value)) used.add(n);
            }
          }
          const c = editor.updateImages(images);
          if (c.length) {
            changes.push(...c.map(x => ({ ...x, file: f.path })));
            out.push({ path: f.path, content: editor.text });
          }
        }
        return out;
      },
      verify: () => {
        const missing = images.filter((_, n) => !used.has(n)).map(i => i.image);
        if (missing.length) {
          throw new InputError(
            `no container of ${app} in ${env.name} uses ${missing.join(', ')}`,
          );
        }
      },
    });
    return { ...result, changes };
  }

  /** Sets spec.replicas of the app's scalable workloads (optionally one by name). */
  async setReplicas(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    replicas: number,
    ctx: WriteContext & { workload?: string; baseRevision?: string },
  ): Promise<GitWriteResult> {
    let touched = 0;
    return this.editApp(repo, env, app, ctx, {
      action: 'scale',
      detail: `replicas ${replicas}${
        ctx.workload ? ` for ${ctx.workload}` : ''
      }`,
      edit: files => {
        touched = 0;
        const out: AppFile[] = [];
        for (const f of files) {
          const editor = new ManifestEditor(f.path, f.content);
          touched += editor
            .objects()
            .filter(
              o => o.scalable && (!ctx.workload || o.name === ctx.workload),
            ).length;
          if (editor.setReplicas(replicas, { name: ctx.workload }))
            out.push({ path: f.path, content: editor.text });
        }
        return out;
      },
      verify: () => {
        if (!touched) {
          throw new InputError(
            `${app} in ${env.name} has no Deployment, StatefulSet or Rollout${
              ctx.workload ? ` named ${ctx.workload}` : ''
            } to scale`,
          );
        }
      },
    });
  }

  private async editApp(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    ctx: WriteContext & { baseRevision?: string },
    op: {
      action: string;
      detail: string;
      edit: (files: AppFile[]) => AppFile[];
      verify: () => void;
    },
  ): Promise<GitWriteResult> {
    const dir = envAppDir(repo, env, app);
    return this.cache.write(repo, {
      author: ctx.author,
      baseRevision: ctx.baseRevision,
      watchPaths: ctx.baseRevision ? [dir] : undefined,
      message: formatCommitMessage({
        action: op.action,
        project: repo.project,
        env: env.name,
        app,
        taskId: ctx.taskId,
        detail: op.detail,
        body: ctx.message,
      }),
      apply: async view => {
        const existing = await readExistingAppFiles(
          view,
          dir,
          `${app} in environment ${env.name}`,
        );
        const changed = op.edit(existing);
        op.verify();
        const plan = planAppEdit(
          dir,
          existing,
          { files: changed },
          this.validator,
          {
            namespace: env.namespace,
            allowClusterScoped: repo.allowClusterScoped,
          },
        );
        return plan;
      },
    });
  }
}
