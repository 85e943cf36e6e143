import { ConflictError, NotFoundError } from '@backstage/errors';
import { createTwoFilesPatch } from 'diff';
import { diff3Merge } from 'node-diff3';
import {
  ConflictResolver,
  DriftConflict,
  DriftResolution,
  mergeYamlFile,
  resolverOf,
} from './yamlMerge';
import { AppFile, readAppFiles } from '../git/appFiles';
import { MergeConflictError } from '../git/conflicts';
import { formatCommitMessage } from '../git/commitMessage';
import {
  EnvironmentRef,
  Provenance,
  readProvenance,
  renderProvenance,
} from '../environmentApps/EnvironmentAppStore';
import { GitOpsLayout } from '../git/GitOpsLayout';
import { GitOpsStore } from '../git/GitOpsStore';
import type { ProjectRepository, WriteContext } from '../git/projectRepository';
import type { GitWriteResult } from '../git/types';

/** One template file changed since an environment copied the template. */
export interface DriftFile {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  /** Unified diff from the template as copied to the template now. */
  diff: string;
}

/** Template changes one environment has not taken yet. */
export interface EnvironmentDrift {
  environment: string;
  provenance: Provenance;
  /** True when the template changed since the copy. */
  drifted: boolean;
  files: DriftFile[];
}

const short = (sha: string) => sha.slice(0, 12);

function toMap(files: AppFile[]) {
  return new Map(files.map(f => [f.path, f.content]));
}

