/* eslint-disable @typescript-eslint/no-explicit-any */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { deploymentYaml } from '../testing/gitFixture.ts';
import type { Harness } from '../testing/harness.ts';
import { appBody, waitFor } from '../testing/harness.ts';
import { startWebAppHarness, syncApp } from '../testing/webApp.ts';
import { findingsForTag } from './vulnerabilityReports.ts';

const run = promisify(execFile);

/**
 * Lists VulnerabilityReports with `@kubernetes/client-node` (an ES module) in a child process, through a
 * kubeconfig file, as a provider in the backend would.
 */
async function listWithClientNode(
  kubeconfig: string,
  namespace: string,
  labelSelector: string,
) {
  const script = `
    import * as k8s from '@kubernetes/client-node';
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(process.env.SANDBOX_KUBECONFIG);
    const api = kc.makeApiClient(k8s.CustomObjectsApi);
    const list = await api.listNamespacedCustomObject({
      group: 'aquasecurity.github.io', version: 'v1alpha1', plural: 'vulnerabilityreports',
      namespace: process.env.NS, labelSelector: process.env.SELECTOR,
    });
    console.log(JSON.stringify(list));`;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    {
      cwd: path.join(__dirname, '..', '..'),
      env: {
        ...process.env,
        SANDBOX_KUBECONFIG: kubeconfig,
        NS: namespace,
        SELECTOR: labelSelector,
      },
    },
  );
  return JSON.parse(stdout);
}

describe('Kubernetes API stand-in: trivy-operator VulnerabilityReports', () => {
  let h: Harness;
  let kubeconfig: string;

  beforeAll(async () => {
    h = await startWebAppHarness();
    h.repo.commit(
      {
        'shop/envs/dev/risky/deployment.yaml': deploymentYaml(
          'risky',
          'registry.example.com/shop/risky:2.0.0-bad',
        ),
      },
      'risky app',
    );
    await syncApp(h, 'web');
    // a hard refresh reads the branch again (the new commit), as in Argo CD
    await h.api('GET', '/api/v1/applications/web?refresh=hard');
    await h.call(
      'POST',
      '/api/v1/applications',
      'v1alpha1Application',
      appBody('risky', h.repo.repoURL, 'shop/envs/dev/risky'),
    );
    await syncApp(h, 'risky');
    kubeconfig = path.join(h.dir, 'kubeconfig.yaml');
    fs.writeFileSync(kubeconfig, h.sandbox.kubeconfig(), { mode: 0o600 });
    await waitFor(
      () =>
        h.sandbox.cluster.store.list(o => o.kind === 'ReplicaSet').length >= 2,
      5000,
      'two ReplicaSets',
    );
  });
  afterAll(() => h.close());

  it('serves reports per workload and container, labelled as trivy-operator labels them, to @kubernetes/client-node', async () => {
    const list = await listWithClientNode(
      kubeconfig,
      'shop-dev',
      'trivy-operator.resource.kind=ReplicaSet',
    );
    expect(list.kind).toBe('VulnerabilityReportList');
    const byImage = Object.fromEntries(
      list.items.map((v: any) => [
        `${v.report.artifact.repository}:${v.report.artifact.tag}`,
        v,
      ]),
    );
    const web = byImage['shop/web:1.0.0'];
    expect(web.metadata.labels).toMatchObject({
      'trivy-operator.resource.kind': 'ReplicaSet',
      'trivy-operator.resource.namespace': 'shop-dev',
      'trivy-operator.container.name': 'web',
    });
    expect(web.metadata.labels['trivy-operator.resource.name']).toMatch(
      /^web-/,
    );
    expect(web.report.registry.server).toBe('registry.example.com');
    expect(web.report.summary).toMatchObject({
      criticalCount: 0,
      highCount: 1,
    });
    const risky = byImage['shop/risky:2.0.0-bad'];
    expect(risky.report.summary.criticalCount).toBe(1);
    expect(risky.report.vulnerabilities[0]).toMatchObject({
      severity: 'CRITICAL',
      fixedVersion: '8.9.0',
    });
    const one = await listWithClientNode(
      kubeconfig,
      'shop-dev',
      'trivy-operator.container.name=risky',
    );
    expect(one.items).toHaveLength(1);
  });

  it('has findings that depend on the tag: newer tags fewer, bad tags critical', () => {
    expect(findingsForTag('1.0.0')).toHaveLength(4);
    expect(findingsForTag('1.2.0')).toHaveLength(2);
    expect(findingsForTag('1.3.0-bad').map(f => f.severity)).toContain(
      'CRITICAL',
    );
  });

  it('answers as Kubernetes does without a token and for a missing report', async () => {
    const base = `${h.sandbox.url}/apis/aquasecurity.github.io/v1alpha1/namespaces/shop-dev/vulnerabilityreports`;
    const anonymous = await fetch(base);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    });
    const missing = await fetch(`${base}/nope`, {
      headers: { Authorization: `Bearer ${h.sandbox.token}` },
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).reason).toBe('NotFound');
  });
});
