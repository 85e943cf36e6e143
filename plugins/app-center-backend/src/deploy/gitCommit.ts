import type {
  GitCommitInfo,
  GitIdentity,
  GitRepositoryCache,
  GitWriteResult,
  ProjectRepository,
} from '../git';
import type { Task } from '../tasks/types';

export const TASK_TRAILER = 'App-Center-Task';

/** How far back a resumed task looks for the commit an earlier attempt made. */
const LOOKBACK_COMMITS = 500;
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
  const sameBot =
    commit.committer.email.toLowerCase() === bot.email.toLowerCase() &&
    commit.committer.name === bot.name;
  return sameBot ? commit.trailers[TASK_TRAILER] : undefined;
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
 * it. When the write changes nothing (the branch already has it), the head is the revision to sync.
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
  const result = await write();
  return { revision: result.revision, committed: result.committed };
}
