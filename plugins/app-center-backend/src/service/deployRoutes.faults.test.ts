import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import { DeploySandbox } from '../deploy/__testUtils__/deploySandbox';
import { deployRoutesUnderTest } from '../deploy/__testUtils__/deployRoutesUnderTest';

jest.setTimeout(240_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('deploy engine routes on %s', databaseId => {
  const routes = deployRoutesUnderTest(databases, databaseId);
  const { argoApp, finished, deploy } = routes;
  let sb: DeploySandbox;
  beforeAll(() => {
    sb = routes.sb;
  });

  it('deploys through one passing 500 on the first read of Argo CD', async () => {
    sb.stack.argocd.hooks.fail(
      'GET /api/v1/**',
      500,
      'etcdserver: leader changed',
      1,
    );
    const res = await deploy([{ app: 'web', tag: '1.2.0' }]);
    expect(res.status).toBe(202);
    const task = await finished(res.body.id);
    expect([task.status, task.error]).toEqual(['succeeded', undefined]);
    expect(sb.stack.argocd.hooks.listFaults()).toEqual([]);
  });

  it('deploys through a sync request Argo CD failed once or dropped once', async () => {
    for (const fault of [
      () =>
        sb.stack.argocd.hooks.fail(
          'POST /api/v1/applications/shop.dev.web/sync',
          500,
          'etcdserver: leader changed',
          1,
        ),
      () =>
        sb.stack.argocd.hooks.drop(
          'POST /api/v1/applications/shop.dev.web/sync',
          1,
        ),
    ]) {
      fault();
      const tag = `1.3.${sb.stack.argocd.hooks.count('/api/v1/**')}`;
      const task = await finished(
        (
          await deploy([{ app: 'web', tag }])
        ).body.id,
      );
      expect([task.status, task.error]).toEqual(['succeeded', undefined]);
      expect(argoApp('web').status.operationState.syncResult.revision).toBe(
        await sb.head(),
      );
    }
  });

  it('fails clearly when Argo CD answers 500 or goes away mid-task, keeps the commit, and a retry works', async () => {
    sb.stack.argocd.hooks.fail(
      'POST /api/v1/applications/shop.dev.api/sync',
      500,
      'etcd is down',
    );
    const res = await deploy([{ app: 'api', tag: '3.0.0' }]);
    const failed = await finished(res.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.steps[1].message).toMatch(
      /Argo CD "main" failed on POST .*shop\.dev\.api\/sync \(HTTP 500\): etcd is down/,
    );
    expect(failed.error).not.toMatch(/sandbox-token|Bearer/);
    const head = await sb.head();
    expect(failed.steps[0].result.revision).toBe(head);
    expect(await sb.show('shop/envs/dev/api/deployment.yaml')).toContain(
      ':3.0.0',
    );

    sb.stack.argocd.hooks.reset();
    sb.stack.argocd.hooks.drop('GET /api/v1/applications/shop.dev.api');
    const dropped = await finished(
      (
        await deploy([{ app: 'api', tag: '3.0.0' }])
      ).body.id,
    );
    expect(dropped.status).toBe('failed');
    expect(dropped.steps[1].message).toMatch(
      /Argo CD "main" closed the connection during GET/,
    );

    sb.stack.argocd.hooks.reset();
    const retried = await finished(
      (
        await deploy([{ app: 'api', tag: '3.0.0' }])
      ).body.id,
    );
    expect(retried.status).toBe('succeeded');
    expect(retried.steps[0].result).toMatchObject({
      revision: head,
      committed: false,
    });
    expect(argoApp('api').status.operationState.syncResult.revision).toBe(head);
    expect(argoApp('api').status.health.status).toBe('Healthy');
  });

  it('re-applies the edit when a concurrent writer moved the branch before the push, and lands', async () => {
    sb.stack.git.beforeNextPush(() =>
      sb.commitBehind(
        {
          'shop/envs/dev/pay/notes.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n',
        },
        'someone else',
      ),
    );
    const task = await finished(
      (
        await deploy([{ app: 'web', tag: '1.3.0' }])
      ).body.id,
    );
    expect(task.status).toBe('succeeded');
    const [mine, theirs] = await sb.log(2);
    expect(mine).toMatch(/\|alice <.*>\|app-center: deploy shop\/dev\/web: /);
    expect(theirs).toMatch(/\|Someone Else <else@example.com>\|someone else$/);
    expect(argoApp('web').status.operationState.syncResult.revision).toBe(
      mine.split('|')[0],
    );
  });
});
