import { mockServices } from '@backstage/backend-test-utils';
import { startArgoCDSandbox } from '@internal/argocd-sandbox';
import type { ArgoCDSandbox } from '@internal/argocd-sandbox';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRegistryTagsConfig } from './config';
import { RegistryService } from './RegistryService';

/*
 * `make start` lists tags from the registry API the Argo CD sandbox serves (no registry to install): App
 * Center's registry client must read its tags, digests and creation times as it reads a real registry's.
 */
describe('tag listing from the sandbox registry', () => {
  let sandbox: ArgoCDSandbox;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-registry-'));
    sandbox = await startArgoCDSandbox({
      dataDir: dir,
      gitRoot: path.join(dir, 'git'),
      reconcileIntervalMs: 0,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the example tags newest first, with digests and creation times, the -bad tag included', async () => {
    const registry = new RegistryService({
      config: {
        registries: [{ host: sandbox.registryHost, insecure: true }],
        tags: defaultRegistryTagsConfig,
      },
      providers: [],
      logger: mockServices.logger.mock(),
    });
    const page = await registry.listTags(
      `${sandbox.registryHost}/shop/web:1.0.0`,
      { limit: 50 },
    );
    expect(page.source).toBe('oci');
    expect(page.items.map(t => t.tag)).toEqual([
      '1.3.0-bad',
      '1.2.1-crash',
      '1.2.0',
      '1.1.0',
      '1.0.0',
    ]);
    for (const item of page.items) {
      expect(item.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(Date.parse(item.createdAt!)).toBeGreaterThan(0);
    }
  });
});
