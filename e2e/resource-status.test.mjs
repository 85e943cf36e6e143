// Browser test of the Resource status tab (issue 9): the portal (backend serving the built app) against the
// Argo CD sandbox. web is associated to test and deployed through the API, then the environment app page
// shows its live tree; scaling to 3 replicas adds the pods without a reload (the tree stream); a pod's
// logs stream and its events list, the Deployment's diff says in sync, and deleting a pod runs as a task
// after which the ReplicaSet brings a new one. No request URL and no backend log line carries a token.
//
//   node --test e2e/resource-status.test.mjs     (after `yarn workspace app build`)
// Screenshots go to e2e/.artifacts/. Chromium comes from Debian (/usr/bin/chromium); no browser is downloaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { openBrowserPage } from './support/browser.mjs';
import { guestToken, startBackend } from './support/backend.mjs';
import { startSandbox } from './support/sandbox.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(repoRoot, 'e2e', '.artifacts');
const token = randomBytes(16).toString('hex');
const port = Number(process.env.APP_CENTER_E2E_RESOURCES_PORT ?? 7628);
const sandboxPort = Number(
  process.env.APP_CENTER_E2E_RESOURCES_SANDBOX_PORT ?? 7620,
);

let sandbox;
let backend;
let browser;
let page;
let api;
const problems = [];
const urls = [];