function changeStatus(
  before: string | undefined,
  now: string | undefined,
): DriftFile['status'] {
  if (before === undefined) return 'added';
  if (now === undefined) return 'deleted';
  return 'modified';
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

/**
 * Drift between a template and its environment copies, from the provenance
 * each copy records, and a three-way merge to apply it (base = template as
 * copied, ours = environment files, theirs = template now).
 */
export class TemplateDrift extends GitOpsStore {
  /** Per environment holding a copy of template `app`: the template changes since the copy. */
  async drift(
    repo: ProjectRepository,
    app: string,
  ): Promise<{
    revision: string;
    templateTree?: string;
    environments: EnvironmentDrift[];
  }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const templateDir = layout.templateDir(app);
    const head = await this.cache.read(repo, async view => {
      const templateTree = await view.oidOf(templateDir);
      if (!templateTree)
        throw new NotFoundError(
          `template ${repo.project}/${app} does not exist`,
        );
      const envs = (await view.list(layout.envsDir)).filter(
        e => e.type === 'directory',
      );
      const copies: Array<{ env: string; provenance: Provenance }> = [];
      for (const e of envs) {
        const env = e.path.slice(layout.envsDir.length + 1);
        const provenance = await readProvenance(
          view,
          `${e.path}/${app}/${GitOpsLayout.provenanceFile}`,
        );
        if (provenance && provenance.template === app)
          copies.push({ env, provenance });
      }
      return {
        revision: view.revision,
        templateTree,
        copies,
        now: await readAppFiles(view, templateDir),
      };
    });
    const environments: EnvironmentDrift[] = [];
    const baseByCommit = new Map<string, Map<string, string>>();
    for (const { env, provenance } of head.copies) {
      if (provenance.templateTree === head.templateTree) {
        environments.push({
          environment: env,
          provenance,
          drifted: false,
          files: [],
        });
        continue;
      }
      let base = baseByCommit.get(provenance.templateCommit);
      if (!base) {
        base = toMap(
          await this.templateAt(repo, templateDir, provenance.templateCommit),
        );
        baseByCommit.set(provenance.templateCommit, base);
      }
      const files = this.diff(
        base,
        toMap(head.now),
        provenance.templateCommit,
        head.revision,
      );
      environments.push({
        environment: env,
        provenance,
        drifted: files.length > 0,
        files,
      });
    }
    return {
      revision: head.revision,
      templateTree: head.templateTree,
      environments,
    };
  }

  private templateAt(
    repo: ProjectRepository,
    dir: string,
    commit: string,
  ): Promise<AppFile[]> {
    return this.cache.read(repo, view => readAppFiles(view, dir), commit);
  }

  private diff(
    base: Map<string, string>,
    now: Map<string, string>,
    from: string,
    to: string,
  ): DriftFile[] {
    const paths = [...new Set([...base.keys(), ...now.keys()])].sort();
    const out: DriftFile[] = [];
    for (const p of paths) {
      const a = base.get(p);
      const b = now.get(p);
      if (a === b) continue;
      const status = changeStatus(a, b);
      out.push({
        path: p,
        status,
        diff: createTwoFilesPatch(
          a === undefined ? '/dev/null' : `a/${p}`,
          b === undefined ? '/dev/null' : `b/${p}`,
          a ?? '',
          b ?? '',
          short(from),
          short(to),
        ),
      });
    }
    return out;
  }

  /**
   * Merges the template changes into the environment copy and records the
   * new provenance. Each conflict takes the side `ctx.resolutions` chose for
   * it; any left is refused with 409 listing them item by item; nothing is
   * written then.
   */
  async apply(
    repo: ProjectRepository,
    env: EnvironmentRef,
    app: string,
    ctx: WriteContext & {
      baseRevision?: string;
      resolutions?: DriftResolution[];
    },
  ): Promise<GitWriteResult & { merged: string[] }> {
    const layout = new GitOpsLayout(repo.project, repo.dir);
    const target = layout.envAppDir(env.name, app);
    const provenancePath = layout.provenancePath(env.name, app);
    const initial = await this.cache.read(repo, v =>
      readProvenance(v, provenancePath),
    );
    if (!initial)
      throw new NotFoundError(
        `${app} in environment ${env.name} has no template provenance to apply changes from`,
      );
    const base = toMap(
      await this.templateAt(
        repo,
        layout.templateDir(initial.template),
        initial.templateCommit,
      ),
    );
    let merged: string[] = [];
    const result = await this.cache.write(repo, {
      author: ctx.author,
      baseRevision: ctx.baseRevision,
      watchPaths: ctx.baseRevision ? [target] : undefined,
      message: formatCommitMessage({
        action: 'apply-template',
        project: repo.project,
        env: env.name,
        app,
        taskId: ctx.taskId,
        detail: `merge template ${initial.template} changes ${short(
          initial.templateCommit,
        )}..HEAD`,
        body: ctx.message,
      }),
      apply: async view => {
        const provenance = await readProvenance(view, provenancePath);
        if (
          !provenance ||
          provenance.templateCommit !== initial.templateCommit ||
          provenance.template !== initial.template
        ) {
          throw new ConflictError(
            `${app} in environment ${env.name} was re-associated or updated meanwhile; reload the drift and try again`,
          );
        }
        const templateDir = layout.templateDir(provenance.template);
        const templateTree = await view.oidOf(templateDir);
        if (!templateTree)
          throw new NotFoundError(
            `template ${repo.project}/${provenance.template} does not exist any more`,
          );
        const theirs = toMap(await readAppFiles(view, templateDir));
        const ours = toMap(await readAppFiles(view, target));
        const { files, deleted, conflicts } = this.merge(
          base,
          ours,
          theirs,
          resolverOf(ctx.resolutions),
        );
        if (conflicts.length) {
          const conflictFiles = [...new Set(conflicts.map(c => c.file))];
          throw new MergeConflictError(
            `template changes conflict with changes made in ${
              env.name
            } in ${conflicts
              .map(
                c =>
                  `${c.file}${c.document ? ` ${c.document}` : ''}${
                    c.path ? ` ${c.path}` : ''
                  }`,
              )
              .join(', ')}; choose the template's or ${
              env.name
            }'s value for each (nothing was written)`,
            conflictFiles,
            conflicts,
          );
        }
        merged = [...files.keys(), ...deleted];
        const after = new Map(ours);
        for (const [p, c] of files) after.set(p, c);
        for (const p of deleted) after.delete(p);
        const written = new Set(files.keys());
        this.validator.assertValid(
          [...after]
            .map(([path, content]) => ({ path, content }))
            .filter(f => written.has(f.path)),
          {
            namespace: env.namespace,
            allowClusterScoped: repo.allowClusterScoped,
          },
        );
        const next: Provenance = {
          template: provenance.template,
          templateCommit: view.revision,
          templateTree,
        };
        return {
          files: [
            ...[...files].map(([p, content]) => ({
              path: `${target}/${p}`,
              content,
            })),
            { path: provenancePath, content: renderProvenance(next) },
          ],
          deleted: deleted.map(p => `${target}/${p}`),
        };
      },
    });
    return { ...result, merged };
  }

  /** Three-way merge per file: YAML by document and key path, anything else by lines. */
  private merge(
    base: Map<string, string>,
    ours: Map<string, string>,
    theirs: Map<string, string>,
    resolve: ConflictResolver,
  ) {
    const files = new Map<string, string>();
    const deleted: string[] = [];
    const conflicts: DriftConflict[] = [];
    for (const p of [...new Set([...base.keys(), ...theirs.keys()])].sort()) {
      const b = base.get(p);
      const t = theirs.get(p);
      const o = ours.get(p);
      if (b === t) continue; // the template did not change this file
      if (o === t) continue; // the environment already has it
      const whole = () => {
        const c = {
          file: p,
          document: '',
          path: '',
          base: b,
          template: t,
          environment: o,
        };
        const choice = resolve(c);
        if (choice === 'template') {
          if (t === undefined) deleted.push(p);
          else files.set(p, t);
        } else if (choice !== 'environment') conflicts.push(c);
      };
      if (t === undefined) {
        if (o === b) deleted.push(p);
        else if (o !== undefined) whole();
        continue;
      }
      if (o === undefined) {
        if (b === undefined) files.set(p, t);
        else whole();
        continue;
      }
      const yaml = /\.ya?ml$/.test(p)
        ? mergeYamlFile(p, b, o, t, resolve)
        : undefined;
      if (yaml) {
        conflicts.push(...yaml.conflicts);
        if (!yaml.conflicts.length && yaml.content !== o)
          files.set(p, yaml.content);
        continue;
      }
      const regions =
        b === undefined
          ? undefined
          : diff3Merge(splitLines(o), splitLines(b), splitLines(t), {
              excludeFalseConflicts: true,
            });
      if (!regions || regions.some(r => r.conflict)) whole();
      else files.set(p, regions.flatMap(r => r.ok ?? []).join('\n'));
    }
    return { files, deleted, conflicts };
  }
}
