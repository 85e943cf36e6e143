import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startArgoCDSandbox, SandboxStack } from '@internal/argocd-sandbox';
import { ArgoCDClient } from './ArgoCDClient';
import type { Application } from './types';
import {
  waitFor,
  clientAgainstSandbox,
} from './__testUtils__/clientAgainstSandbox';

jest.setTimeout(60_000);

describe('ArgoCDClient against the sandbox', () => {
  const sandbox = clientAgainstSandbox();
  let stack: SandboxStack;
  let client: ArgoCDClient;
  let app: Application;
  // The error cases read and write an application that exists.
  beforeAll(async () => {
    ({ stack, client, app } = sandbox);
    await client.createApplication(app);
  });

  describe('errors', () => {
    it('answers 502 naming the instance when the token is refused, without the token', async () => {
      const bad = new ArgoCDClient({
        name: 'main',
        url: stack.argocd.url,
        token: 'wrong-secret-token',
      });
      const error = await bad.listApplications().catch(e => e);
      expect(error).toMatchObject({ statusCode: 502, upstreamStatus: 401 });
      expect(error.message).toMatch(
        /Argo CD "main" rejected App Center's token \(401: invalid session/,
      );
      expect(
        JSON.stringify({ ...error, message: error.message }),
      ).not.toContain('wrong-secret-token');
    });

    it('maps a 403 with project to NotAllowedError, 404 to NotFoundError, 409 to ConflictError', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        403,
        'permission denied',
        1,
      );
      await expect(
        client.getApplication(app.metadata.name, { project: 'default' }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /denied .* App Center's account: permission denied/,
        ),
      });
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*/resource-tree',
        404,
        'gone',
        1,
      );
      await expect(
        client.resourceTree(app.metadata.name),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        409,
        'already exists',
        1,
      );
      await expect(client.createApplication(app)).rejects.toMatchObject({
        name: 'ConflictError',
      });
    });

    it('answers a server error with 502 and the upstream message; retries reads only', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications',
        503,
        'cache not ready',
        2,
      );
      expect(
        await client.listApplications({
          selector: 'app-center.io/project=shop',
        }),
      ).toHaveLength(1);
      expect(stack.argocd.hooks.count('GET /api/v1/applications')).toBe(3);

      stack.argocd.hooks.fail(
        'POST /api/v1/applications',
        503,
        'etcd unavailable',
        1,
      );
      await expect(client.createApplication(app)).rejects.toMatchObject({
        statusCode: 502,
        message:
          'Argo CD "main" failed on POST /applications (HTTP 503): etcd unavailable',
      });
      expect(stack.argocd.hooks.count('POST /api/v1/applications')).toBe(1);

      // One passing 500 on a read is retried away; a read that keeps failing fails after its retries.
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        500,
        'etcdserver: leader changed',
        1,
      );
      expect(
        (await client.getApplication(app.metadata.name)).metadata.name,
      ).toBe(app.metadata.name);
      expect(stack.argocd.hooks.count('GET /api/v1/applications/*')).toBe(2);
      stack.argocd.hooks.resetCounts();
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        500,
        'rpc error: code = Unknown desc = boom',
      );
      await expect(
        client.getApplication(app.metadata.name),
      ).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(
          /HTTP 500\): rpc error: code = Unknown desc = boom/,
        ),
      });
      expect(stack.argocd.hooks.count('GET /api/v1/applications/*')).toBe(3);
    });

    it('answers 504 when Argo CD is slower than the timeout, and for its own deadline errors', async () => {
      const quick = new ArgoCDClient(
        {
          name: 'main',
          url: stack.argocd.url,
          token: stack.argocd.token,
          timeoutMs: 200,
        },
        { retries: 0 },
      );
      // Had the client waited for the slow answer, it would have listed the applications, not failed.
      stack.argocd.hooks.latency('GET /api/v1/applications', 1500, 1);
      const error = await quick.listApplications().catch(e => e);
      expect({ statusCode: error.statusCode, message: error.message }).toEqual({
        statusCode: 504,
        message:
          'Argo CD "main" did not answer GET /applications within 200 ms',
      });
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*',
        504,
        'application refresh deadline exceeded',
        1,
      );
      await expect(
        quick.getApplication(app.metadata.name, { refresh: 'normal' }),
      ).rejects.toMatchObject({
        statusCode: 504,
      });
    });

    it('answers 502 with a message when the connection drops (after retrying reads)', async () => {
      stack.argocd.hooks.drop('GET /api/v1/applications');
      await expect(client.listApplications()).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(
          /^Argo CD "main" closed the connection during GET \/applications/,
        ),
      });
      expect(stack.argocd.hooks.count('GET /api/v1/applications')).toBe(3);
      stack.argocd.hooks.clearFaults();
      stack.argocd.hooks.drop('POST /api/v1/applications', 1);
      await expect(client.createApplication(app)).rejects.toMatchObject({
        statusCode: 502,
      });
    });

    it('maps an error before the first log line, and reads a mid-stream {error} line', async () => {
      stack.argocd.hooks.fail(
        'GET /api/v1/applications/*/logs',
        400,
        'max pods to view logs are reached',
        1,
      );
      const it = client.podLogs(app.metadata.name, {}, { project: 'default' });
      await expect(it.next()).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/max pods to view logs are reached/),
      });

      const body = [
        {
          result: {
            content: 'one',
            podName: 'web-1',
            timeStampStr: '2025-01-01T00:00:00.000000001Z',
            last: false,
          },
        },
        {
          error: {
            grpc_code: 13,
            http_code: 500,
            message: 'stream broken',
            http_status: 'Internal Server Error',
          },
        },
      ]
        .map(l => JSON.stringify(l))
        .join('\n');
      const fake = new ArgoCDClient(
        { name: 'main', url: 'http://argocd.invalid', token: 't' },
        { fetch: async () => new Response(`${body}\n`, { status: 200 }) },
      );
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const e of fake.podLogs('web')) seen.push(e.content!);
        })(),
      ).rejects.toMatchObject({
        statusCode: 502,
        message: expect.stringMatching(/stream broken/),
      });
      expect(seen).toEqual(['one']);

      const ended = new ArgoCDClient(
        { name: 'main', url: 'http://argocd.invalid', token: 't' },
        {
          fetch: async () =>
            new Response(
              `${JSON.stringify({
                result: { content: 'a', last: false },
              })}\n${JSON.stringify({
                result: { content: '', podName: '', last: true },
              })}\n${JSON.stringify({
                result: { content: 'after', last: false },
              })}\n`,
            ),
        },
      );
      const all: string[] = [];
      for await (const e of ended.podLogs('web')) all.push(e.content!);
      expect(all).toEqual(['a']);
    });

    it('reads a log stream that lasts longer than the timeout: the timeout covers only its start', async () => {
      const lines = ['one', 'two', 'three', 'four'];
      const slow = new ArgoCDClient(
        {
          name: 'main',
          url: 'http://argocd.invalid',
          token: 't',
          timeoutMs: 100,
        },
        {
          retries: 0,
          // Argo CD writes a line every 60 ms: the whole stream outlasts the 100 ms timeout.
          fetch: async (_url, init) =>
            new Response(
              new ReadableStream({
                start(controller) {
                  init?.signal?.addEventListener('abort', () =>
                    controller.error(init.signal!.reason),
                  );
                  let i = 0;
                  const next = () => {
                    if (init?.signal?.aborted) return;
                    if (i === lines.length) {
                      controller.close();
                      return;
                    }
                    controller.enqueue(
                      new TextEncoder().encode(
                        `${JSON.stringify({
                          result: { content: lines[i++], last: false },
                        })}\n`,
                      ),
                    );
                    setTimeout(next, 60);
                  };
                  next();
                },
              }),
              { status: 200 },
            ),
        },
      );
      const seen: string[] = [];
      for await (const e of slow.podLogs('web', { follow: true }))
        seen.push(e.content!);
      expect(seen).toEqual(lines);
    });

    it('answers 502 naming the instance when Argo CD is killed mid-request or refuses connections', async () => {
      const dir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'app-center-argocd-kill-'),
      );
      const victim = await startArgoCDSandbox({
        dataDir: dir,
        gitRoot: path.join(dir, 'git'),
        port: 0,
      });
      const c = new ArgoCDClient(
        { name: 'edge', url: victim.url, token: victim.token },
        { retries: 0, timeoutMs: 5000 },
      );
      victim.hooks.latency('GET /api/v1/applications', 3000);
      const pending = c.listApplications().catch(e => e);
      await waitFor(
        async () =>
          victim.hooks.count('GET /api/v1/applications') ? true : undefined,
        'the request',
      );
      await victim.close();
      // A client that missed the closed connection would end at its 5 s timeout: a 504, not this 502.
      const error = await pending;
      expect(error).toMatchObject({ statusCode: 502, instance: 'edge' });
      expect(error.message).toMatch(
        /^Argo CD "edge" (closed the connection|could not be reached) during GET \/applications/,
      );

      const refused = await c.listApplications().catch(e => e);
      expect(refused).toMatchObject({ statusCode: 502 });
      expect(refused.message).toMatch(
        /^Argo CD "edge" refused the connection during GET \/applications \(ECONNREFUSED/,
      );
      await fs.rm(dir, { recursive: true, force: true });
    });
  });
});
