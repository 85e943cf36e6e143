import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { people, startAppCenterBackend } from '../__testUtils__/testBackend';
import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
  waitFor,
} from '../deploy/__testUtils__/deploySandbox';
import { RegistryHttp } from '../registry/registryHttp';
import { installTestMeterProvider } from './__testUtils__/testMeterProvider';

jest.setTimeout(120_000);

// What a Prometheus scrape would read after a deploy: the meter provider is registered first, as a host's
// OpenTelemetry SDK is (before the backend starts), and read on demand.
const meters = installTestMeterProvider();
const { databases } = appCenterTestDatabases();

describe('metrics after a deploy', () => {
  let sb: DeploySandbox;
  let stop: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startAppCenterBackend>>['server'];
  const alice = { Authorization: mockCredentials.user.header(people.alice) };

  beforeAll(async () => {
    sb = await startDeploySandbox({ apps: ['web'] });
    const started = await startAppCenterBackend({
      knex: await databases.init('SQLITE_3'),
      config: sb.config,
    });
    server = started.server;
    stop = () => started.backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await sb?.cleanup();
    await meters.uninstall();
  });

  it('shows the task by kind and outcome, the queue, and the Argo CD and git calls it made', async () => {
    const res = await request(server)
      .post('/api/app-center/projects/shop/environments/dev/deployments')
      .set(alice)
      .send({
        apps: [
          {
            app: 'web',
            images: [{ image: `${REGISTRY}/shop/web`, tag: '1.1.0' }],
          },
        ],
      });
    expect(res.status).toBe(202);
    const task = await waitFor(async () => {
      const t = await request(server)
        .get(`/api/app-center/tasks/${res.body.id}`)
        .set(alice);
      return ['succeeded', 'failed'].includes(t.body.status)
        ? t.body
        : undefined;
    }, 'the deploy');
    expect(task.status).toBe('succeeded');
    // The worker records the run's end right after saving it: wait for that rather than for time.
    const points = await waitFor(async () => {
      const p = await meters.collect();
      return p.get('app_center.tasks.duration')?.length ? p : undefined;
    }, 'the task duration');

    expect(
      points
        .get('app_center.tasks.duration')!
        .map(p => [p.attributes, p.value.count]),
    ).toEqual([[{ kind: 'deploy', outcome: 'succeeded' }, 1]]);
    expect(points.get('app_center.tasks.running')).toEqual([
      expect.objectContaining({ attributes: { kind: 'deploy' }, value: 0 }),
    ]);
    expect(points.get('app_center.tasks.queued')).toEqual([
      expect.objectContaining({ value: 0 }),
    ]);
    // A first run: no retry, no lease taken over.
    expect(points.get('app_center.tasks.retries') ?? []).toEqual([]);
    expect(points.get('app_center.tasks.lease_takeovers') ?? []).toEqual([]);

    const calls = points.get('app_center.upstream.duration')!;
    const argocd = calls.filter(p => p.attributes.upstream === 'argocd');
    const git = calls.filter(p => p.attributes.upstream === 'git');
    // The sync and the health watch went to the configured instance, the commit to the sandbox's git host.
    expect(argocd.map(p => p.attributes.target)).toContain('main');
    expect(
      argocd.find(p => p.attributes.outcome === 'ok')!.value.count,
    ).toBeGreaterThan(1);
    const gitHost = new URL(sb.stack.git.url).host;
    expect(git.map(p => p.attributes.target)).toContain(gitHost);
    expect(
      git.find(p => p.attributes.outcome === 'ok')!.value.count,
    ).toBeGreaterThanOrEqual(2);
  });

  it('counts registry calls by host; the authentication challenge is no error', async () => {
    const answers = [401, 200, 503];
    const http = new RegistryHttp(
      async () => new Response('{}', { status: answers.shift()! }),
      1000,
    );
    const endpoint = {
      host: 'registry.internal:5000',
      base: 'http://registry.internal:5000',
    };
    for (let i = 0; i < 3; i++) {
      await http.send(
        endpoint,
        `${endpoint.base}/v2/shop/web/tags/list`,
        'GET',
        ['application/json'],
        undefined,
        'list tags',
      );
    }
    const points = await meters.collect();
    const registry = points
      .get('app_center.upstream.duration')!
      .filter(p => p.attributes.upstream === 'registry')
      .map(p => [p.attributes.target, p.attributes.outcome, p.value.count]);
    expect(registry.sort()).toEqual([
      ['registry.internal:5000', 'error', 1],
      ['registry.internal:5000', 'ok', 2],
    ]);
    expect(
      points
        .get('app_center.upstream.errors')!
        .filter(p => p.attributes.upstream === 'registry')
        .map(p => p.value),
    ).toEqual([1]);
  });
});
