import { InputError } from '@backstage/errors';
import type { RevisionHistory } from '../argocd';
import type { Caller } from '../domain/Caller';
import { assertDnsLabel, GitRepositoryCache, ManifestEditor } from '../git';
import { readAppFiles } from '../git/appFiles';
import type { TaskService } from '../tasks/TaskService';
import { isBotCommit, taskOfCommit } from './gitCommit';
import { DeployTargets, EnvironmentTarget } from './targets';

/** What git says about one deployed commit (cached: a commit never changes). */
interface CommitFacts {
  author?: { name: string; email: string };
  message?: string;
  committedAt?: string;
  taskId?: string;
  /** Committed by App Center itself (a task, or an edit saved in the portal), not pushed from outside. */
  viaPortal?: boolean;
  images: string[];
  warning?: string;
}

export interface DeployHistoryEntry {
  id: number;
  revision: string;
  deployedAt?: string;
  deployStartedAt?: string;
  initiatedBy?: { username?: string; automated?: boolean };
  images: string[];
  author?: { name: string; email: string };
  message?: string;
  committedAt?: string;
  viaPortal?: boolean;
  task?: {
    id: string;
    kind?: string;
    status?: string;
    requestedBy?: string;
    appStatus?: string;
    appMessage?: string;
  };
  warning?: string;
}

const MAX_CACHED = 5000;

/**
 * An app's deploy history (DESIGN.md section 9): Argo CD's `status.history` (newest first) joined with git
 * (author, message and the images the manifests held at that commit) and with App Center's task (found by
 * the `App-Center-Task` trailer of a commit the bot made: who asked through the portal). A page loads only the commits it
 * shows, and what git says about a commit is cached, so a long history stays cheap.
 */
export class HistoryService {
  private readonly commits = new Map<string, Promise<CommitFacts>>();

  constructor(
    private readonly deps: {
      targets: DeployTargets;
      git: GitRepositoryCache;
      tasks: TaskService;
    },
  ) {}

  async history(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    page: { limit?: number; cursor?: string },
  ): Promise<{ items: DeployHistoryEntry[]; nextCursor?: string }> {
    const target = await this.deps.targets.readable(caller, project, env);
    assertDnsLabel('app', app);
    const limit = page.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new InputError('limit must be a whole number from 1 to 100');
    const before = page.cursor === undefined ? Infinity : Number(page.cursor);
    if (!Number.isInteger(before) && before !== Infinity)
      throw new InputError(
        'cursor must come from an earlier page (nextCursor)',
      );
    const application = await target.argocd.getApplication(
      target.applicationOf(app),
      { project: target.appProject },
    );
    const all = [...(application.status?.history ?? [])]
      .filter(h => h.revision)
      .sort((a, b) => b.id - a.id);
    const rest = all.filter(h => h.id < before);
    const shown = rest.slice(0, limit);
    const items = await Promise.all(
      shown.map(h => this.entry(caller, target, app, h)),
    );
    return {
      items,
      ...(rest.length > limit
        ? { nextCursor: String(shown[shown.length - 1].id) }
        : {}),
    };
  }

  private async entry(
    caller: Caller,
    target: EnvironmentTarget,
    app: string,
    h: RevisionHistory,
  ): Promise<DeployHistoryEntry> {
    const revision = h.revision!;
    const path = h.source?.path || target.dirOf(app);
    const facts = await this.facts(target, revision, path);
    const task = facts.taskId
      ? await this.task(caller, facts.taskId, app)
      : undefined;
    return {
      id: h.id,
      revision,
      ...(h.deployedAt ? { deployedAt: h.deployedAt } : {}),
      ...(h.deployStartedAt ? { deployStartedAt: h.deployStartedAt } : {}),
      ...(h.initiatedBy ? { initiatedBy: h.initiatedBy } : {}),
      images: facts.images,
      ...(facts.author ? { author: facts.author } : {}),
      ...(facts.message ? { message: facts.message } : {}),
      ...(facts.committedAt ? { committedAt: facts.committedAt } : {}),
      ...(task ? { task } : {}),
      ...(facts.viaPortal ? { viaPortal: true } : {}),
      ...(facts.warning ? { warning: facts.warning } : {}),
    };
  }

  /** Author, message, trailer and images of a commit, read once per commit and folder. */
  private facts(
    target: EnvironmentTarget,
    revision: string,
    path: string,
  ): Promise<CommitFacts> {
    const key = `${target.repo.url}\n${revision}\n${path}`;
    const hit = this.commits.get(key);
    if (hit) {
      this.commits.delete(key);
      this.commits.set(key, hit);
      return hit;
    }
    const loading = (async (): Promise<CommitFacts> => {
      const info = await this.deps.git.commitInfo(target.repo, revision);
      const images = await this.deps.git.read(
        target.repo,
        async view => {
          const found = new Set<string>();
          for (const f of await readAppFiles(view, path)) {
            try {
              new ManifestEditor(f.path, f.content)
                .listImages()
                .forEach(i => found.add(i.image));
            } catch {
              // a file that does not parse names no images
            }
          }
          return [...found].sort();
        },
        revision,
      );
      return {
        author: info.author,
        message: info.message.trim(),
        committedAt: info.committedAt,
        taskId: taskOfCommit(info, this.deps.git.committer),
        viaPortal: isBotCommit(info, this.deps.git.committer),
        images,
      };
    })();
    this.commits.set(key, loading);
    // Failures (git unreachable) are not cached: the next page view tries again.
    loading.catch(() => this.commits.delete(key));
    if (this.commits.size > MAX_CACHED)
      this.commits.delete(this.commits.keys().next().value!);
    return loading.catch(error => ({
      images: [],
      warning: `git could not be read for this revision: ${
        (error as Error).message
      }`,
    }));
  }

  /** The task that made the commit, with the outcome of its step for this app (a deploy can sync and degrade). */
  private async task(
    caller: Caller,
    id: string,
    app: string,
  ): Promise<DeployHistoryEntry['task']> {
    try {
      const t = await this.deps.tasks.get(caller, id);
      const step =
        t.steps.find(s => s.id === `deploy:${app}`) ??
        t.steps.find(s => s.id === 'sync');
      return {
        id,
        kind: t.kind,
        status: t.status,
        requestedBy: t.requestedBy,
        ...(step
          ? {
              appStatus: step.status,
              ...(step.message ? { appMessage: step.message } : {}),
            }
          : {}),
      };
    } catch {
      // removed by retention (or not visible): the id from the commit is still worth showing
      return { id };
    }
  }
}
