// The production bundle, as a platform team runs it: unpacked into a temporary folder with only its production
// dependencies, two replicas with NODE_ENV=production and app-config.production.yaml on one PostgreSQL, the
// Argo CD sandbox in place of Argo CD. Associate, deploy and rollback go through both replicas alternately
// (a task queued on one is watched on the other), and no error answer carries a stack or a file path.
//
//   export "$(bash scripts/test-postgres.sh start)"; yarn workspace backend build
//   node --test e2e/production-bundle.test.mjs
// Ports: APP_CENTER_BUNDLE_PORT (default 7040) and the three above it (second replica, sandbox, its git).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { startReplica, testPostgres, unpackBundle } from './support/bundle.mjs';
import { apiClient, ERROR_LEAKS, waitFinal } from './support/reliability.mjs';
import { startSandbox } from './support/sandbox.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const basePort = Number(process.env.APP_CENTER_BUNDLE_PORT ?? 7040);
const token = randomBytes(16).toString('hex');

test(
  'two production replicas share the work: associate, deploy and rollback alternately',
  { timeout: 600_000 },
  async t => {
    const started = Date.now();
    const bundleSize =
      statSync(path.join(root, 'packages/backend/dist/bundle.tar.gz')).size +
      statSync(path.join(root, 'packages/backend/dist/skeleton.tar.gz')).size;
    const [bundle, sandbox] = await Promise.all([
      unpackBundle(),
      startSandbox({ port: basePort + 2, gitPort: basePort + 3, token }),
    ]);
    t.diagnostic(
      `bundle ${(bundleSize / 1e6).toFixed(
        1,
      )} MB, production dependencies installed in ${bundle.installSeconds.toFixed(
        1,
      )} s`,
    );
    const replicas = [];
    // When the test itself failed, its error is the report: a replica that then also stops badly is a
    // diagnostic, not an assertion that would replace that error (a failed start-up read as "did not stop").
    let passed = false;
    try {
      // The site's overlay: the example tenants (pointing at this sandbox) and a database prefix of this run's
      // own. The Argo CD instance and git credentials come from the environment, as in production.
      const tenants = YAML.parse(sandbox.appCenterConfig()).appCenter.tenants;
      const site = {
        backend: {
          database: {
            prefix: `app_center_bundle_${randomBytes(4).toString('hex')}_`,
          },
        },
        appCenter: { tenants },
      };
      // Sign-in: app-config.production.yaml enables no sign-in provider, and App Center's routes take user
      // tokens only (a static external-access token is a service principal, which they refuse). So replica A
      // alone gets a test-only overlay with the guest provider, explicitly allowed outside development; replica
      // B runs the production config as shipped. B must refuse guest sign-in yet accept A's tokens: the
      // signing keys live in the shared database, as they do between real replicas.
      const guestOverlay = {
        auth: {
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
      };
      const env = name => ({
        ...testPostgres(),
        ARGOCD_INSTANCE_NAME: 'sandbox',
        ARGOCD_URL: `http://127.0.0.1:${basePort + 2}`,
        ARGOCD_TOKEN: token,
        GIT_HOST: `127.0.0.1:${basePort + 3}`,
        GIT_TOKEN: token,
        APP_CENTER_PORTAL_ADMINS: 'user:development/guest',
        APP_CENTER_GIT_WORKDIR: path.join(bundle.dir, `clones-${name}`),
      });
      // Both start at once on an empty database, as a fresh two-replica Deployment does. Backstage's own
      // plugins may then race for a migration lock; the replica that loses exits (packages/backend/src/index.ts)
      // and, as Kubernetes would, is started again.
      const bringUp = async spec => {
        for (let attempt = 1; ; attempt++) {
          const replica = await startReplica({ dir: bundle.dir, ...spec });
          replicas.push(replica);
          try {
            await replica.ready();
            return replica;
          } catch (error) {
            if (!error.exited || attempt === 4) throw error;
            replicas.splice(replicas.indexOf(replica), 1);
            t.diagnostic(
              `replica ${spec.name} exited during start-up; started again`,
            );
            // Kubernetes backs off before a restart; the jitter also keeps two replicas that lost together
            // from racing again in step.
            await new Promise(resolve =>
              setTimeout(resolve, 1000 * attempt + Math.random() * 1000),
            );
          }
        }
      };
      const startAll = Date.now();
      const [a, b] = await Promise.all([
        bringUp({
          name: 'a',
          port: basePort,
          env: env('a'),
          overlay: YAML.stringify({ ...site, ...guestOverlay }),
        }),
        bringUp({
          name: 'b',
          port: basePort + 1,
          env: env('b'),
          overlay: YAML.stringify(site),
        }),
      ]);
      t.diagnostic(
        `both replicas ready ${((Date.now() - startAll) / 1000).toFixed(
          1,
        )} s after start`,
      );

      // Every answer is screened: no secret in any body, no stack or path in an error body.
      const screen = { secrets: [token], leaks: [], answers: 0 };
      const app = '/projects/shop/environments/test/apps/web';

      // Guest sign-in works on A (the test overlay) and is refused on B (the production config as shipped).
      const refresh = await fetch(`${a.baseUrl}/api/auth/guest/refresh`, {
        method: 'POST',
      });
      assert.equal(refresh.status, 200, await refresh.clone().text());
      const user = (await refresh.json()).backstageIdentity.token;
      const refused = await fetch(`${b.baseUrl}/api/auth/guest/refresh`, {
        method: 'POST',
      });
      assert.ok(
        refused.status >= 400 && refused.status < 500,
        `guest sign-in must be off in production: ${refused.status}`,
      );
      const refusal = await refused.text();
      for (const leak of ERROR_LEAKS) assert.doesNotMatch(refusal, leak);
      const A = apiClient(a.baseUrl, user, screen);
      const B = apiClient(b.baseUrl, user, screen);

      // Ready means ready: migrations ran and the configured tenants are loaded on both.
      for (const [replica, call] of [
        [a, A],
        [b, B],
      ]) {
        const live = await fetch(
          `${replica.baseUrl}/.backstage/health/v1/liveness`,
        );
        assert.equal(live.status, 200);
        const tenants = await call('GET', '/tenants');
        assert.equal(tenants.status, 200);
        assert.ok(tenants.body.items.some(x => x.name === 'shop-team'));
      }
      /** Waits for a task through the given replica (not the one that queued it). */
      const settle = async (call, task) =>
        (await waitFinal(call, [task.id], 180_000)).get(task.id);

      t.diagnostic('associate web to test through A; B sees it');
      const associated = await A(
        'POST',
        '/projects/shop/environments/test/apps',
        { app: 'web' },
      );
      assert.equal(associated.status, 201, associated.text);
      const seen = await B('GET', app);
      assert.equal(seen.status, 200);
      const [image] = seen.body.images.manifest.map(i =>
        i.replace(/:[^:/]+$/, ''),
      );
      assert.ok(image, seen.text);

      const deploy = (call, tag) =>
        call('POST', '/projects/shop/environments/test/deployments', {
          apps: [{ app: 'web', images: [{ image, tag }] }],
        });
      t.diagnostic('deploy 1.1.0 through B, watched through A');
      const first = await deploy(B, '1.1.0');
      assert.equal(first.status, 202, first.text);
      assert.equal((await settle(A, first.body)).status, 'succeeded');
      t.diagnostic('deploy 1.2.0 through A, watched through B');
      const second = await deploy(A, '1.2.0');
      assert.equal(second.status, 202, second.text);
      assert.equal((await settle(B, second.body)).status, 'succeeded');

      t.diagnostic('roll back to 1.1.0 through A, watched through B');
      const history = await B('GET', `${app}/history`);
      assert.equal(history.status, 200);
      const target = history.body.items.find(
        h =>
          h.images.includes(`${image}:1.1.0`) &&
          !h.images.includes(`${image}:1.2.0`),
      );
      assert.ok(target, history.text);
      const rollback = await A('POST', `${app}/rollback`, {
        revision: target.revision,
      });
      assert.equal(rollback.status, 202, rollback.text);
      const rolledBack = await settle(B, rollback.body);
      assert.equal(rolledBack.status, 'succeeded', JSON.stringify(rolledBack));
      const after = await A('GET', app);
      assert.deepEqual(after.body.images.running, [`${image}:1.1.0`]);

      t.diagnostic('error answers from both replicas');
      const expected = [
        [await B('GET', '/tenants', undefined, { anonymous: true }), 401],
        [await A('POST', `${app}/rollback`, undefined, { raw: '{"rev' }), 400],
        [await B('GET', '/projects/no-such-project'), 404],
        [await deploy(A, 'not a tag!'), 400],
        [await B('POST', `${app}/rollback`, { revision: 'f'.repeat(40) }), 400],
      ];
      for (const [res, status] of expected) {
        assert.equal(res.status, status, res.text);
      }
      assert.deepEqual(screen.leaks, []);
      for (const replica of replicas) {
        const rss = readFileSync(`/proc/${replica.pid}/status`, 'utf8').match(
          /VmRSS:\s+(\d+)/,
        )?.[1];
        if (rss)
          t.diagnostic(
            `replica ${replica.name} RSS ${Math.round(rss / 1024)} MB`,
          );
      }
      passed = true;
    } finally {
      const stopping = Date.now();
      const stopped = await Promise.all(replicas.map(r => r.stop()));
      t.diagnostic(
        `replicas stopped ${((Date.now() - stopping) / 1000).toFixed(
          1,
        )} s after SIGTERM`,
      );
      await sandbox.stop();
      bundle.remove();
      for (const [i, result] of stopped.entries()) {
        if (!passed) {
          t.diagnostic(
            `replica ${replicas[i].name} stopped with ${JSON.stringify(
              result,
            )}:\n${replicas[i].output().slice(-3000)}`,
          );
          continue;
        }
        assert.deepEqual(
          result,
          { code: 0, signal: null },
          `replica ${replicas[i].name} did not stop cleanly:\n${replicas[i]
            .output()
            .slice(-3000)}`,
        );
      }
      t.diagnostic(
        `whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  },
);
