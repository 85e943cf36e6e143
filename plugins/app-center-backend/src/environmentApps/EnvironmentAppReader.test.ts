import { createHash } from 'node:crypto';
import type { Environment, Project } from '@internal/plugin-app-center-common';
import {
  Application,
  ArgoCDInstances,
  ArgoCDUpstreamError,
  buildApplication,
} from '../argocd';
import {
  GitRepositoryCache,
  GitTreeEntry,
  GitTreeView,
  projectRepository,
} from '../git';
import { EnvironmentAppReader } from './EnvironmentAppReader';
import type { AppsTarget } from './views';

const project = {
  name: 'shop',
  tenant: 'shop-team',
  repo: { url: 'https://git.example.com/gitops.git', branch: 'main' },
  argocd: { instance: 'main', project: 'shop' },
} as Project;
const env = (name: string, namespace = `shop-${name}`): Environment =>
  ({
    name,
    project: 'shop',
    kind: 'dev',
    protected: false,
    deployerGroups: [],
    destination: { name: 'in-cluster', namespace },
  } as unknown as Environment);
const dev = env('dev');
const qa = env('qa');
const target: AppsTarget = {
  project,
  tenant: { name: 'shop-team' } as AppsTarget['tenant'],
  ...projectRepository(project),
};

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: app }
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
`;
const SHA = 'a'.repeat(40);

/** One commit's files, in memory: enough of a tree view for the reader. */
function treeOf(files: Record<string, string>): GitTreeView {
  const oid = (s: string) => createHash('sha1').update(s).digest('hex');
  const under = (dir: string) =>
    Object.keys(files).filter(p => p.startsWith(`${dir}/`));
  return {
    revision: SHA,
    readFile: async path => files[path],
    oidOf: async path => {
      if (path in files) return oid(files[path]);
      const inside = under(path);
      return inside.length
        ? oid(inside.map(p => p + files[p]).join())
        : undefined;
    },
    list: async (dir, options) => {
      const entries = new Map<string, GitTreeEntry>();
      for (const p of under(dir)) {
        const rest = p.slice(dir.length + 1).split('/');
        if (rest.length === 1 || options?.recursive) {
          entries.set(p, {
            path: p,
            type: 'file',
            oid: oid(files[p]),
          } as GitTreeEntry);
        }
        for (let i = 1; i < rest.length; i++) {
          if (i > 1 && !options?.recursive) break;
          const d = `${dir}/${rest.slice(0, i).join('/')}`;
          entries.set(d, {
            path: d,
            type: 'directory',
            oid: oid(d),
          } as GitTreeEntry);
        }
      }
      return [...entries.values()];
    },
  };
}

const argoApp = (
  environment: Environment,
  app: string,
  status?: Application['status'],
): Application => ({ ...buildApplication(project, environment, app), status });

/** A reader over the given files and Applications; `null` makes that side unreachable. */
function reader(
  files: Record<string, string> | null,
  applications: Application[] | null,
) {
  const cache = {
    read: async (
      _repo: unknown,
      fn: (view: GitTreeView) => Promise<unknown>,
    ) => {
      if (!files)
        throw Object.assign(new Error('git server down'), { statusCode: 502 });
      return fn(treeOf(files));
    },
  } as unknown as GitRepositoryCache;
  const unreachable = () =>
    new ArgoCDUpstreamError('Argo CD "main" did not answer', {
      instance: 'main',
    });
  const client = {
    listApplications: async () => {
      if (!applications) throw unreachable();
      return applications;
    },
    getApplication: async (name: string) => {
      if (!applications) throw unreachable();
      const found = applications.find(a => a.metadata.name === name);
      if (!found)
        throw Object.assign(new Error(name), { name: 'NotFoundError' });
      return found;
    },
  };
  return new EnvironmentAppReader({
    cache,
    argocd: { get: () => client } as unknown as ArgoCDInstances,
  });
}

const files = {
  'shop/envs/dev/web/deployment.yaml': deployment(
    'registry.example.com/shop/web:1.0',
  ),
  'shop/envs/dev/web/.app-center.yaml': `template: web\ntemplateCommit: ${SHA}\ntemplateTree: ${SHA}\n`,
  'shop/envs/dev/api/deployment.yaml': deployment(
    'registry.example.com/shop/api:2.0',
  ),
  'shop/templates/web/deployment.yaml': deployment(
    'registry.example.com/shop/web:1.0',
  ),
};

describe('EnvironmentAppReader', () => {
  it('merges the folders in git with the Applications App Center manages, by app', async () => {
    const running = argoApp(dev, 'web', {
      sync: { status: 'Synced', revision: SHA },
      health: { status: 'Healthy' },
      summary: { images: ['registry.example.com/shop/web:0.9'] },
    });
    const orphan = argoApp(dev, 'gone');
    const elsewhere = argoApp(qa, 'web');
    const list = await reader(files, [running, orphan, elsewhere]).list(
      target,
      dev,
    );
    expect(
      list.platformApps.map(a => [a.name, a.state, a.mainKind ?? null]),
    ).toEqual([
      ['api', 'no-application', 'Deployment'],
      ['gone', 'no-folder', null],
      ['web', 'associated', 'Deployment'],
    ]);
    const web = list.platformApps[2];
    expect(web).toMatchObject({
      application: 'shop.dev.web',
      argocdInstance: 'main',
      images: {
        running: ['registry.example.com/shop/web:0.9'],
        manifest: ['registry.example.com/shop/web:1.0'],
      },
      sync: { status: 'Synced', revision: SHA },
      health: { status: 'Healthy' },
      template: { name: 'web', revision: SHA },
    });
    expect(list.storeApps).toEqual([]);
    expect(list.warnings).toBeUndefined();
  });

  it('lists Applications it does not manage that deploy into the namespace as store apps', async () => {
    const redis: Application = {
      metadata: { name: 'redis' },
      spec: {
        project: 'shop',
        source: {
          repoURL: 'https://charts.example.com',
          chart: 'redis',
          targetRevision: '18.1.0',
        },
        destination: {
          server: 'https://kubernetes.default.svc/',
          namespace: 'shop-dev',
        },
      },
    } as Application;
    const otherNamespace: Application = {
      ...redis,
      metadata: { name: 'kafka' },
      spec: {
        ...redis.spec,
        destination: { name: 'in-cluster', namespace: 'shop-qa' },
      },
    } as Application;
    const list = await reader(files, [redis, otherNamespace]).list(target, dev);
    expect(list.storeApps).toEqual([
      {
        name: 'redis',
        chart: 'redis',
        version: '18.1.0',
        repoURL: 'https://charts.example.com',
        images: [],
      },
    ]);
  });

  it('shows what git holds, with a warning, when Argo CD cannot be read', async () => {
    const list = await reader(files, null).list(target, dev);
    expect(list.platformApps.map(a => [a.name, a.state])).toEqual([
      ['api', 'unknown'],
      ['web', 'unknown'],
    ]);
    expect(list.warnings).toEqual([
      'Argo CD could not be read, showing what git holds: Argo CD "main" did not answer',
    ]);
  });

  it('shows what Argo CD reports, with a warning, when git cannot be read; fails when neither can', async () => {
    const list = await reader(null, [argoApp(dev, 'web')]).list(target, dev);
    expect(list.platformApps.map(a => [a.name, a.state])).toEqual([
      ['web', 'unknown'],
    ]);
    expect(list.warnings).toEqual([
      'git could not be read, showing what Argo CD reports: git server down',
    ]);
    await expect(reader(null, null).list(target, dev)).rejects.toThrow(
      /^neither git nor Argo CD could be read: git could not be read.*; Argo CD could not be read/,
    );
  });

  it('reads one app, and answers 404 when neither side has it', async () => {
    const web = await reader(files, [argoApp(dev, 'web')]).get(
      target,
      dev,
      'web',
    );
    expect(web.state).toBe('associated');
    await expect(
      reader(files, []).get(target, dev, 'nope'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('finds one app across environments, and whether its template exists', async () => {
    const across = await reader(files, [argoApp(qa, 'web')]).acrossEnvironments(
      target,
      [dev, qa, env('prod')],
      'web',
    );
    expect(across.templateExists).toBe(true);
    expect(
      across.environments.map(e => [e.environment.name, e.app?.state ?? null]),
    ).toEqual([
      ['dev', 'no-application'],
      ['qa', 'no-folder'],
      ['prod', null],
    ]);
  });
});
