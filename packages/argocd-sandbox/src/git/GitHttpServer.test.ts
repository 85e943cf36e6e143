import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { GitHttpServer } from './GitHttpServer.ts';
import { startGitHttpServer } from './GitHttpServer.ts';

const run = promisify(execFile);

function gitEnv() {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.invalid',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.invalid',
  };
}

function basic(user: string, password: string) {
  return `Authorization: Basic ${Buffer.from(`${user}:${password}`).toString(
    'base64',
  )}`;
}

async function git(args: string[], cwd?: string) {
  return run('git', args, { cwd, env: gitEnv() });
}

function pkt(line: string): string {
  return (line.length + 4).toString(16).padStart(4, '0') + line;
}

describe('startGitHttpServer', () => {
  let tmp: string;
  let server: GitHttpServer;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'git-http-server-test-'));
  });
  afterEach(async () => {
    await server?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('serves clone and push with Basic auth, and refuses wrong credentials with 401', async () => {
    server = await startGitHttpServer({
      root: path.join(tmp, 'repos'),
      auth: { username: 'bot', password: 'pw-123' },
    });
    const url = await server.createBareRepo('team/apps.git', {
      initialFiles: { 'a/one.yaml': 'kind: A\n' },
    });
    expect(url).toBe(`${server.url}/team/apps.git`);

    const work = path.join(tmp, 'work');
    await git([
      '-c',
      `http.extraHeader=${basic('bot', 'pw-123')}`,
      'clone',
      '--quiet',
      url,
      work,
    ]);
    expect(await fs.readFile(path.join(work, 'a/one.yaml'), 'utf8')).toBe(
      'kind: A\n',
    );

    await fs.writeFile(path.join(work, 'b.yaml'), 'kind: B\n');
    await git(['add', '.'], work);
    await git(['commit', '-q', '-m', 'second'], work);
    await git(
      [
        '-c',
        `http.extraHeader=${basic('bot', 'pw-123')}`,
        'push',
        '-q',
        'origin',
        'HEAD:main',
      ],
      work,
    );
    const { stdout } = await git([
      '--git-dir',
      path.join(server.root, 'team/apps.git'),
      'log',
      '--format=%s',
      'main',
    ]);
    expect(stdout.trim().split('\n')).toEqual(['second', 'Initial commit']);

    const refused = await fetch(`${url}/info/refs?service=git-upload-pack`, {
      headers: {
        Authorization: `Basic ${Buffer.from('bot:wrong').toString('base64')}`,
      },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
    const missing = await fetch(`${url}/info/refs?service=git-upload-pack`);
    expect(missing.status).toBe(401);
    expect(server.stats().unauthorized).toBe(2);
    expect(server.stats().pushes).toBe(1);
  });

  it('accepts a Bearer token and rejects a wrong one', async () => {
    server = await startGitHttpServer({
      root: tmp,
      auth: { token: 'tok-abc' },
    });
    const url = await server.createBareRepo('r.git', {
      initialFiles: { 'x.yaml': 'x: 1\n' },
    });
    const ok = await fetch(`${url}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: 'Bearer tok-abc' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe(
      'application/x-git-upload-pack-advertisement',
    );
    expect(await ok.text()).toContain('refs/heads/main');
    const bad = await fetch(`${url}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(bad.status).toBe(401);
  });

  it('streams gzip-encoded request bodies through to http-backend', async () => {
    server = await startGitHttpServer({ root: tmp });
    const url = await server.createBareRepo('z.git', {
      initialFiles: { 'x.yaml': 'x: 1\n' },
    });
    const { stdout } = await git([
      '--git-dir',
      path.join(tmp, 'z.git'),
      'rev-parse',
      'main',
    ]);
    const body = gzipSync(
      Buffer.from(`${pkt(`want ${stdout.trim()}\n`)}0000${pkt('done\n')}`),
    );
    const res = await fetch(`${url}/git-upload-pack`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-git-upload-pack-request',
        'Content-Encoding': 'gzip',
      },
      body,
    });
    expect(res.status).toBe(200);
    const out = Buffer.from(await res.arrayBuffer());
    expect(out.includes(Buffer.from('PACK'))).toBe(true);
  });

  it('rejects the next N pushes on request and injects latency', async () => {
    server = await startGitHttpServer({ root: tmp });
    const url = await server.createBareRepo('p.git', {
      initialFiles: { 'x.yaml': 'x: 1\n' },
    });
    const work = path.join(tmp, 'w');
    await git(['clone', '-q', url, work]);
    await fs.writeFile(path.join(work, 'x.yaml'), 'x: 2\n');
    await git(['commit', '-q', '-am', 'two'], work);
    server.rejectNextPushes(1);
    await expect(
      git(['push', '-q', 'origin', 'HEAD:main'], work),
    ).rejects.toThrow();
    expect(server.stats().rejectedPushes).toBe(1);
    server.setLatency(150);
    const requestsBefore = server.stats().requests;
    await git(['push', '-q', 'origin', 'HEAD:main'], work);
    // Every request of the push (at least refs and receive-pack) waited out the latency.
    const after = server.stats();
    expect(after.delayedRequests).toBe(after.requests - requestsBefore);
    expect(after.delayedMs).toBeGreaterThanOrEqual(300);
  });

  it('refuses non-fast-forward pushes and bad repository names', async () => {
    server = await startGitHttpServer({ root: tmp });
    const url = await server.createBareRepo('n.git', {
      initialFiles: { 'x.yaml': 'x: 1\n' },
    });
    const work = path.join(tmp, 'w');
    await git(['clone', '-q', url, work]);
    await git(['commit', '-q', '--amend', '-m', 'rewritten'], work);
    await expect(
      git(['push', '-q', '--force', 'origin', 'HEAD:main'], work),
    ).rejects.toThrow(/non-fast-forward|rejected/);
    await expect(server.createBareRepo('../escape')).rejects.toThrow(
      /invalid repository name/,
    );
  });
});
