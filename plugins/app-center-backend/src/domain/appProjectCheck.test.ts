import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArgoCDSandbox, startArgoCDSandbox } from '@internal/argocd-sandbox';
import { ArgoCDInstances } from '../argocd';
import { AppProjectCheck, warnAboutConfigAppProjects } from './appProjectCheck';

jest.setTimeout(30_000);

const REPO = 'https://git.example.com/org/gitops.git';

describe('warnings about the AppProjects of app-config projects', () => {
  let dir: string;
  let sandbox: ArgoCDSandbox;
  let check: AppProjectCheck;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'app-center-appproj-'));
    sandbox = await startArgoCDSandbox({
      dataDir: dir,
      gitRoot: path.join(dir, 'git'),
      port: 0,
      clusters: ['in-cluster', 'prod'],
      projects: [
        {
          name: 'by-server',
          spec: {
            sourceRepos: ['*'],
            destinations: [
              {
                server: 'https://prod.clusters.sandbox.invalid',
                namespace: '*',
              },
            ],
          },
        },
        {
          name: 'shop',
          spec: {
            sourceRepos: [REPO],
            destinations: [{ name: 'in-cluster', namespace: 'shop-*' }],
          },
        },
      ],
    });
    check = new AppProjectCheck(
      new ArgoCDInstances(
        [
          { name: 'main', url: sandbox.url, token: sandbox.token },
          // Nothing listens on port 9 (discard) here: an Argo CD that is down.
          { name: 'down', url: 'http://127.0.0.1:9', token: 'unused' },
        ],
        { retries: 0 },
      ),
    );
  });
  afterAll(async () => {
    await sandbox.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const project = (name: string, instance: string, argoProject: string) => ({
    name,
    repo: { url: REPO, branch: 'main', dir: '' },
    argocd: { instance, project: argoProject },
  });

  it('logs one warning per problem instead of failing, and none for an allowed project', async () => {
    const warnings: string[] = [];
    await warnAboutConfigAppProjects(
      check,
      {
        projects: [
          project('shop', 'main', 'shop'),
          project('ghost', 'main', 'missing'),
          project('offline', 'down', 'shop'),
        ],
        environments: [
          {
            project: 'shop',
            name: 'dev',
            destination: { name: 'in-cluster', namespace: 'shop-dev' },
          },
          {
            project: 'shop',
            name: 'ops',
            destination: { name: 'in-cluster', namespace: 'ops' },
          },
        ],
      },
      { warn: m => warnings.push(m) },
    );
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain(
      'app-config project "shop" is not allowed by its Argo CD AppProject: add {"name":"in-cluster","namespace":"ops"} to destinations of AppProject "shop" on Argo CD "main" (for environment "ops")',
    );
    expect(warnings[1]).toContain(
      'create AppProject "missing" on Argo CD "main" (it does not exist)',
    );
    expect(warnings[2]).toMatch(
      /could not check the Argo CD AppProject of app-config project "offline": Argo CD "down"/,
    );
  });

  it("allows a destination by cluster name when the AppProject names the cluster's server, as Argo CD does", async () => {
    const environment = (name: string, cluster: string) => ({
      name,
      destination: { name: cluster, namespace: 'shop-prod' },
    });
    expect(
      await check.problems(project('shop', 'main', 'by-server'), [
        environment('prod', 'prod'),
      ]),
    ).toEqual([]);
    expect(
      await check.problems(project('shop', 'main', 'by-server'), [
        environment('prod', 'prod'),
        environment('staging', 'staging'),
      ]),
    ).toEqual([
      'add {"name":"staging","namespace":"shop-prod"} to destinations of AppProject "by-server" on Argo CD "main" (for environment "staging")',
    ]);
  });
});
