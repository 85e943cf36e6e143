import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
  waitFor,
} from '../deploy/__testUtils__/deploySandbox';

jest.setTimeout(240_000);

const { databases, ids } = appCenterTestDatabases();
const as = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});
const base = '/api/app-center/projects/shop/environments/dev';

/*
 * `.../image-security` against the sandbox: trivy-operator's VulnerabilityReports read with
 * @kubernetes/client-node through the sandbox's kubeconfig, as from a real cluster.
 */
describe.each(ids)('image security routes on %s', databaseId => {
  let sb: DeploySandbox;

  beforeAll(async () => {
    sb = await startDeploySandbox({ apps: ['web', 'api'] });
  });
  afterAll(async () => {
    await sb?.cleanup();
  });

  it('says how to configure a provider when none is, to readers only', async () => {
    const knex = await databases.init(databaseId);
    const { server, backend } = await startAppCenterBackend({
      knex,
      config: sb.config,
    });
    try {
      const res = await request(server)
        .get(`${base}/apps/web/image-security`)
        .set(as(people.alice));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        configured: false,
        providers: [],
        images: [],
      });
      expect(res.body.message).toContain(
        'appCenter.security.trivyOperator.clusters',
      );
      const outsider = await request(server)
        .get(`${base}/apps/web/image-security`)
        .set(as(people.carol));
      expect(outsider.status).toBe(403);
    } finally {
      await backend.stop();
    }
  });

  it('counts the findings of each running image from trivy-operator reports; the policy refuses critical ones', async () => {
    const knex = await databases.init(databaseId);
    const { server, backend } = await startAppCenterBackend({
      knex,
      config: {
        ...sb.config,
        appCenter: {
          ...(sb.config.appCenter as object),
          security: {
            policies: [{ environment: 'dev', refuse: 'critical' }],
            trivyOperator: {
              clusters: [
                { name: 'in-cluster', kubeconfig: sb.stack.kubeconfigPath },
              ],
            },
          },
        },
      },
    });
    const api = () => request(server);
    try {
      const deployed = await api()
        .post(`${base}/deployments`)
        .set(as(people.alice))
        .send({
          apps: [
            {
              app: 'web',
              images: [{ image: `${REGISTRY}/shop/web`, tag: '1.1.0' }],
            },
          ],
        });
      expect(deployed.status).toBe(202);
      await waitFor(async () => {
        const t = await api()
          .get(`/api/app-center/tasks/${deployed.body.id}`)
          .set(as(people.alice));
        return t.body.status === 'succeeded' ? t.body : undefined;
      }, 'the deploy');

      const res = await api()
        .get(`${base}/apps/web/image-security`)
        .set(as(people.alice));
      expect(res.status).toBe(200);
      expect(res.body.configured).toBe(true);
      expect(res.body.providers).toEqual(['trivy-operator']);
      expect(res.body.images).toHaveLength(1);
      const [web] = res.body.images;
      // 1.1.0 still has the zlib (fixable), glibc and tzdata findings of the sandbox's scans
      expect(web).toMatchObject({
        image: `${REGISTRY}/shop/web:1.1.0`,
        scanned: true,
        provider: 'trivy-operator',
        counts: { critical: 0, high: 0, medium: 1, low: 1, unknown: 1 },
        fixable: 1,
      });
      expect(web.topFindings[0]).toMatchObject({
        id: 'CVE-2026-0202',
        severity: 'medium',
        package: 'zlib',
        installedVersion: '1.2.13',
        fixedVersion: '1.3.1',
      });
      expect(web.topFindings.map((f: any) => f.severity)).toEqual([
        'medium',
        'low',
        'unknown',
      ]);
      expect(web.url).toMatch(
        /\/apis\/aquasecurity\.github\.io\/v1alpha1\/namespaces\/shop-dev\/vulnerabilityreports\/replicaset-web-/,
      );

      const outsider = await api()
        .get(`${base}/apps/web/image-security`)
        .set(as(people.mallory));
      expect(outsider.status).toBe(403);
      const missing = await api()
        .get(`${base}/apps/nope/image-security`)
        .set(as(people.alice));
      expect(missing.status).toBe(404);

      // The bad tag ran somewhere in the cluster (a CI namespace), so trivy-operator has a report of it.
      sb.stack.argocd.cluster.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'smoke-web', namespace: 'ci' },
        status: { phase: 'Pending', containerStatuses: [] },
        spec: {
          containers: [
            { name: 'web', image: `${REGISTRY}/shop/web:1.3.0-bad` },
          ],
        },
      } as any);
      const tasksBefore = (
        await api()
          .get('/api/app-center/tasks?project=shop')
          .set(as(people.alice))
      ).body.items.length;
      const refused = await api()
        .post(`${base}/deployments`)
        .set(as(people.alice))
        .send({
          apps: [
            {
              app: 'web',
              images: [{ image: `${REGISTRY}/shop/web`, tag: '1.3.0-bad' }],
            },
          ],
        });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        `environment dev refuses images with critical findings or worse (appCenter.security.policies): web: ${REGISTRY}/shop/web:1.3.0-bad has CVE-2026-9999 (critical, libcurl 7.88.1, fixed in 8.9.0)`,
      );
      const tasksAfter = (
        await api()
          .get('/api/app-center/tasks?project=shop')
          .set(as(people.alice))
      ).body.items.length;
      expect(tasksAfter).toBe(tasksBefore);
      // high findings are not refused by a critical policy: 1.0.0 (never scanned by then elsewhere) goes
      const accepted = await api()
        .post(`${base}/deployments`)
        .set(as(people.alice))
        .send({
          apps: [
            {
              app: 'web',
              images: [{ image: `${REGISTRY}/shop/web`, tag: '1.0.0' }],
            },
          ],
        });
      expect(accepted.status).toBe(202);
    } finally {
      await backend.stop();
    }
  });
});
