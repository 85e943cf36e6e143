import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ArgoCDClient } from '../../argocd';
import { applyDatabaseMigrations } from '../../database/migrations';
import { AccessResolver } from '../../domain/AccessResolver';
import { DatabaseDomainStore } from '../../domain/DatabaseDomainStore';
import {
  applyConfigTenancy,
  readConfigTenancy,
} from '../../domain/loadConfigTenants';
import { GitRepositoryCache } from '../../git';
import { createGitRepositoryCache } from '../../git/gitOpsConfig';
import type { TaskKind } from '../../tasks/types';
import { appCenterTestDatabases } from '../../__testUtils__/testDatabases';
import {
  DeploySandbox,
  REGISTRY,
  startDeploySandbox,
} from '../__testUtils__/deploySandbox';
import { DeployTargets } from '../targets';
import type { DeployEngineDeps } from '../types';
import { deployTaskKinds } from '.';

jest.setTimeout(120_000);

const { databases } = appCenterTestDatabases();
const logger = mockServices.logger.mock();
const DIGEST = `sha256:${'a'.repeat(64)}`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: cart
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: cart
  minReplicas: 1
  maxReplicas: 3
`;

/**
 * What each deploy task kind plans before a task is queued (against real git and the sandbox's Argo CD): the
 * steps, the input it stores, and the requests it refuses. Access is checked before planning (TaskService).
 */
describe('deploy planning', () => {
  let sb: DeploySandbox;
  let git: GitRepositoryCache;
  const kinds = new Map<string, TaskKind<any>>();

  beforeAll(async () => {
    sb = await startDeploySandbox({ apps: ['web', 'api', 'cart'] });
    // An app folder without its Argo CD Application, and an app an autoscaler manages.
    await sb.commitBehind(
      {
        'shop/envs/dev/orphan/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: orphan
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: orphan
          image: ${REGISTRY}/shop/orphan:1.0.0
`,
        'shop/envs/dev/cart/hpa.yaml': HPA,
      },
      'an orphan folder and an autoscaled cart',
    );
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const domain = new DatabaseDomainStore(knex);
    const config = new ConfigReader(sb.config);
    await applyConfigTenancy(
      domain,
      readConfigTenancy(config, ['main']),
      logger,
    );
    git = createGitRepositoryCache(config, logger);
    const argocd = new ArgoCDClient({
      name: 'main',
      url: sb.stack.argocd.url,
      token: sb.stack.argocd.token,
    });
    const deps: DeployEngineDeps = {
      targets: new DeployTargets({
        // Planning only loads targets (access is checked before it): the resolver reads the store here.
        access: new AccessResolver({
          store: domain,
          permissions: mockServices.permissions.mock(),
        }),
        argocd: { get: () => argocd } as any,
      }),
      git,
      logger,
      timeoutMs: 30_000,
      registry: {
        isTagPublishable: async (_image, tag) =>
          tag.startsWith('rc-')
            ? { publishable: false, reason: 'labelled unpublishable' }
            : { publishable: true },
      },
    };
    for (const kind of deployTaskKinds(deps)) kinds.set(kind.kind, kind);
  });
  afterAll(async () => {
    git?.close();
    await sb?.cleanup();
  });

  /** Plans a task as TaskService does: the input parsed by the kind's schema first. */
  const plan = (kind: string, input: unknown) => {
    const k = kinds.get(kind)!;
    return k.plan({
      input: k.schema.parse(input),
      project: 'shop',
      environment: 'dev',
      requestedBy: 'user:default/alice',
    });
  };
  const image = (app: string) => `${REGISTRY}/shop/${app}`;

  it('deploy: one commit, then one sync per app; stores canonical images with a tag or a digest', async () => {
    const planned = await plan('deploy', {
      apps: [
        { app: 'web', images: [{ image: image('web'), tag: '2.0.0' }] },
        { app: 'api', images: [{ image: image('api'), tag: DIGEST }] },
      ],
      message: 'release 2',
    });
    expect(planned.apps).toEqual(['web', 'api']);
    expect(planned.steps).toEqual([
      { id: 'commit', title: 'Commit the new tags of 2 apps' },
      {
        id: 'deploy:web',
        title: 'Sync web and wait until healthy',
        app: 'web',
      },
      {
        id: 'deploy:api',
        title: 'Sync api and wait until healthy',
        app: 'api',
      },
    ]);
    expect(planned.input).toEqual({
      apps: [
        { app: 'web', images: [{ image: image('web'), tag: '2.0.0' }] },
        { app: 'api', images: [{ image: image('api'), digest: DIGEST }] },
      ],
      message: 'release 2',
    });
  });

  it('deploy: refuses what would not deploy, before anything is written', async () => {
    const before = await sb.head();
    const one = (app: string, img: string, tag: string) =>
      plan('deploy', { apps: [{ app, images: [{ image: img, tag }] }] });
    await expect(one('web', image('web'), '-x')).rejects.toThrow(
      /web: "-x" for .* is neither an image tag/,
    );
    await expect(one('ghost', image('ghost'), '1.0')).rejects.toThrow(
      new InputError('ghost is not associated with environment dev'),
    );
    await expect(one('web', image('api'), '1.0')).rejects.toThrow(
      /web: no container in its manifests uses the image .*shop\/api/,
    );
    await expect(one('orphan', image('orphan'), '1.0')).rejects.toThrow(
      /orphan has no Argo CD Application in dev/,
    );
    await expect(one('web', image('web'), 'rc-1')).rejects.toThrow(
      /unpublishable tags: web: .*shop\/web:rc-1 \(labelled unpublishable\)/,
    );
    await expect(
      plan('deploy', {
        apps: [
          { app: 'web', images: [{ image: image('web'), tag: '1' }] },
          { app: 'web', images: [{ image: image('web'), tag: '2' }] },
        ],
      }),
    ).rejects.toThrow('web is listed twice');
    const schema = kinds.get('deploy')!.schema;
    expect(schema.safeParse({ apps: [] }).success).toBe(false);
    expect(
      schema.safeParse({ apps: [{ app: 'web', images: [] }] }).success,
    ).toBe(false);
    expect(await sb.head()).toBe(before);
  });

  it('scale: a commit and a sync of the app; refused while an autoscaler manages it', async () => {
    expect(await plan('scale', { app: 'web', replicas: 3 })).toEqual({
      apps: ['web'],
      steps: [
        { id: 'commit', title: 'Set replicas to 3 in git', app: 'web' },
        { id: 'sync', title: 'Sync and wait until healthy', app: 'web' },
      ],
    });
    await expect(plan('scale', { app: 'cart', replicas: 2 })).rejects.toThrow(
      ConflictError,
    );
    await expect(plan('scale', { app: 'ghost', replicas: 2 })).rejects.toThrow(
      NotFoundError,
    );
    expect(
      kinds.get('scale')!.schema.safeParse({ app: 'web', replicas: 1.5 })
        .success,
    ).toBe(false);
  });

  it('autoscaling: writes one or removes the existing one, with prune', async () => {
    expect(
      (
        await plan('autoscaling', {
          app: 'web',
          autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 80 },
        })
      ).steps.map(s => s.title),
    ).toEqual([
      'Write the autoscaler (2-4 replicas)',
      'Sync and wait until healthy',
    ]);
    expect(
      (await plan('autoscaling', { app: 'cart', autoscaling: null })).steps.map(
        s => s.title,
      ),
    ).toEqual([
      'Delete the autoscaler in git',
      'Sync with prune and wait until healthy',
    ]);
    await expect(
      plan('autoscaling', { app: 'web', autoscaling: null }),
    ).rejects.toThrow('Deployment web of web has no autoscaler');
    await expect(
      plan('autoscaling', {
        app: 'web',
        autoscaling: { minReplicas: 5, maxReplicas: 2, cpuUtilization: 80 },
      }),
    ).rejects.toThrow('minReplicas (5) must not be above maxReplicas (2)');
  });

  it('rollback: only to a revision Argo CD deployed', async () => {
    const head = await sb.head();
    await expect(
      plan('rollback', { app: 'web', revision: head }),
    ).rejects.toThrow(
      `${head.slice(0, 12)} is not in the deploy history of web in dev`,
    );
    expect(
      kinds.get('rollback')!.schema.safeParse({ app: 'web', revision: 'HEAD' })
        .success,
    ).toBe(false);
  });

  it('sync: the whole app, or some resources (not watched for health)', async () => {
    expect(await plan('sync', { app: 'web' })).toMatchObject({
      apps: ['web'],
      steps: [
        { id: 'sync', title: 'Sync the whole app and wait until healthy' },
      ],
      input: { app: 'web' },
    });
    const partial = await plan('sync', {
      app: 'web',
      resources: [{ kind: 'Deployment', name: 'web' }],
      prune: true,
    });
    expect(partial.steps[0].title).toBe('Sync Deployment/web');
    expect(partial.input).toEqual({
      app: 'web',
      resources: [{ group: '', kind: 'Deployment', name: 'web' }],
      prune: true,
    });
    await expect(plan('sync', { app: 'orphan' })).rejects.toThrow(
      /orphan has no Argo CD Application in dev/,
    );
  });

  it('sync: pinned only to a commit of the project branch', async () => {
    const head = await sb.head();
    expect((await plan('sync', { app: 'web', revision: head })).input).toEqual({
      app: 'web',
      revision: head,
    });
    const elsewhere = 'f'.repeat(40);
    await expect(
      plan('sync', { app: 'web', revision: elsewhere }),
    ).rejects.toThrow(
      new InputError(
        'revision ffffffffffff is not one of the latest 200 commits of main; sync without a revision to deploy the branch head, or roll back to a deployed revision',
      ),
    );
  });
});
