// Browser test of delivery from a Component's page: the portal (backend serving the built app) against the
// Argo CD sandbox. Signs in as guest, opens shop-web's Deployments tab, associates the app to the test
// environment, deploys a new tag, watches the task succeed live, and sees the new image running.
//
//   node --test e2e/deploy.test.mjs     (after `yarn workspace app build`)
// APP_CENTER_UPDATE_SCREENSHOTS=1 refreshes docs/images/deployments-tab.png; otherwise screenshots go to
// e2e/.artifacts/. Chromium comes from Debian (/usr/bin/chromium); no browser is downloaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  artifactsDir,
  screenshotFile,
  startPortal,
} from './support/portal.mjs';

const screenshotPath = screenshotFile('deployments-tab.png');
const artifacts = artifactsDir;

let portal;
let backend;
let page;
let problems;
let token;

before(async () => {
  portal = await startPortal({
    sandboxPort: 7510,
    backendPort: 7118,
    viewport: { width: 1440, height: 900 },
  });
  ({ backend, page, problems, token } = portal);
});

after(async () => {
  await portal?.stop();
});

/** The Deployments table row of one environment (its first cell links to the environment by title). */
const envRow = title =>
  page.locator('tr', {
    has: page.getByRole('link', { name: title, exact: true }),
  });

test(
  'a developer associates and deploys shop-web from its catalog page',
  { timeout: 300_000 },
  async t => {
    try {
      t.diagnostic('open the Deployments tab and sign in as guest');
      // The guest session lives in the page: sign in on the page we want, as a person following a link would.
      await page.goto(
        `${backend.baseUrl}/catalog/default/component/shop-web/app-center-deployments`,
      );
      await page.getByRole('button', { name: /enter/i }).click();
      await page.getByText('shop/web across environments').waitFor();
      const testRow = envRow('Test');
      await testRow.waitFor();

      t.diagnostic('associate web to test');
      await testRow.getByRole('button', { name: 'Associate' }).click();
      const associate = page.getByRole('dialog');
      await associate.getByRole('button', { name: 'Associate' }).click();
      await associate
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(async () => {
          // the dialog may show the task's progress: close it once done
          await associate.getByRole('button', { name: /close/i }).click();
        });
      await testRow
        .getByRole('button', { name: 'Deploy' })
        .waitFor({ timeout: 60_000 });

      t.diagnostic('deploy a new tag of web to test');
      await testRow.getByRole('button', { name: 'Deploy' }).click();
      const deploy = page.getByRole('dialog');
      const tagInput = deploy.getByLabel(/New tag for/).first();
      await tagInput.fill('1.1.0');
      await deploy.getByRole('button', { name: 'Deploy' }).click();

      t.diagnostic('watch the task succeed');
      const progress = page.getByRole('dialog', { name: /Deploying to/ });
      await progress
        .getByText(/succeeded/i)
        .first()
        .waitFor({ timeout: 180_000 });
      await page.keyboard.press('Escape');
      await progress
        .waitFor({ state: 'detached' })
        .catch(() => progress.getByRole('button', { name: /close/i }).click());

      t.diagnostic('the new image runs in test');
      await testRow
        .getByText('web:1.1.0', { exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
      await testRow
        .getByText('Healthy', { exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
      await testRow
        .getByText('Synced', { exact: true })
        .first()
        .waitFor({ timeout: 60_000 });
      await mkdir(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath });
      assert.deepEqual(problems, []);
    } catch (error) {
      const app = await fetch(
        'http://127.0.0.1:7510/api/v1/applications/shop.test.web',
        { headers: { Authorization: `Bearer ${token}` } },
      )
        .then(r => r.json())
        .catch(e => String(e));
      await mkdir(artifacts, { recursive: true });
      await page
        ?.screenshot({
          path: join(artifacts, 'deploy-failure.png'),
          fullPage: true,
        })
        .catch(() => {});
      throw error;
    }
  },
);
