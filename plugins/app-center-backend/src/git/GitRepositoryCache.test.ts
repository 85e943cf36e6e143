import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { createGitTestEnv, GitTestEnv } from './__testUtils__/gitTestEnv';
import { GitUpstreamError } from './GitUpstreamError';
import { formatCommitMessage } from './commitMessage';

const author = { name: 'Jane Doe', email: 'jane@example.com' };

// Real git processes over HTTP on a shared machine: allow more than jest's default 5 s.
jest.setTimeout(60_000);

describe('GitRepositoryCache against a real git smart-HTTP server', () => {
  let env: GitTestEnv;
  beforeEach(async () => {
    env = await createGitTestEnv();
  });
  afterEach(async () => {
    await env.cleanup();
  });

  it('clones shallow, reads files and commits with author, bot committer and trailer', async () => {
    const url = await env.server.createBareRepo('gitops.git', {
      initialFiles: {
        'apps/p/templates/web/deploy.yaml': 'kind: Deployment\n',
      },
    });
    const cache = env.cache();
    const ref = { url, branch: 'main' };
    const text = await cache.read(ref, v =>
      v.readFile('apps/p/templates/web/deploy.yaml'),
    );
    expect(text).toBe('kind: Deployment\n');
    const message = formatCommitMessage({
      action: 'edit',
      project: 'p',
      env: 'templates',
      app: 'web',
      detail: 'add service',
      taskId: 'task-42',
    });
    const result = await cache.write(ref, {
      author,
      message,
      apply: () => ({
        files: [
          { path: 'apps/p/templates/web/svc.yaml', content: 'kind: Service\n' },
        ],
      }),
    });
    expect(result.committed).toBe(true);
    expect(result.attempts).toBe(1);
    const bare = path.join(env.server.root, 'gitops.git');
    const log = await env.git([
      '--git-dir',
      bare,
      'log',
      '-1',
      '--format=%an <%ae>|%cn <%ce>|%B',
      'main',
    ]);
    const [a, c, body] = log.split('|');
    expect(a).toBe('Jane Doe <jane@example.com>');
    expect(c).toBe('App Center <app-center@example.com>');
    expect(body.trim()).toBe(
      'app-center: edit p/templates/web: add service\n\nApp-Center-Task: task-42',
    );
    expect(await env.git(['--git-dir', bare, 'rev-parse', 'main'])).toBe(
      `${result.revision}\n`,
    );
    expect(
      await env.git([
        '--git-dir',
        bare,
        'show',
        'main:apps/p/templates/web/svc.yaml',
      ]),
    ).toBe('kind: Service\n');
    // git itself finds the repository sound after our push.
    await env.git(['--git-dir', bare, 'fsck', '--strict']);
    // A write that changes nothing makes no commit.
    const noop = await cache.write(ref, {
      author,
      message,
      apply: () => ({
        files: [
          { path: 'apps/p/templates/web/svc.yaml', content: 'kind: Service\n' },
        ],
      }),
    });
    expect(noop.committed).toBe(false);
    expect(noop.revision).toBe(result.revision);
  });

  it('20 parallel writes to 20 different apps give 20 commits and lose none', async () => {
    const url = await env.server.createBareRepo('par.git', {
      initialFiles: { 'README.md': 'x\n' },
    });
    const cache = env.cache();
    const ref = { url, branch: 'main' };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cache.write(ref, {
          author,
          message: `app-center: edit p/dev/app-${i}: create`,
          apply: () => ({
            files: [
              {
                path: `apps/p/envs/dev/app-${i}/deploy.yaml`,
                content: `i: ${i}\n`,
              },
            ],
          }),
        }),
      ),
    );
    expect(new Set(results.map(r => r.revision)).size).toBe(20);
    const bare = path.join(env.server.root, 'par.git');
    const count = await env.git([
      '--git-dir',
      bare,
      'rev-list',
      '--count',
      'main',
    ]);
    expect(Number(count)).toBe(21);
    const files = (
      await env.git(['--git-dir', bare, 'ls-tree', '-r', '--name-only', 'main'])
    )
      .trim()
      .split('\n');
    for (let i = 0; i < 20; i++)
      expect(files).toContain(`apps/p/envs/dev/app-${i}/deploy.yaml`);
  });

  it('20 parallel writes from two processes (two caches) all land', async () => {
    const url = await env.server.createBareRepo('two.git', {
      initialFiles: { 'README.md': 'x\n' },
    });
    const ref = { url, branch: 'main' };
    // Two writers hammering one branch back to back: the loser of each race needs more attempts than default.
    const a = env.cache({ maxPushAttempts: 12 });
    const b = env.cache({ maxPushAttempts: 12 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).write(ref, {
          author,
          message: `app-center: edit p/dev/app-${i}: create`,
          apply: () => ({
            files: [
              {
                path: `apps/p/envs/dev/app-${i}/deploy.yaml`,
                content: `i: ${i}\n`,
              },
            ],
          }),
        }),
      ),
    );
    expect(results.filter(r => r.status === 'rejected')).toEqual([]);
    const bare = path.join(env.server.root, 'two.git');
    expect(
      Number(await env.git(['--git-dir', bare, 'rev-list', '--count', 'main'])),
    ).toBe(21);
  });

  it('two writes to the same file from the same baseRevision: one lands, one is a 409 naming both revisions', async () => {
    const url = await env.server.createBareRepo('same.git', {
      initialFiles: { 'a/f.yaml': 'v: 0\n' },
    });
    const ref = { url, branch: 'main' };
    const cache = env.cache();
    const base = await cache.head(ref);
    const settled = await Promise.allSettled(
      [1, 2].map(v =>
        cache.write(ref, {
          author,
          message: `edit ${v}`,
          baseRevision: base,
          apply: () => ({
            files: [{ path: 'a/f.yaml', content: `v: ${v}\n` }],
          }),
        }),
      ),
    );
    const ok = settled.filter(s => s.status === 'fulfilled');
    const failed = settled.filter(
      (s): s is PromiseRejectedResult => s.status === 'rejected',
    );
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(ConflictError);
    const newHead = (ok[0] as PromiseFulfilledResult<{ revision: string }>)
      .value.revision;
    expect(failed[0].reason.message).toContain(base);
    expect(failed[0].reason.message).toContain(newHead);
    expect(failed[0].reason.message).toContain('a/f.yaml');
    // A write to another file from the old base is fine.
    const other = await cache.write(ref, {
      author,
      message: 'other',
      baseRevision: base,
      apply: () => ({ files: [{ path: 'b/g.yaml', content: 'x: 1\n' }] }),
    });
    expect(other.committed).toBe(true);
  });

  it('a push rejected because another clone pushed in between is retried on the new head and lands', async () => {
    const url = await env.server.createBareRepo('race.git', {
      initialFiles: { 'a/one.yaml': 'one: 1\n' },
    });
    const ref = { url, branch: 'main' };
    const cache = env.cache();
    await cache.head(ref);
    const cli = await env.cliClone(url);
    // Just before our push reaches the server, someone else pushes.
    env.server.beforeNextPush(async () => {
      await fs.writeFile(path.join(cli, 'a/two.yaml'), 'two: 2\n');
      await env.git(['add', '.'], cli);
      await env.git(['commit', '-q', '-m', 'concurrent'], cli);
      await env.git(['push', '-q', 'origin', 'HEAD:main'], cli);
    });
    let calls = 0;
    const result = await cache.write(ref, {
      author,
      message: 'ours',
      apply: async view => {
        calls += 1;
        const seen = (await view.list('a')).map(e => e.path).sort();
        return {
          files: [
            { path: 'a/seen.yaml', content: `seen: [${seen.join(', ')}]\n` },
          ],
        };
      },
    });
    expect(result.attempts).toBe(2);
    expect(calls).toBe(2);
    const bare = path.join(env.server.root, 'race.git');
    expect(
      await env.git(['--git-dir', bare, 'log', '--format=%s', 'main']),
    ).toBe('ours\nconcurrent\nInitial commit\n');
    expect(await env.git(['--git-dir', bare, 'show', 'main:a/seen.yaml'])).toBe(
      'seen: [a/one.yaml, a/two.yaml]\n',
    );
  });

  it('gives up with a 409 after the configured number of attempts', async () => {
    const url = await env.server.createBareRepo('busy.git', {
      initialFiles: { 'a/one.yaml': 'one: 1\n' },
    });
    const ref = { url, branch: 'main' };
    const cache = env.cache({ maxPushAttempts: 2 });
    await cache.head(ref);
    const cli = await env.cliClone(url);
    let n = 0;
    const concurrent = async () => {
      n += 1;
      await fs.writeFile(path.join(cli, `c${n}.yaml`), `n: ${n}\n`);
      await env.git(['add', '.'], cli);
      await env.git(['commit', '-q', '-m', `c${n}`], cli);
      await env.git(['push', '-q', 'origin', 'HEAD:main'], cli);
    };
    // The hook re-arms itself after its own push went through, so it fires before each of our attempts.
    const hook = async () => {
      await concurrent();
      if (n < 2) env.server.beforeNextPush(hook);
    };
    env.server.beforeNextPush(hook);
    await expect(
      cache.write(ref, {
        author,
        message: 'x',
        apply: () => ({ files: [{ path: 'x.yaml', content: 'x: 1\n' }] }),
      }),
    ).rejects.toThrow(/kept moving during 2 attempts/);
  });

  it('reports wrong credentials and unreachable hosts clearly, without the secret', async () => {
    const url = await env.server.createBareRepo('auth.git', {
      initialFiles: { 'a.yaml': 'a: 1\n' },
    });
    const secret = 'very-secret-token-value';
    const wrong = env.cache({
      credentials: () => ({ username: env.username, password: secret }),
    });
    const err1 = await wrong.head({ url, branch: 'main' }).catch(e => e);
    expect(err1).toBeInstanceOf(GitUpstreamError);
    expect(err1.statusCode).toBe(502);
    expect(err1.message).toContain(
      `git host rejected the credentials for ${url}`,
    );
    expect(err1.message).not.toContain(secret);
    expect(JSON.stringify(err1)).not.toContain(secret);

    const tokenCache = env.cache({ credentials: () => ({ token: secret }) });
    const closed = 'http://127.0.0.1:9/gitops.git';
    const err2 = await tokenCache
      .head({ url: closed, branch: 'main' })
      .catch(e => e);
    expect(err2).toBeInstanceOf(GitUpstreamError);
    expect(err2.message).toMatch(
      /^git host 127\.0\.0\.1:9 unreachable \(ECONNREFUSED\)/,
    );
    expect(err2.message).not.toContain(secret);

    // Credentials embedded in the URL never appear either.
    const embedded = `http://${env.username}:${secret}@127.0.0.1:9/gitops.git`;
    const err3 = await env
      .cache({ credentials: () => undefined })
      .head({ url: embedded, branch: 'main' })
      .catch(e => e);
    expect(err3.message).toContain('unreachable');
    expect(err3.message).not.toContain(secret);
    expect(err3.message).not.toContain(`${env.username}:`);

    // A push the server refuses (not because the branch moved) is a clear error, not a retry loop.
    const cache = env.cache();
    const ref = { url, branch: 'main' };
    await cache.head(ref);
    env.server.rejectNextPushes(1, 403);
    const err4 = await cache
      .write(ref, {
        author,
        message: 'x',
        apply: () => ({ files: [{ path: 'b.yaml', content: 'b: 1\n' }] }),
      })
      .catch(e => e);
    expect(err4).toBeInstanceOf(GitUpstreamError);
    expect(err4.message).toContain('rejected the credentials');
    expect(err4.message).not.toContain(env.password);
  });

  it('recovers from a damaged clone by cloning again', async () => {
    const url = await env.server.createBareRepo('dmg.git', {
      initialFiles: { 'a.yaml': 'a: 1\n' },
    });
    const work = path.join(env.tmp, 'dmg-work');
    const cache = env.cache({ workingDirectory: work, freshnessMs: 0 });
    const ref = { url, branch: 'main' };
    await cache.read(ref, v => v.readFile('a.yaml'));
    // Destroy the objects of the clone.
    const [keyDir] = await fs.readdir(work);
    const [cloneDir] = await fs.readdir(path.join(work, keyDir));
    await fs.rm(path.join(work, keyDir, cloneDir, 'objects'), {
      recursive: true,
      force: true,
    });
    expect(await cache.read(ref, v => v.readFile('a.yaml'))).toBe('a: 1\n');
    const w = await cache.write(ref, {
      author,
      message: 'm',
      apply: () => ({ files: [{ path: 'b.yaml', content: 'b\n' }] }),
    });
    expect(w.committed).toBe(true);
    // A new process reusing the same working directory picks the clone up.
    const again = env.cache({ workingDirectory: work });
    expect(await again.read(ref, v => v.readFile('b.yaml'))).toBe('b\n');
  });

  it('follows a force-pushed (diverged) branch', async () => {
    const url = await env.server.createBareRepo('div.git', {
      initialFiles: { 'a.yaml': 'a: 1\n' },
    });
    const bare = path.join(env.server.root, 'div.git');
    const cache = env.cache({ freshnessMs: 0 });
    const ref = { url, branch: 'main' };
    await cache.read(ref, v => v.readFile('a.yaml'));
    await env.git([
      '--git-dir',
      bare,
      'config',
      'receive.denyNonFastForwards',
      'false',
    ]);
    const cli = await env.cliClone(url);
    await fs.writeFile(path.join(cli, 'a.yaml'), 'a: rewritten\n');
    await env.git(['commit', '-q', '-a', '--amend', '-m', 'rewritten'], cli);
    await env.git(['push', '-q', '--force', 'origin', 'HEAD:main'], cli);
    expect(await cache.read(ref, v => v.readFile('a.yaml'))).toBe(
      'a: rewritten\n',
    );
  });

  it('evicts the least recently used idle clone beyond maxClones, never one in use', async () => {
    const urls = await Promise.all(
      ['r1', 'r2', 'r3'].map(n =>
        env.server.createBareRepo(`${n}.git`, {
          initialFiles: { 'f.yaml': `${n}: 1\n` },
        }),
      ),
    );
    const work = path.join(env.tmp, 'lru');
    const cache = env.cache({ workingDirectory: work, maxClones: 2 });
    let release!: () => void;
    let inUse!: () => void;
    const using = new Promise<void>(r => (inUse = r));
    const held = cache.use({ url: urls[0], branch: 'main' }, async clone => {
      await clone.head();
      inUse();
      await new Promise<void>(r => (release = r));
    });
    await using;
    await cache.head({ url: urls[1], branch: 'main' });
    await cache.head({ url: urls[2], branch: 'main' });
    // r1 is in use, so r2 (least recently used idle) was evicted.
    expect(cache.size).toBe(2);
    release();
    await held;
    // The evicted clone's folder goes in the background: wait until it is gone.
    for (let tries = 0; (await fs.readdir(work)).length !== 2; tries++) {
      if (tries > 200) throw new Error('the evicted clone stayed on disk');
      await new Promise(r => setTimeout(r, 25));
    }
    expect(
      await cache.read({ url: urls[1], branch: 'main' }, v =>
        v.readFile('f.yaml'),
      ),
    ).toBe('r2: 1\n');
    expect(cache.size).toBe(2);
  });

  it('fetches history on demand for a revision older than the shallow clone', async () => {
    const url = await env.server.createBareRepo('hist.git', {
      initialFiles: { 'a.yaml': 'v: 1\n' },
    });
    const bare = path.join(env.server.root, 'hist.git');
    const first = (
      await env.git(['--git-dir', bare, 'rev-parse', 'main'])
    ).trim();
    const cli = await env.cliClone(url);
    await fs.writeFile(path.join(cli, 'a.yaml'), 'v: 2\n');
    await env.git(['commit', '-q', '-am', 'two'], cli);
    await env.git(['push', '-q', 'origin', 'HEAD:main'], cli);
    const cache = env.cache();
    const ref = { url, branch: 'main' };
    expect(await cache.read(ref, v => v.readFile('a.yaml'))).toBe('v: 2\n');
    expect(await cache.read(ref, v => v.readFile('a.yaml'), first)).toBe(
      'v: 1\n',
    );
    await expect(
      cache.read(ref, v => v.readFile('a.yaml'), 'f'.repeat(40)),
    ).rejects.toThrow(/is not in the history/);
  });
});
