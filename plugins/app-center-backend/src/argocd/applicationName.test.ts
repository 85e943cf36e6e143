import type { Environment, Project } from '@internal/plugin-app-center-common';
import { validateAgainstSwagger } from '@internal/argocd-sandbox';
import {
  applicationName,
  buildApplication,
  environmentSelector,
  isManaged,
} from './applicationName';

const SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

describe('applicationName', () => {
  it('joins the three names with a dot, which no DNS label contains', () => {
    expect(applicationName('shop', 'dev', 'web')).toBe('shop.dev.web');
  });

  it('keeps a-b + c and a + b-c apart', () => {
    expect(applicationName('a-b', 'c', 'd')).not.toBe(
      applicationName('a', 'b-c', 'd'),
    );
    expect(applicationName('p', 'a-b', 'c')).not.toBe(
      applicationName('p', 'a', 'b-c'),
    );
  });

  it('is deterministic', () => {
    expect(applicationName('shop', 'prod', 'api')).toBe(
      applicationName('shop', 'prod', 'api'),
    );
  });

  it('stays within 63 characters with a hash when the joined name is longer, still unambiguous', () => {
    const long = 'x'.repeat(45);
    const a = applicationName(long, 'staging', 'web-frontend');
    const b = applicationName(long, 'staging', 'web-frontend2');
    const c = applicationName(`${long}-staging`, 'web', 'frontend');
    for (const n of [a, b, c]) {
      expect(n.length).toBeLessThanOrEqual(63);
      expect(n).toMatch(SUBDOMAIN);
      expect(n).toMatch(/-[0-9a-f]{8}$/);
    }
    expect(new Set([a, b, c]).size).toBe(3);
    const max = 'a'.repeat(63);
    expect(applicationName(max, max, max)).toMatch(SUBDOMAIN);
    expect(applicationName(max, max, max).length).toBe(63);
  });

  it('never leaves a dash or dot before the hash', () => {
    // the cut falls right after a separator
    const name = applicationName('p'.repeat(52), 'e', 'a'.repeat(20));
    expect(name).toMatch(SUBDOMAIN);
    expect(name).not.toMatch(/[-.]-[0-9a-f]{8}$/);
  });

  it('refuses names that are not DNS labels', () => {
    expect(() => applicationName('Shop', 'dev', 'web')).toThrow(/DNS-1123/);
    expect(() => applicationName('shop', 'dev.x', 'web')).toThrow(/DNS-1123/);
  });
});

describe('buildApplication', () => {
  const project = {
    name: 'shop',
    tenant: 'shop-team',
    repo: {
      url: 'https://git.example.com/org/gitops.git',
      branch: 'main',
      dir: 'deploy',
    },
    argocd: { instance: 'main', project: 'shop' },
  } as Project;
  const env = {
    name: 'prod',
    project: 'shop',
    destination: {
      server: 'https://kubernetes.default.svc',
      namespace: 'shop-prod',
    },
  } as Environment;

  it('describes the environment app as Argo CD expects it: no automated sync, namespace created on first sync', () => {
    const app = buildApplication(project, env, 'web');
    expect(app).toEqual({
      metadata: {
        name: 'shop.prod.web',
        labels: {
          'app-center.io/project': 'shop',
          'app-center.io/environment': 'prod',
          'app-center.io/app': 'web',
          'app-center.io/tenant': 'shop-team',
          'app-center.io/managed-by': 'app-center',
        },
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
      },
      spec: {
        project: 'shop',
        source: {
          repoURL: 'https://git.example.com/org/gitops.git',
          path: 'deploy/shop/envs/prod/web',
          targetRevision: 'main',
          directory: { exclude: '.app-center.yaml' },
        },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: 'shop-prod',
        },
        syncPolicy: { syncOptions: ['CreateNamespace=true'] },
        // Argo CD's default of 10 capped the deploy history at 10 rows.
        revisionHistoryLimit: 100,
      },
    });
    expect(validateAgainstSwagger('v1alpha1Application', app)).toEqual({
      valid: true,
      errors: [],
    });
    expect(isManaged(app)).toBe(true);
  });

  it('uses the cluster name when the environment gives one', () => {
    const app = buildApplication(
      { ...project, repo: { ...project.repo, dir: '' } },
      { ...env, destination: { name: 'in-cluster', namespace: 'shop-dev' } },
      'api',
    );
    expect(app.spec.destination).toEqual({
      name: 'in-cluster',
      namespace: 'shop-dev',
    });
    expect(app.spec.source!.path).toBe('shop/envs/prod/api');
  });

  it('selects an environment or a project', () => {
    expect(environmentSelector('shop', 'dev')).toBe(
      'app-center.io/project=shop,app-center.io/environment=dev',
    );
    expect(environmentSelector('shop')).toBe('app-center.io/project=shop');
  });
});
