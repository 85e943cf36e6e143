// Browser test of the Image security tab: the portal (backend serving the built app) against the Argo CD
// sandbox, whose Kubernetes API stand-in serves trivy-operator's VulnerabilityReports. Signs in as guest,
// associates web to test, opens it there, and reads each running image's counts, top findings and the link to the report.
//
//   node --test e2e/image-security.test.mjs     (after `yarn workspace app build`)
// APP_CENTER_UPDATE_SCREENSHOTS=1 refreshes docs/images/image-security-tab.png; otherwise the screenshot goes
// to e2e/.artifacts/. Chromium comes from Debian (/usr/bin/chromium); no browser is downloaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  artifactsDir,
  screenshotFile,
  startPortal,
} from './support/portal.mjs';

const screenshotPath = screenshotFile('image-security-tab.png');
const artifacts = artifactsDir;

let portal;
let backend;
let page;
let problems;

before(async () => {
  portal = await startPortal({
    sandboxPort: 7850,
    backendPort: 7852,
    viewport: { width: 1440, height: 1000 },
  });
  ({ backend, page, problems } = portal);
});

after(async () => {
  await portal?.stop();
});

test(
  'a developer reads the findings of the images web runs in test',
  { timeout: 180_000 },
  async t => {
    try {
      t.diagnostic(
        'sign in as guest and associate web to test and deploy 1.1.0 there',
      );
      await page.goto(
        `${backend.baseUrl}/catalog/default/component/shop-web/app-center-deployments`,
      );
      await page.getByRole('button', { name: /enter/i }).click();
      const testRow = page.locator('tr', {
        has: page.getByRole('link', { name: 'Test', exact: true }),
      });
      await testRow.getByRole('button', { name: 'Associate' }).click();
      const associate = page.getByRole('dialog');
      await associate.getByRole('button', { name: 'Associate' }).click();
      await associate
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(() => associate.getByRole('button', { name: /close/i }).click());
      await testRow
        .getByRole('button', { name: 'Deploy' })
        .waitFor({ timeout: 60_000 });

      t.diagnostic('deploy 1.1.0 of web to test');
      await testRow.getByRole('button', { name: 'Deploy' }).click();
      const deploy = page.getByRole('dialog');
      await deploy
        .getByLabel(/New tag for/)
        .first()
        .fill('1.1.0');
      await deploy.getByRole('button', { name: 'Deploy' }).click();
      const progress = page.getByRole('dialog', { name: /Deploying to/ });
      await progress
        .getByText(/succeeded/i)
        .first()
        .waitFor({ timeout: 120_000 });

      t.diagnostic('open web in test, tab Image security');
      await page.goto(
        `${backend.baseUrl}/app-center/projects/shop/environments/test/apps/web`,
      );
      await page.getByRole('tab', { name: 'Image security' }).click();

      t.diagnostic(
        'the running image with its counts and the link to its report',
      );
      const report = page.getByRole('link', {
        name: 'Report in trivy-operator',
      });
      await report.first().waitFor({ timeout: 60_000 });
      assert.match(
        await report.first().getAttribute('href'),
        /\/apis\/aquasecurity\.github\.io\/v1alpha1\/namespaces\/shop-test\/vulnerabilityreports\//,
      );
      await page.getByText('critical 0').first().waitFor();
      // 1.1.0 has fixed the sandbox's high openssl finding; the zlib one (fixable) is the top one left
      await page.getByText('high 0').first().waitFor();
      await page.getByText('medium 1').first().waitFor();
      await page.getByText('1 fixable').first().waitFor();
      await page.getByText('CVE-2026-0202').first().waitFor();
      await mkdir(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });
      assert.deepEqual(problems, []);
    } catch (error) {
      await mkdir(artifacts, { recursive: true });
      await page
        ?.screenshot({
          path: join(artifacts, 'image-security-failure.png'),
          fullPage: true,
        })
        .catch(() => {});
      throw error;
    }
  },
);