before(async () => {
  sandbox = await startSandbox({
    port: sandboxPort,
    gitPort: sandboxPort + 1,
    token,
    podReadyDelayMs: 200,
  });
  process.env.APP_CENTER_SANDBOX_TOKEN = token;
  backend = await startBackend({
    port,
    serveApp: true,
    extraConfig: sandbox.appCenterConfig(),
  });
  const guest = await guestToken(backend.baseUrl);
  api = async (method, path, body) => {
    const res = await fetch(`${backend.baseUrl}/api/app-center${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${guest}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => undefined);
    assert.ok(
      res.ok,
      `${method} ${path}: ${res.status} ${JSON.stringify(json)}`,
    );
    return json;
  };
  ({ browser, page } = await openBrowserPage({ width: 1440, height: 900 }));
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('request', request => urls.push(request.url()));
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  await sandbox?.stop();
});

/** Waits until a task is finished and answers it. */
async function finished(task) {
  for (;;) {
    const now = await api('GET', `/tasks/${task.id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(now.status)) return now;
    await new Promise(r => setTimeout(r, 250));
  }
}

const env = '/projects/shop/environments/test';

test(
  "a developer reads web's live resources, logs and events, and deletes a pod",
  { timeout: 300_000 },
  async t => {
    try {
      t.diagnostic('associate web to test and deploy 1.1.0 (API)');
      await api('POST', `${env}/apps`, { app: 'web' });
      const deployed = await finished(
        await api('POST', `${env}/deployments`, {
          apps: [
            {
              app: 'web',
              images: [
                {
                  image: (
                    await api('GET', `${env}/apps/web`)
                  ).images.manifest[0].replace(/:[^:/]+$/, ''),
                  tag: '1.1.0',
                },
              ],
            },
          ],
        }),
      );
      assert.equal(deployed.status, 'succeeded');

      t.diagnostic('open the Resource status tab');
      await page.goto(`${backend.baseUrl}/app-center${env}/apps/web`);
      await page.getByRole('button', { name: /enter/i }).click();
      await page.getByRole('tab', { name: 'Resource status' }).click();
      await page.getByRole('treeitem', { name: 'Deployment web' }).waitFor();
      await page
        .getByRole('treeitem', { name: /^ReplicaSet / })
        .first()
        .waitFor();

      t.diagnostic('scale to 3: the pods appear without a reload');
      const scaled = await finished(
        await api('POST', `${env}/apps/web/scale`, { replicas: 3 }),
      );
      assert.equal(scaled.status, 'succeeded');
      const pods = page.getByRole('treeitem', { name: /^Pod web-/ });
      for (let i = 0; (await pods.count()) !== 3; i++) {
        assert.ok(i < 240, `3 pods did not show: ${await pods.count()}`);
        await page.waitForTimeout(250);
      }
      await page.getByText('Healthy').first().waitFor();
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'resource-tree.png') });

      t.diagnostic("a pod's logs stream and its events list");
      const podName = (await pods.first().getAttribute('aria-label')).slice(4);
      await pods.first().click();
      const drawer = page.getByRole('dialog', { name: `Pod ${podName}` });
      await drawer.getByRole('tab', { name: 'Logs' }).click();
      await drawer.getByLabel('Log lines').getByText(/./).first().waitFor();
      await drawer.getByText(/\d+ of \d+ lines/).waitFor();
      await page.screenshot({ path: join(artifacts, 'resource-logs.png') });
      await drawer.getByRole('tab', { name: 'Events' }).click();
      await drawer
        .getByRole('cell', { name: 'Scheduled' })
        .or(drawer.getByRole('cell', { name: 'Started' }))
        .first()
        .waitFor();

      t.diagnostic(
        'delete the pod: a task, and the ReplicaSet brings a new one',
      );
      await drawer.getByRole('button', { name: 'Delete', exact: true }).click();
      await drawer
        .getByRole('button', { name: `Delete Pod/${podName}` })
        .click();
      const progress = page.getByRole('dialog', { name: /Delete Pod/ });
      await progress
        .getByText(/succeeded/i)
        .first()
        .waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(artifacts, 'resource-delete.png') });
      await progress.getByRole('button', { name: 'Close' }).click();
      await drawer.getByRole('button', { name: 'Close' }).click();
      const gone = page.getByRole('treeitem', { name: `Pod ${podName}` });
      await gone.waitFor({ state: 'detached', timeout: 60_000 });
      for (let i = 0; (await pods.count()) !== 3; i++) {
        assert.ok(i < 240, 'the deleted pod was not replaced');
        await page.waitForTimeout(250);
      }

      t.diagnostic("the Deployment's diff: in sync");
      await page.getByRole('treeitem', { name: 'Deployment web' }).click();
      const deployment = page.getByRole('dialog', { name: 'Deployment web' });
      await deployment.getByRole('tab', { name: 'Diff' }).click();
      await deployment.getByText('In sync').waitFor();
      await deployment.getByRole('tab', { name: 'Live' }).click();
      await deployment
        .getByLabel('Live manifest')
        .getByText(/replicas: 3/)
        .waitFor();
      await page.screenshot({ path: join(artifacts, 'resource-live.png') });

      t.diagnostic(
        'edit deployment.yaml in git without syncing: the header says why OutOfSync and opens the diff',
      );
      await deployment.getByRole('button', { name: 'Close' }).click();
      const files = await api('GET', `${env}/apps/web/files`);
      const file = files.files.find(f => f.path === 'deployment.yaml');
      await api('PUT', `${env}/apps/web/files`, {
        files: [
          {
            path: 'deployment.yaml',
            content: file.content.replace(/replicas: \d+/, 'replicas: 4'),
          },
        ],
        baseRevision: files.revision,
      });
      const why = page.getByText('Out of sync because these differ from git:');
      // Argo CD notices the commit at its next reconcile; a person reloads the page
      for (let i = 0; !(await why.isVisible()); i++) {
        assert.ok(i < 60, 'the page never said why the app is OutOfSync');
        await page.waitForTimeout(1000);
        await page.reload();
        await page.getByRole('tab', { name: 'Resource status' }).waitFor();
      }
      await page.getByRole('button', { name: 'Deployment/web' }).click();
      const outOfSync = page.getByRole('dialog', { name: 'Deployment web' });
      await outOfSync
        .getByLabel('Diff')
        .getByText(/\+\s+replicas: 4/)
        .waitFor();
      await page.screenshot({
        path: join(artifacts, 'resource-why-out-of-sync.png'),
      });

      t.diagnostic('the sync clears it');
      const synced = await finished(
        await api('POST', `${env}/apps/web/sync`, {}),
      );
      assert.equal(synced.status, 'succeeded');
      await page.reload();
      await page.getByRole('tab', { name: 'Resource status' }).waitFor();
      await page.getByText('Synced').first().waitFor();
      assert.equal(await why.isVisible(), false);

      t.diagnostic('no token in a URL or a log line');
      for (const url of urls) assert.ok(!url.includes(token), url);
      assert.ok(
        !backend.output().includes(token),
        'a token in the backend log',
      );
      assert.deepEqual(problems, []);
    } catch (error) {
      t.diagnostic(urls.filter(u => u.includes('/resource')).join('\n'));
      await mkdir(artifacts, { recursive: true });
      await page
        ?.screenshot({
          path: join(artifacts, 'resource-status-failure.png'),
          fullPage: true,
        })
        .catch(() => {});
      throw error;
    }
  },
);
