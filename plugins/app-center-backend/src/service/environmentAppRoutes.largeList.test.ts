import { promises as fs } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { as } from '../__testUtils__/apiUnderTest';
import {
  LIST,
  startEnvironmentAppsSandbox,
} from '../__testUtils__/environmentAppsUnderTest';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const { databases, ids } = appCenterTestDatabases();

/**
 * Setup only: creates through the sandbox's API, asking again when a reused keep-alive connection was
 * reset under it (a race between the client's pool and the server closing idle sockets on a busy machine).
 */
async function fetchRetryingReset(url: string, init: RequestInit) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = ((error as Error).cause as { code?: string } | undefined)
        ?.code;
      if (attempt >= 3 || code !== 'ECONNRESET') throw error;
    }
  }
}

describe('listing a large environment', () => {
  it('makes exactly one Argo CD list call for 1,000 apps', async () => {
    const sandbox = await startEnvironmentAppsSandbox();
    const { stack } = sandbox;
    const knex = await databases.init(ids[ids.length - 1]);
    const started = await startAppCenterBackend({
      knex,
      config: sandbox.config,
    });
    try {
      const N = 1000;
      const setupStarted = Date.now();
      const names = Array.from(
        { length: N },
        (_, i) => `svc-${String(i).padStart(4, '0')}`,
      );
      // 1,000 folders in git (one commit) ...
      await sandbox.commitBehind(async dir => {
        for (const name of names) {
          const folder = path.join(dir, 'shop/envs/load', name);
          await fs.mkdir(folder, { recursive: true });
          await fs.writeFile(
            path.join(folder, 'deployment.yaml'),
            `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/shop/${name}:1.0.0\n`,
          );
        }
      }, 'add 1000 apps');
      const gitDone = Date.now();
      // ... and their 1,000 Applications, created through the sandbox's API
      const headers = {
        Authorization: `Bearer ${stack.argocd.token}`,
        'Content-Type': 'application/json',
      };
      for (let i = 0; i < N; i += 50) {
        await Promise.all(
          names.slice(i, i + 50).map(async name => {
            const res = await fetchRetryingReset(
              `${stack.argocd.url}/api/v1/applications?validate=false`,
              {
                method: 'POST',
                headers,
                body: JSON.stringify({
                  metadata: {
                    name: `shop.load.${name}`,
                    labels: {
                      'app-center.io/project': 'shop',
                      'app-center.io/environment': 'load',
                      'app-center.io/app': name,
                      'app-center.io/tenant': 'shop-team',
                      'app-center.io/managed-by': 'app-center',
                    },
                  },
                  spec: {
                    project: 'default',
                    source: {
                      repoURL: stack.exampleRepoUrl,
                      path: `shop/envs/load/${name}`,
                      targetRevision: 'main',
                    },
                    destination: { name: 'in-cluster', namespace: 'shop-load' },
                  },
                }),
              },
            );
            if (res.status !== 200)
              throw new Error(
                `create ${name}: ${res.status} ${await res.text()}`,
              );
          }),
        );
      }
      // eslint-disable-next-line no-console
      console.log(
        `setup: git ${gitDone - setupStarted} ms, Applications ${
          Date.now() - gitDone
        } ms`,
      );
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        stack.argocd.hooks.resetCounts();
        const t0 = process.hrtime.bigint();
        const res = await request(started.server)
          .get('/api/app-center/projects/shop/environments/load/apps')
          .set(as(people.alice));
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        expect(res.status).toBe(200);
        expect(res.body.platformApps).toHaveLength(N);
        expect(
          res.body.platformApps.every(
            (a: any) =>
              a.state === 'associated' && a.images.manifest.length === 1,
          ),
        ).toBe(true);
        expect(stack.argocd.hooks.count(LIST)).toBe(1);
        expect(stack.argocd.hooks.requests().length).toBe(1);
      }
      // A figure for the report, not an assertion: first (cold: every folder parsed) and warm requests.
      // eslint-disable-next-line no-console
      console.log(
        `listing ${N} apps in one environment: ${times
          .map(t => `${Math.round(t)} ms`)
          .join(', ')} (first cold, then warm); 1 Argo CD list call each`,
      );
    } finally {
      await started.backend.stop();
      await sandbox.cleanup();
    }
  });
});
