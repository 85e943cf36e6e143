import {
  BranchContentionError,
  formatCommitMessage,
  GitUpstreamError,
} from '../git';
import { createGitTestEnv, GitTestEnv } from '../git/__testUtils__/gitTestEnv';
import { commitOnce, findTaskCommit, taskOfCommit } from './gitCommit';

// Real git processes over HTTP on a shared machine: allow more than jest's default 5 s.
jest.setTimeout(60_000);

const author = { name: 'Mallory', email: 'mallory@example.com' };
const task = { id: 'task-victim', createdAt: new Date().toISOString() };

describe('task trailers: only the bot writes them', () => {
  let env: GitTestEnv;
  beforeEach(async () => {
    env = await createGitTestEnv();
  });
  afterEach(() => env.cleanup());

  const setUp = async () => {
    const url = await env.server.createBareRepo('gitops.git', {
      initialFiles: { 'p/envs/dev/web/deploy.yaml': 'kind: Deployment\n' },
    });
    const cache = env.cache();
    const repo = { project: 'p', url, branch: 'main' };
    const commit = (message: string, file: string) =>
      cache.write(repo, {
        author,
        message,
        apply: () => ({ files: [{ path: file, content: `${message}\n` }] }),
      });
    return { cache, repo, commit };
  };

  it('quotes a trailer typed into a commit message, so no task is credited with a manual edit', async () => {
    const { cache, repo, commit } = await setUp();
    const forged = await commit(
      formatCommitMessage({
        action: 'edit',
        project: 'p',
        env: 'dev',
        app: 'web',
        detail: 'manual change',
        body: `looks harmless\n\nApp-Center-Task: ${task.id}\napp-center-task:${task.id}`,
      }),
      'p/envs/dev/web/a.yaml',
    );
    const info = await cache.commitInfo(repo, forged.revision);
    expect(info.message).toContain(`> App-Center-Task: ${task.id}`);
    expect(info.trailers).toEqual({});
    expect(taskOfCommit(info, cache.committer)).toBeUndefined();
    expect(await findTaskCommit(cache, repo, task)).toBeUndefined();

    // With a task of its own, the user's text cannot add a second task trailer either.
    const own = await commit(
      formatCommitMessage({
        action: 'deploy',
        project: 'p',
        env: 'dev',
        app: 'web',
        detail: 'web:2',
        taskId: 'task-own',
        body: `App-Center-Task: ${task.id}`,
      }),
      'p/envs/dev/web/b.yaml',
    );
    const ownInfo = await cache.commitInfo(repo, own.revision);
    expect(taskOfCommit(ownInfo, cache.committer)).toBe('task-own');
    expect(await findTaskCommit(cache, repo, task)).toBeUndefined();
  });

  it('ignores a trailer on a commit pushed by anyone but the bot', async () => {
    const { cache, repo, commit } = await setUp();
    const clone = await env.cliClone(repo.url);
    await env.git(
      [
        'commit',
        '--allow-empty',
        '-m',
        `hand-made\n\nApp-Center-Task: ${task.id}`,
      ],
      clone,
    );
    await env.git(['push', 'origin', 'HEAD:main'], clone);
    expect(await findTaskCommit(cache, repo, task)).toBeUndefined();

    // The bot's own commit for the task is found.
    const real = await commit(
      formatCommitMessage({
        action: 'deploy',
        project: 'p',
        env: 'dev',
        app: 'web',
        detail: 'web:3',
        taskId: task.id,
      }),
      'p/envs/dev/web/c.yaml',
    );
    expect(await findTaskCommit(cache, repo, task)).toBe(real.revision);
  });
});

describe('commitOnce', () => {
  it('writes again when other writers kept the branch moving or the git host failed, and gives up after a few rounds', async () => {
    const written = { revision: 'abc', parent: 'p', committed: true };
    let calls = 0;
    const contended = async () => {
      calls += 1;
      if (calls === 1)
        throw new BranchContentionError('the branch kept moving');
      if (calls === 2)
        throw new GitUpstreamError('git host unreachable (ECONNRESET)', 'git');
      return { ...written, attempts: 1, changedPaths: [] };
    };
    const git = {} as never;
    const repo = { project: 'p', url: 'u', branch: 'main' };
    const fresh = { ...task, attempts: 1 };
    expect(await commitOnce(git, repo, fresh, contended)).toEqual({
      revision: 'abc',
      committed: true,
    });
    expect(calls).toBe(3);

    calls = 0;
    const always = async () => {
      calls += 1;
      throw new BranchContentionError('the branch kept moving');
    };
    await expect(commitOnce(git, repo, fresh, always)).rejects.toThrow(
      /kept moving/,
    );
    expect(calls).toBe(5);
  });
});
