// Debian's Chromium, driven by playwright-core: never a browser of the test tool's own. The flags keep it
// off the network this machine does not have (background updates, sync, component downloads).
import { chromium } from 'playwright-core';

/** Launches headless Chromium and opens one page with the given viewport; returns both. */
export async function openBrowserPage({ width = 1440, height = 900 } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(30_000);
  return { browser, page: await context.newPage() };
}
