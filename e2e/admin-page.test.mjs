// Browser test of the App Center admin page: signs in as guest, creates an environment in the example
// project, sees it listed, deletes it again, and saves a screenshot for the README.
//
// Run it after `yarn workspace app build`: it starts the backend serving the built app on :7117 itself,
// or uses the portal at APP_CENTER_E2E_URL when set:
//   node --test e2e/admin-page.test.mjs        (or all browser/e2e tests: node --test 'e2e/**/*.test.mjs';
//                                               Node 24 does not accept a bare directory here)
// Environment:
//   APP_CENTER_E2E_URL   a running portal's URL (default: start one)
//   CHROMIUM_PATH        the system Chromium (default /usr/bin/chromium, Debian's `chromium` package);
//                        no browser is ever downloaded
//   APP_CENTER_E2E_PROJECT / APP_CENTER_E2E_ENV  project to use and environment to create (default shop / qa)
//   APP_CENTER_E2E_SANDBOX_PORT  the Argo CD sandbox's port when the test starts its own backend (default
//                        7520; its git server takes the next one): creating an environment asks Argo CD
//                        whether the project's AppProject allows its destination
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowserPage } from './support/browser.mjs';
import { startBackend } from './support/backend.mjs';
import { startSandbox } from './support/sandbox.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Without APP_CENTER_E2E_URL the test starts its own backend serving the built app (make test does so).
let portalUrl = process.env.APP_CENTER_E2E_URL?.replace(/\/$/, '');
let ownBackend;
let ownSandbox;
const project = process.env.APP_CENTER_E2E_PROJECT || 'shop';
const envName = process.env.APP_CENTER_E2E_ENV || 'qa';
// The README's screenshot is refreshed only on request (APP_CENTER_UPDATE_SCREENSHOTS=1), so that running
// the tests does not change tracked files; otherwise it goes with the other artefacts.
const screenshotPath = process.env.APP_CENTER_UPDATE_SCREENSHOTS
  ? join(repoRoot, 'docs', 'images', 'admin-page.png')
  : join(repoRoot, 'e2e', '.artifacts', 'admin-page.png');
const artifactsDir = join(repoRoot, 'e2e', '.artifacts');

/** Waits until the portal answers, so the test can start right after the backend. */
async function waitForPortal(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${portalUrl}/.backstage/health/v1/readiness`);
      if (res.ok) {
        const index = await fetch(`${portalUrl}/`);
        if (index.ok && (await index.text()).includes('<div id="root">'))
          return;
        last = `GET / answered ${index.status} without the app (was the app built?)`;
      } else {
        last = `the readiness check answered ${res.status}`;
      }
    } catch (e) {
      last = String(e);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `The portal at ${portalUrl} did not come up within ${
      timeoutMs / 1000
    }s: ${last}`,
  );
}

let browser;
let page;
const problems = [];

before(async () => {
  if (!portalUrl) {
    const sandboxPort = Number(process.env.APP_CENTER_E2E_SANDBOX_PORT ?? 7520);
    const token = randomBytes(16).toString('hex');
    ownSandbox = await startSandbox({
      port: sandboxPort,
      gitPort: sandboxPort + 1,
      token,
    });
    process.env.APP_CENTER_SANDBOX_TOKEN = token;
    ownBackend = await startBackend({
      port: Number(process.env.APP_CENTER_E2E_PORT ?? 7117),
      serveApp: true,
      extraConfig: ownSandbox.appCenterConfig(),
    });
    portalUrl = ownBackend.baseUrl;
  }
  await waitForPortal();
  ({ browser, page } = await openBrowserPage({ width: 1440, height: 960 }));
  // The guest provider falls back to a confirm() when the auth backend refuses guests; say no, so
  // the test fails on the real cause instead of using a token the backend does not accept.
  page.on('dialog', dialog => {
    problems.push(`unexpected browser dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
  const stopped = await ownBackend?.stop();
  if (stopped && stopped.code !== 0) {
    console.error(
      `the backend did not stop cleanly: ${JSON.stringify(stopped)}`,
    );
  }
  await ownSandbox?.stop();
});

