import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * The severities App Center counts, highest first (trivy's and Harbor's names, lower-case).
 * @public
 */
export type VulnerabilitySeverity =
  | 'critical'
  | 'high'
  | 'medium'
  | 'low'
  | 'unknown';

/**
 * One finding of a scan.
 * @public
 */
export interface VulnerabilityFinding {
  /** E.g. `CVE-2026-0101`. */
  id: string;
  severity: VulnerabilitySeverity;
  /** The package the finding is in. */
  package: string;
  installedVersion?: string;
  /** The first version without the finding; absent when there is no fix yet. */
  fixedVersion?: string;
  title?: string;
  /** Where the finding is described. */
  url?: string;
}

/**
 * What a provider found for one image reference.
 * @public
 */
export interface ImageScan {
  /** The image reference as it runs, e.g. `registry.example.com/shop/web:1.2.0`. */
  image: string;
  findings: VulnerabilityFinding[];
  /** A page of the provider about this scan, when it has one. */
  url?: string;
  /** When the scan ran (ISO 8601), when known. */
  scannedAt?: string;
}

/**
 * A workload of the app as App Center finds it in Argo CD's resource tree: what scanners report on
 * (ReplicaSets of Deployments and Rollouts, StatefulSets, DaemonSets, bare Pods).
 * @public
 */
export interface ScannedWorkload {
  kind: string;
  name: string;
  namespace: string;
}

/**
 * What App Center asks a provider about: the running images of one app of one environment.
 * @public
 */
export interface ImageSecurityRequest {
  project: string;
  environment: string;
  /** The Argo CD destination of the environment. */
  destination: { name?: string; server?: string; namespace: string };
  /** The images the app runs (Argo CD's `status.summary.images`). */
  images: string[];
  workloads: ScannedWorkload[];
  signal?: AbortSignal;
}

/**
 * What App Center asks a provider before a deploy: the scans of image references that may not run yet
 * (an environment's policy refuses images with severe findings).
 * @public
 */
export interface ImageScanLookup {
  project: string;
  environment: string;
  destination: { name?: string; server?: string; namespace: string };
  /** Image references with their tag or digest, e.g. `registry.example.com/shop/web:1.3.0`. */
  images: string[];
  signal?: AbortSignal;
}

/**
 * An image-security provider (trivy-operator, Harbor, ...). App Center asks every provider and shows each
 * running image with the scans that name it. Throw Backstage errors (or an error with a `statusCode` of
 * 502/504 for upstream failures) with messages free of credentials.
 * @public
 */
export interface ImageSecurityProvider {
  /** A short name for logs and responses, e.g. `trivy-operator`. */
  readonly id: string;
  /** The scans the provider has for the request's images; images it knows nothing about are left out. */
  scan(request: ImageSecurityRequest): Promise<ImageScan[]>;
  /**
   * The scans the provider has of these references wherever they ran or were pushed (e.g. trivy-operator's
   * reports anywhere in the cluster, a registry's scan of the tag); images it knows nothing about are left
   * out. Without it, the provider takes no part in deploy policies.
   */
  scanImages?(request: ImageScanLookup): Promise<ImageScan[]>;
}

/**
 * What backend modules use to add image-security providers to App Center.
 * @public
 */
export interface AppCenterImageSecurityExtensionPoint {
  addImageSecurityProvider(provider: ImageSecurityProvider): void;
}

/**
 * Extension point of the `app-center` backend plugin for image-security providers.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'app-center',
 *   moduleId: 'my-scanner',
 *   register(env) {
 *     env.registerInit({
 *       deps: { security: appCenterImageSecurityExtensionPoint },
 *       async init({ security }) {
 *         security.addImageSecurityProvider({ id: 'mine', scan: async request => [] });
 *       },
 *     });
 *   },
 * });
 * ```
 * @public
 */
export const appCenterImageSecurityExtensionPoint =
  createExtensionPoint<AppCenterImageSecurityExtensionPoint>({
    id: 'app-center.image-security',
  });
