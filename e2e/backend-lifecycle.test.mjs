// The real backend on Node 24 with better-sqlite3: starts, serves App Center under load for a while, and stops
// cleanly on SIGINT. This guards against the release-line mismatches and native-module crashes seen on this
// kind of machine (a backend that dies at start, or with a native assertion in better-sqlite3 on shutdown).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { guestToken, startBackend } from './support/backend.mjs';
import { startSandbox } from './support/sandbox.mjs';

const LOAD_SECONDS = Number(process.env.APP_CENTER_LOAD_SECONDS ?? 20);
const CONCURRENCY = 16;

test(
  'the backend starts, stays up under load and stops cleanly',
  { timeout: 240_000 },
  async () => {
    // Creating an environment asks Argo CD whether the project's AppProject allows its destination, so the
    // backend gets an Argo CD (the sandbox) as it would in production.
    const sandboxPort = Number(
      process.env.APP_CENTER_LOAD_SANDBOX_PORT ?? 7530,
    );
    const token = randomBytes(16).toString('hex');
    const sandbox = await startSandbox({
      port: sandboxPort,
      gitPort: sandboxPort + 1,
      token,
    });
    process.env.APP_CENTER_SANDBOX_TOKEN = token;
    const backend = await startBackend({
      port: Number(process.env.APP_CENTER_LOAD_PORT ?? 7017),
      extraConfig: sandbox.appCenterConfig(),
    }).catch(async error => {
      await sandbox.stop();
      throw error;
    });
    let stopped;
    try {
      const token = await guestToken(backend.baseUrl);
      const headers = {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      };
      const api = `${backend.baseUrl}/api/app-center`;

      // Anonymous callers are turned away.
      assert.equal((await fetch(`${api}/tenants`)).status, 401);

      const statuses = new Map();
      let requests = 0;
      const end = Date.now() + LOAD_SECONDS * 1000;
      const worker = async id => {
        let n = 0;
        while (Date.now() < end) {
          const env = `load-${id}-${n++}`;
          const steps = [
            () => fetch(`${api}/tenants`, { headers }),
            () => fetch(`${api}/projects/shop/environments`, { headers }),
            () =>
              fetch(`${api}/projects/shop/environments`, {
                method: 'POST',
                headers,
                body: JSON.stringify({
                  name: env,
                  kind: 'test',
                  destination: { name: 'in-cluster', namespace: env },
                }),
              }),
            () =>
              fetch(`${api}/projects/shop/environments/${env}`, {
                method: 'DELETE',
                headers,
              }),
            () =>
              fetch(
                `${backend.baseUrl}/api/catalog/entities?filter=kind=group`,
                { headers },
              ),
          ];
          for (const step of steps) {
            const res = await step();
            await res.arrayBuffer();
            requests++;
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }
        }
      };
      await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) => worker(i)),
      );

      const summary = Object.fromEntries(statuses);
      console.log(
        `# ${requests} requests in ${LOAD_SECONDS} s (${Math.round(
          requests / LOAD_SECONDS,
        )}/s), statuses ${JSON.stringify(summary)}`,
      );
      assert.ok(requests > 100, `only ${requests} requests were served`);
      for (const status of statuses.keys()) {
        assert.ok(
          [200, 201, 204].includes(status),
          `unexpected status ${status}: ${JSON.stringify(summary)}`,
        );
      }
      // Everything created under load was deleted again.
      const envs = await (
        await fetch(`${api}/projects/shop/environments`, { headers })
      ).json();
      assert.deepEqual(envs.items.map(e => e.name).sort(), [
        'dev',
        'prod',
        'test',
      ]);
    } finally {
      stopped = await backend.stop();
      await sandbox.stop();
    }
    const output = backend.output();
    assert.doesNotMatch(
      output,
      /Assertion|Segmentation fault|Statement::~Statement|FATAL ERROR/,
    );
    assert.deepEqual(
      stopped,
      { code: 0, signal: null },
      `backend did not exit cleanly:\n${output.slice(-3000)}`,
    );
  },
);