async function failureScreenshot(name) {
  if (!page) return;
  await mkdir(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.error(`screenshot of the failure: ${file}`);
}

/** The table row that shows environment `name` (its name cell reads exactly the name). */
function envRow(name) {
  return page.locator('tr', {
    has: page.locator('td p', { hasText: new RegExp(`^${name}$`) }),
  });
}

/** One named step of the scenario; a failing step stops the scenario (and is named in the error). */
async function step(t, name, fn) {
  t.diagnostic(`step: ${name}`);
  try {
    await fn();
  } catch (e) {
    e.message = `step "${name}" failed: ${e.message}`;
    throw e;
  }
}

async function deleteEnvironment(name) {
  await page
    .getByRole('button', { name: `Delete environment ${name}` })
    .click();
  const confirm = page.getByRole('dialog', {
    name: `Delete environment ${project}/${name}?`,
  });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await confirm.waitFor({ state: 'detached' });
  await envRow(name).waitFor({ state: 'detached' });
}

test(
  'a portal admin creates and deletes an environment on the admin page',
  { timeout: 240_000 },
  async t => {
    try {
      await page.goto(`${portalUrl}/app-center/admin`);

      await step(t, 'signs in as guest', async () => {
        await page.getByText('Sign in to App Center').waitFor();
        await page.getByRole('button', { name: 'Enter' }).click();
        await page
          .getByRole('tab', { name: /^Tenants \(\d+\)$/ })
          .waitFor({ timeout: 60_000 });
        assert.deepEqual(problems, []);
      });

      await step(
        t,
        'shows the tenants from app-config, read-only',
        async () => {
          const row = page.locator('tr', {
            has: page.getByText('shop-team', { exact: true }),
          });
          await row.waitFor();
          await row.getByText('from app-config').waitFor();
          assert.equal(
            await row.getByRole('button', { name: /Delete tenant/ }).count(),
            0,
          );
        },
      );

      await step(t, `lists the environments of ${project}`, async () => {
        await page.getByRole('tab', { name: 'Environments' }).click();
        const projectSelect = page.locator('#environments-project');
        await projectSelect.waitFor();
        if (
          !(await projectSelect.innerText()).includes(`(${project})`) &&
          (await projectSelect.innerText()).trim() !== project
        ) {
          await projectSelect.click();
          await page
            .getByRole('option', {
              name: new RegExp(`\\(${project}\\)$|^${project}$`),
            })
            .click();
        }
        await envRow('dev').waitFor();
        await envRow('prod').getByText('from app-config').waitFor();
        // A run that died half-way may have left the environment behind.
        if (await envRow(envName).count()) await deleteEnvironment(envName);
      });

      await step(t, `creates environment ${envName}`, async () => {
        await page.getByRole('button', { name: 'Create environment' }).click();
        const dialog = page.getByRole('dialog', {
          name: `Create environment in ${project}`,
        });
        await dialog.getByLabel(/^Name\b/).fill(envName);
        await dialog.getByLabel(/^Title/).fill('QA');
        await dialog.locator('#environment-kind').click();
        await page.getByRole('option', { name: /^test:/ }).click();
        assert.equal(
          await dialog.getByLabel(/^Namespace/).inputValue(),
          `${project}-${envName}`,
        );
        await dialog.getByRole('button', { name: 'Create' }).click();
        await dialog.waitFor({ state: 'detached' });

        const row = envRow(envName);
        await row.waitFor();
        await row.getByText(`namespace ${project}-${envName}`).waitFor();
        await row.getByText('portal', { exact: true }).waitFor();
        await row
          .getByRole('button', { name: `Delete environment ${envName}` })
          .waitFor();
      });

      await step(t, 'saves a screenshot of the admin page', async () => {
        // Let the "created" notice fade so the picture shows the page itself.
        await page
          .getByText(`Environment ${project}/${envName} created`)
          .waitFor({ state: 'hidden', timeout: 15_000 })
          .catch(() => {});
        await mkdir(dirname(screenshotPath), { recursive: true });
        await page.screenshot({ path: screenshotPath });
      });

      await step(t, `deletes environment ${envName}`, async () => {
        await deleteEnvironment(envName);
        // The list was reloaded from the backend: the example environments are still there.
        await envRow('dev').waitFor();
        assert.equal(await envRow(envName).count(), 0);
      });

      assert.deepEqual(
        problems.filter(p => !p.startsWith('page error: ResizeObserver')),
        [],
      );
    } catch (e) {
      await failureScreenshot('admin-page-failure');
      throw e;
    }
  },
);
