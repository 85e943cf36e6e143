import type {
  ImageScan,
  ImageSecurityProvider,
  ScannedWorkload,
} from '@internal/plugin-app-center-node';
import type { components } from '@internal/plugin-app-center-common';
import type { ApplicationTree } from '../argocd';
import type { Caller } from '../domain/Caller';
import { assertDnsLabel } from '../git';
import type { DeployTargets } from '../deploy/targets';
import { summariseScan, unscanned } from './summarise';

export type ImageSecurity = components['schemas']['ImageSecurity'];

export const NO_PROVIDER_MESSAGE =
  'No image-security provider is configured. Read trivy-operator reports by adding ' +
  'appCenter.security.trivyOperator.clusters (a name matching the environment destination, and url with ' +
  'token, or kubeconfig) to app-config.yaml, or install a backend module that adds a provider through ' +
  'appCenterImageSecurityExtensionPoint.';

/** What scanners report on; a Deployment's or a Rollout's pods are scanned through their ReplicaSets. */
const SCANNED_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** The app's scanned workloads in Argo CD's resource tree: ReplicaSets, StatefulSets, DaemonSets, bare Pods. */
export function scannedWorkloads(tree: ApplicationTree): ScannedWorkload[] {
  return (tree.nodes ?? [])
    .filter(
      n =>
        (SCANNED_KINDS.has(n.kind ?? '') ||
          (n.kind === 'Pod' && !n.parentRefs?.length)) &&
        n.name &&
        n.namespace,
    )
    .map(n => ({ kind: n.kind!, name: n.name!, namespace: n.namespace! }));
}

/**
 * The vulnerability findings of the images an app runs (DESIGN.md section 9, `.../image-security`): every
 * provider is asked about the running images and the app's workloads; each image is shown with the scan of
 * every provider that has one, or as not scanned. A provider that fails is named in `warnings`; when all
 * fail, the first failure is the answer.
 */
export class ImageSecurityService {
  constructor(
    private readonly deps: {
      targets: DeployTargets;
      providers: ImageSecurityProvider[];
    },
  ) {}

  async report(
    caller: Caller,
    project: string,
    env: string,
    app: string,
  ): Promise<ImageSecurity> {
    assertDnsLabel('app', app);
    const target = await this.deps.targets.readable(caller, project, env);
    const { providers } = this.deps;
    if (!providers.length)
      return {
        configured: false,
        message: NO_PROVIDER_MESSAGE,
        providers: [],
        images: [],
      };
    const name = target.applicationOf(app);
    const options = { project: target.appProject };
    const [application, tree] = await Promise.all([
      target.argocd.getApplication(name, options),
      target.argocd.resourceTree(name, options),
    ]);
    const images = application.status?.summary?.images ?? [];
    const request = {
      project,
      environment: env,
      destination: target.env.destination,
      images,
      workloads: scannedWorkloads(tree),
    };
    const results = await Promise.allSettled(
      providers.map(p => p.scan(request)),
    );
    const failures = results.flatMap((r, i) =>
      r.status === 'rejected'
        ? [{ provider: providers[i].id, error: r.reason as Error }]
        : [],
    );
    if (failures.length === providers.length) throw failures[0].error;
    const scans = results.flatMap((r, i) =>
      r.status === 'fulfilled'
        ? r.value.map((scan: ImageScan) => ({
            provider: providers[i].id,
            scan,
          }))
        : [],
    );
    const reports = images.flatMap(image => {
      const found = scans.filter(s => s.scan.image === image);
      return found.length
        ? found.map(s => summariseScan(s.provider, s.scan))
        : [unscanned(image)];
    });
    return {
      configured: true,
      providers: providers.map(p => p.id),
      images: reports,
      ...(failures.length
        ? {
            warnings: failures.map(
              f => `${f.provider}: ${f.error.message ?? String(f.error)}`,
            ),
          }
        : {}),
    };
  }
}
