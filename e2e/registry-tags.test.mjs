// `make start` gives a working tag list without installing a registry: the portal's config (app-config.yaml)
// lists the tags of the example images from the registry API the Argo CD sandbox serves, through the
// backend's API, newest first with creation times, and the `-bad` tag that never becomes ready is there.
//
//   node --test e2e/registry-tags.test.mjs
// Ports: APP_CENTER_REGISTRY_E2E_PORT (default 7050) and the next two.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { guestToken, startBackend } from './support/backend.mjs';
import { startSandbox } from './support/sandbox.mjs';

const basePort = Number(process.env.APP_CENTER_REGISTRY_E2E_PORT ?? 7050);
const token = randomBytes(16).toString('hex');

let sandbox;
let backend;

before(async () => {
  sandbox = await startSandbox({
    port: basePort + 1,
    gitPort: basePort + 2,
    token,
  });
  process.env.APP_CENTER_SANDBOX_TOKEN = token;
  backend = await startBackend({
    port: basePort,
    extraConfig: sandbox.appCenterConfig(),
  });
});

after(async () => {
  await backend?.stop();
  await sandbox?.stop();
});

test('the deploy dialog’s tag list works on make start’s config', async () => {
  const user = await guestToken(backend.baseUrl);
  const tags = async image => {
    const res = await fetch(
      `${backend.baseUrl}/api/app-center/images/tags?image=${encodeURIComponent(
        image,
      )}`,
      { headers: { Authorization: `Bearer ${user}` } },
    );
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  };
  const registry = `127.0.0.1:${basePort + 1}`;
  const web = await tags(`${registry}/shop/web:1.0.0`);
  assert.deepEqual(
    web.items.map(t => t.tag),
    ['1.3.0-bad', '1.2.1-crash', '1.2.0', '1.1.0', '1.0.0'],
  );
  for (const item of web.items) {
    assert.match(item.digest, /^sha256:[a-f0-9]{64}$/);
    assert.ok(
      Date.parse(item.createdAt) > 0,
      `${item.tag} has a creation time`,
    );
  }
  const api = await tags(`${registry}/shop/api:1.0.0`);
  assert.ok(api.items.some(t => t.tag.endsWith('-bad')));
});
