import type {
  GitCommitInfo,
  GitIdentity,
  GitRepositoryCache,
  GitWriteResult,
  ProjectRepository,
} from '../git';
import { BranchContentionError, GitUpstreamError } from '../git';
import type { Task } from '../tasks/types';

export const TASK_TRAILER = 'App-Center-Task';

/** How far back a resumed task looks for the commit an earlier attempt made. */
const LOOKBACK_COMMITS = 500;
/** Writes a task's commit step tries while other writers keep the branch moving (each several pushes). */
const WRITE_ROUNDS = 5;
const BACKOFF_MS = 100;
const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Slack for clocks of the git host and the backend replicas. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The task a commit was made for: its `App-Center-Task` trailer, trusted only when the bot committed it. Anyone
 * who can push can write a trailer; only App Center commits as the bot (and it quotes trailers in user text).
 */
export function taskOfCommit(
  commit: Pick<GitCommitInfo, 'trailers' | 'committer'>,
  bot: GitIdentity,
): string | undefined {
  return isBotCommit(commit, bot) ? commit.trailers[TASK_TRAILER] : undefined;
}

/** Whether App Center committed it (a task, or an edit saved in the portal), rather than a push from outside. */
export function isBotCommit(
  commit: Pick<GitCommitInfo, 'committer'>,
  bot: GitIdentity,
): boolean {
  return (
    commit.committer.email.toLowerCase() === bot.email.toLowerCase() &&
    commit.committer.name === bot.name
  );
}

/** The commit on the branch the bot made for this task, if an earlier attempt of the task made one. */
export async function findTaskCommit(
  git: GitRepositoryCache,
  repo: ProjectRepository,
  task: Pick<Task, 'id' | 'createdAt'>,
): Promise<string | undefined> {
  const since = new Date(Date.parse(task.createdAt) - CLOCK_SKEW_MS);
  const log = await git.log(repo, { max: LOOKBACK_COMMITS, since });
  return log.find(c => taskOfCommit(c, git.committer) === task.id)?.sha;
}

/** What a commit step stores: the commit to sync to. */
export type CommitStepResult = {
  revision: string;
  committed: boolean;
  /** True when an earlier attempt of the task had made the commit (found by its trailer). */
  reused?: boolean;
  [key: string]: string | boolean | undefined;
};

/**
 * Makes a task's commit once. A resumed task (attempt > 1) first looks for a commit whose trailer is
 * `App-Center-Task: <task id>` (the earlier attempt may have pushed and died before recording it) and reuses
 * it. When the write changes nothing (the branch already has it), the head is the revision to sync. When other
 * writers keep the branch moving through a whole write, or the git host fails, it pauses and writes again (a few
 * times).
 */
export async function commitOnce(
  git: GitRepositoryCache,
  repo: ProjectRepository,
  task: Pick<Task, 'id' | 'createdAt' | 'attempts'>,
  write: () => Promise<GitWriteResult>,
): Promise<CommitStepResult> {
  if (task.attempts > 1) {
    const found = await findTaskCommit(git, repo, task);
    if (found) return { revision: found, committed: true, reused: true };
  }
  for (let round = 1; ; round++) {
    try {
      const result = await write();
      return { revision: result.revision, committed: result.committed };
    } catch (error) {
      // Other replicas kept the branch moving through a whole write, or the git host failed on the way: a task
      // (which has time a request does not) pauses, with jitter so writers fall out of step, and writes again.
      // Writing again is safe even when a failed push did land: the write re-applies on the new head, finds
      // its change there and commits nothing.
      const transient =
        error instanceof BranchContentionError ||
        error instanceof GitUpstreamError;
      if (!transient || round >= WRITE_ROUNDS) throw error;
      await pause(BACKOFF_MS * 2 ** round * (0.5 + Math.random()));
    }
  }
}
