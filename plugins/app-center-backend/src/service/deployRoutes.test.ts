import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { people } from '../__testUtils__/testBackend';
import { DeploySandbox, REGISTRY } from '../deploy/__testUtils__/deploySandbox';
import {
  as,
  img,
  DEV,
  deployRoutesUnderTest,
} from '../deploy/__testUtils__/deployRoutesUnderTest';

jest.setTimeout(240_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('deploy engine routes on %s', databaseId => {
  const routes = deployRoutesUnderTest(databases, databaseId);
  const { api, argoApp, finished, deploy, taskCount } = routes;
  let sb: DeploySandbox;
  beforeAll(() => {
    sb = routes.sb;
  });
  const base = DEV;

  it('deploys one app: one commit with the new tag by the user, synced to exactly that commit, Healthy', async () => {
    const res = await deploy([{ app: 'web', tag: '1.1.0' }]);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      kind: 'deploy',
      status: expect.stringMatching(/pending|running/),
      apps: ['web'],
    });
    expect(res.body.steps.map((s: any) => s.id)).toEqual([
      'commit',
      'deploy:web',
    ]);
    const task = await finished(res.body.id);
    expect(task.status).toBe('succeeded');
    const head = await sb.head();
    expect(task.steps[0].result.revision).toBe(head);
    const [line] = await sb.log(1);
    expect(line).toBe(
      `${head}|alice <alice@users.noreply.invalid>|app-center: deploy shop/dev/web: web=${img(
        'web',
      )}:1.1.0`,
    );
    expect(await sb.message(head)).toContain(`App-Center-Task: ${task.id}`);
    expect(await sb.show('shop/envs/dev/web/deployment.yaml')).toContain(
      `image: ${img('web')}:1.1.0`,
    );
    const app = argoApp('web');
    expect(app.status.operationState.operation.sync.revision).toBe(head);
    expect(app.status.operationState.syncResult.revision).toBe(head);
    expect(app.status.health.status).toBe('Healthy');
    expect(sb.syncs('shop.dev.web')).toBe(1);
  });

  it('deploys a batch of apps in ONE commit, each synced to it, each its own step', async () => {
    const before = await sb.head();
    const res = await deploy(
      ['web', 'api', 'cart', 'pay'].map(app => ({ app, tag: '1.2.0' })),
    );
    expect(res.status).toBe(202);
    const task = await finished(res.body.id);
    expect(task.status).toBe('succeeded');
    expect(task.steps.map((s: any) => [s.id, s.status])).toEqual([
      ['commit', 'succeeded'],
      ['deploy:web', 'succeeded'],
      ['deploy:api', 'succeeded'],
      ['deploy:cart', 'succeeded'],
      ['deploy:pay', 'succeeded'],
    ]);
    const head = await sb.head();
    expect(
      (await sb.git(['--git-dir', sb.bare, 'rev-parse', `${head}^`])).trim(),
    ).toBe(before);
    const changed = (
      await sb.git(['--git-dir', sb.bare, 'diff', '--name-only', before, head])
    )
      .trim()
      .split('\n');
    expect(changed.sort()).toEqual(
      ['api', 'cart', 'pay', 'web'].map(
        a => `shop/envs/dev/${a}/deployment.yaml`,
      ),
    );
    // Comments and layout stay: the tag is a one-line change.
    expect(await sb.show('shop/envs/dev/cart/deployment.yaml')).toContain(
      `image: ${img('cart')}:1.2.0 # the app`,
    );
    for (const a of ['web', 'api', 'cart', 'pay']) {
      expect(argoApp(a).status.operationState.syncResult.revision).toBe(head);
      expect(argoApp(a).status.health.status).toBe('Healthy');
      expect(sb.syncs(`shop.dev.${a}`)).toBe(1);
    }
  });

  it('refuses bad requests with 400 naming the app or image, queueing nothing and writing nothing', async () => {
    const head = await sb.head();
    const tasks = await taskCount();
    const cases: Array<[object, RegExp]> = [
      [
        { apps: [{ app: 'nope', images: [{ image: img('web'), tag: '1' }] }] },
        /nope is not associated with environment dev/,
      ],
      [
        {
          apps: [
            {
              app: 'web',
              images: [{ image: `${img('web')}-sidecar`, tag: '1' }],
            },
          ],
        },
        /web: no container .* uses the image .*web-sidecar/,
      ],
      [
        {
          apps: [
            {
              app: 'web',
              images: [{ image: `${REGISTRY}/shop/we`, tag: '1' }],
            },
          ],
        },
        /uses the image .*shop\/we /,
      ],
      [
        { apps: [{ app: 'web', images: [{ image: img('web'), tag: '-x' }] }] },
        /web: "-x" for .* is neither an image tag/,
      ],
      [
        { apps: [{ app: 'web', images: [{ image: img('web'), tag: 'a b' }] }] },
        /neither an image tag/,
      ],
      // Digests follow the OCI grammar: 64 non-hex characters, or 63 hex ones, are not a sha256 digest.
      [
        {
          apps: [
            {
              app: 'web',
              images: [{ image: img('web'), tag: `sha256:${'z'.repeat(64)}` }],
            },
          ],
        },
        /neither an image tag .* nor a digest \(sha256: and 64/,
      ],
      [
        {
          apps: [
            {
              app: 'web',
              images: [{ image: img('web'), tag: `sha256:${'a'.repeat(63)}` }],
            },
          ],
        },
        /neither an image tag .* nor a digest/,
      ],
      [
        {
          apps: [
            {
              app: 'web',
              images: [{ image: img('web'), tag: '2.0-quarantined' }],
            },
          ],
        },
        /unpublishable tags: web: .*2\.0-quarantined \(label "unpublishable"\)/,
      ],
      [{ apps: [] }, /apps/],
      [
        {
          apps: [
            { app: 'web', images: [{ image: img('web'), tag: '1' }] },
            { app: 'web', images: [{ image: img('web'), tag: '2' }] },
          ],
        },
        /web is listed twice/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await api()
        .post(`${base}/deployments`)
        .set(as(people.alice))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    const denied = await api()
      .post('/api/app-center/projects/shop/environments/prod/deployments')
      .set(as(people.alice))
      .send({
        apps: [{ app: 'web', images: [{ image: img('web'), tag: '1' }] }],
      });
    expect(denied.status).toBe(403);
    expect(await sb.head()).toBe(head);
    expect(await taskCount()).toBe(tasks);
  });

  it('fails a deploy of a bad tag with the cluster reason; the commit stays; history shows no successful deploy of it', async () => {
    const res = await deploy([{ app: 'web', tag: '2.0-bad' }]);
    const task = await finished(res.body.id);
    expect(task.status).toBe('failed');
    const step = task.steps.find((s: any) => s.id === 'deploy:web');
    expect(step.status).toBe('failed');
    expect(step.message).toMatch(
      /Degraded.*(ImagePullBackOff|Back-off pulling image).*2\.0-bad/,
    );
    expect(task.error).toMatch(
      /1 of 1 apps failed at commit .* \(the commit stays in git\): web: /,
    );
    const head = await sb.head();
    expect(await sb.show('shop/envs/dev/web/deployment.yaml')).toContain(
      ':2.0-bad',
    );
    const history = await api()
      .get(`${base}/apps/web/history`)
      .set(as(people.alice));
    expect(history.status).toBe(200);
    const entries = history.body.items.filter((e: any) => e.revision === head);
    expect(entries.every((e: any) => e.task?.appStatus === 'failed')).toBe(
      true,
    );
  });

  it('rolls back: the folder exactly as at a deployed revision, synced and healthy', async () => {
    const history = await api()
      .get(`${base}/apps/web/history`)
      .set(as(people.alice));
    const good = history.body.items.find(
      (e: any) => e.task?.appStatus === 'succeeded',
    );
    expect(good.images).toEqual([`${img('web')}:1.2.0`]);
    // Drift the folder further: a file added and one deleted since.
    const files = await api()
      .get(`${base}/apps/web/files`)
      .set(as(people.alice));
    const write = await api()
      .put(`${base}/apps/web/files`)
      .set(as(people.alice))
      .send({
        baseRevision: files.body.revision,
        files: [
          {
            path: 'extra.yaml',
            content:
              'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: "1"\n',
          },
        ],
        deleted: ['service.yaml'],
      });
    expect(write.status).toBe(200);
    const refused = await api()
      .post(`${base}/apps/web/rollback`)
      .set(as(people.alice))
      .send({ revision: 'a'.repeat(40) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /is not in the deploy history of web/,
    );
    const res = await api()
      .post(`${base}/apps/web/rollback`)
      .set(as(people.alice))
      .send({ revision: good.revision });
    expect(res.status).toBe(202);
    const task = await finished(res.body.id);
    expect(task.status).toBe('succeeded');
    const head = await sb.head();
    const tree = (rev: string) =>
      sb.git(['--git-dir', sb.bare, 'rev-parse', `${rev}:shop/envs/dev/web`]);
    expect(await tree(head)).toBe(await tree(good.revision));
    expect(argoApp('web').status.operationState.syncResult.revision).toBe(head);
    expect(argoApp('web').status.health.status).toBe('Healthy');
    expect(argoApp('web').status.sync.status).toBe('Synced');
  });

  it('scales in git (comment kept) and syncs; refuses bad values; autoscaling adds and removes hpa.yaml; scale is refused under an HPA', async () => {
    for (const replicas of [-1, 1.5, 1001, '3']) {
      const bad = await api()
        .post(`${base}/apps/cart/scale`)
        .set(as(people.alice))
        .send({ replicas });
      expect(bad.status).toBe(400);
    }
    const scaled = await finished(
      (
        await api()
          .post(`${base}/apps/cart/scale`)
          .set(as(people.alice))
          .send({ replicas: 3 })
      ).body.id,
    );
    expect(scaled.status).toBe('succeeded');
    const text = await sb.show('shop/envs/dev/cart/deployment.yaml');
    expect(text).toContain('  # how many pods\n  replicas: 3\n');
    expect(argoApp('cart').status.operationState.syncResult.revision).toBe(
      await sb.head(),
    );

    for (const body of [
      { minReplicas: 3, maxReplicas: 2, cpuUtilization: 50 },
      { minReplicas: 1, maxReplicas: 2 },
      { minReplicas: 0, maxReplicas: 2, cpuUtilization: 50 },
    ]) {
      expect(
        (
          await api()
            .put(`${base}/apps/cart/autoscaling`)
            .set(as(people.alice))
            .send(body)
        ).status,
      ).toBe(400);
    }
    const put = await api()
      .put(`${base}/apps/cart/autoscaling`)
      .set(as(people.alice))
      .send({ minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 });
    expect(put.status).toBe(202);
    expect((await finished(put.body.id)).status).toBe('succeeded');
    const hpa = await sb.show('shop/envs/dev/cart/hpa.yaml');
    expect(hpa).toContain(
      'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler',
    );
    expect(hpa).toContain(
      'scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: cart',
    );
    expect(hpa).toContain('averageUtilization: 70');
    expect(argoApp('cart').status.resources.map((r: any) => r.kind)).toContain(
      'HorizontalPodAutoscaler',
    );

    const refused = await api()
      .post(`${base}/apps/cart/scale`)
      .set(as(people.alice))
      .send({ replicas: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /managed by the HorizontalPodAutoscaler cart \(hpa.yaml\)/,
    );

    const removed = await api()
      .delete(`${base}/apps/cart/autoscaling`)
      .set(as(people.alice));
    expect(removed.status).toBe(202);
    expect((await finished(removed.body.id)).status).toBe('succeeded');
    expect(await sb.ls('shop/envs/dev/cart')).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
    expect(
      argoApp('cart').status.resources.map((r: any) => r.kind),
    ).not.toContain('HorizontalPodAutoscaler');
    expect(
      (
        await api()
          .delete(`${base}/apps/cart/autoscaling`)
          .set(as(people.alice))
      ).status,
    ).toBe(404);
  });

  it('joins the history with git and the task, newest first, paged', async () => {
    const page = await api()
      .get(`${base}/apps/cart/history?limit=1`)
      .set(as(people.alice));
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      revision: await sb.head(),
      author: { name: 'alice', email: 'alice@users.noreply.invalid' },
      message: expect.stringMatching(
        /^app-center: autoscaling shop\/dev\/cart: remove autoscaler/,
      ),
      images: [`${img('cart')}:1.2.0`],
      task: {
        kind: 'autoscaling',
        status: 'succeeded',
        requestedBy: people.alice,
        appStatus: 'succeeded',
      },
    });
    const next = await api()
      .get(`${base}/apps/cart/history?limit=2&cursor=${page.body.nextCursor}`)
      .set(as(people.alice));
    expect(next.body.items.map((e: any) => e.task?.kind)).toEqual([
      'autoscaling',
      'scale',
    ]);
    expect(next.body.items[0].id).toBeLessThan(page.body.items[0].id);
  });

  it('writes manifests with a sync, maps manifest errors and stale writes, and syncs one resource', async () => {
    const files = await api()
      .get(`${base}/apps/pay/files`)
      .set(as(people.alice));
    expect(files.body.files.map((f: any) => f.path)).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
    const invalid = await api()
      .put(`${base}/apps/pay/files`)
      .set(as(people.alice))
      .send({ files: [{ path: 'bad.yaml', content: 'kind: [\n' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues[0]).toMatchObject({
      path: 'bad.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    const content = files.body.files[0].content.replace(
      'replicas: 1',
      'replicas: 2',
    );
    const written = await api()
      .put(`${base}/apps/pay/files`)
      .set(as(people.alice))
      .send({
        baseRevision: files.body.revision,
        files: [{ path: 'deployment.yaml', content }],
        sync: true,
      });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({
      committed: true,
      files: ['deployment.yaml'],
      task: { kind: 'sync' },
    });
    expect((await finished(written.body.task.id)).status).toBe('succeeded');
    expect(argoApp('pay').status.operationState.syncResult.revision).toBe(
      written.body.revision,
    );
    // The deploy history labels the saved edit as made in the portal, not outside it.
    const history = await api()
      .get(`${base}/apps/pay/history`)
      .set(as(people.alice));
    expect(
      history.body.items.find((e: any) => e.revision === written.body.revision),
    ).toMatchObject({ viaPortal: true, author: { name: 'alice' } });
    const stale = await api()
      .put(`${base}/apps/pay/files`)
      .set(as(people.alice))
      .send({
        baseRevision: files.body.revision,
        files: [{ path: 'deployment.yaml', content }],
      });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      baseRevision: files.body.revision,
      headRevision: written.body.revision,
    });

    const one = await api()
      .post(`${base}/apps/pay/resource/sync`)
      .set(as(people.alice))
      .send({ group: '', kind: 'Service', name: 'pay' });
    expect(one.status).toBe(202);
    expect((await finished(one.body.id)).status).toBe('succeeded');
    expect(
      argoApp('pay').status.operationState.operation.sync.resources,
    ).toEqual([{ group: '', kind: 'Service', name: 'pay' }]);
    const whole = await api()
      .post(`${base}/apps/pay/sync`)
      .set(as(people.alice))
      .send({});
    expect((await finished(whole.body.id)).status).toBe('succeeded');
  });
});
