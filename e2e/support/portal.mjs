// One portal for a browser test: the Argo CD sandbox, the backend serving the built app against it, and
// headless Chromium with page errors collected, so each browser test starts and stops them the same way.
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowserPage } from './browser.mjs';
import { startBackend } from './backend.mjs';
import { startSandbox } from './sandbox.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Failure screenshots and other leftovers of a run (ignored by git). */
export const artifactsDir = join(repoRoot, 'e2e', '.artifacts');

/** Where a screenshot goes: docs/images/ with APP_CENTER_UPDATE_SCREENSHOTS, else e2e/.artifacts/. */
export function screenshotFile(name) {
  return process.env.APP_CENTER_UPDATE_SCREENSHOTS
    ? join(repoRoot, 'docs', 'images', name)
    : join(artifactsDir, name);
}

export async function startPortal({ sandboxPort, backendPort, viewport }) {
  const token = randomBytes(16).toString('hex');
  const portal = { problems: [], token };
  portal.stop = async () => {
    await portal.browser?.close();
    await portal.backend?.stop();
    await portal.sandbox?.stop();
  };
  portal.sandbox = await startSandbox({
    port: sandboxPort,
    gitPort: sandboxPort + 1,
    token,
  });
  process.env.APP_CENTER_SANDBOX_TOKEN = token;
  portal.backend = await startBackend({
    port: backendPort,
    serveApp: true,
    extraConfig: portal.sandbox.appCenterConfig(),
  });
  ({ browser: portal.browser, page: portal.page } = await openBrowserPage(
    viewport,
  ));
  portal.page.on('pageerror', error =>
    portal.problems.push(`page error: ${error.message}`),
  );
  return portal;
}
