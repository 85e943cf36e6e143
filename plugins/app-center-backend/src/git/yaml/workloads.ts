/** Where the pod spec of each workload kind lives, by `group/Kind` (core group is empty). */
const POD_SPEC_PATHS: Record<string, string[]> = {
  '/Pod': ['spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  'argoproj.io/Rollout': ['spec', 'template', 'spec'],
};

/** Kinds whose `spec.replicas` App Center may set. */
const SCALABLE = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/ReplicaSet',
  'argoproj.io/Rollout',
]);

/** API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function apiGroup(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Path of the pod spec inside an object of that apiVersion and kind, or undefined when it has none. */
export function podSpecPath(
  apiVersion: unknown,
  kind: unknown,
): string[] | undefined {
  return POD_SPEC_PATHS[`${apiGroup(apiVersion)}/${kind}`];
}

export function isScalable(apiVersion: unknown, kind: unknown): boolean {
  return SCALABLE.has(`${apiGroup(apiVersion)}/${kind}`);
}

/** Container lists App Center reads and updates images in. */
export const CONTAINER_FIELDS = ['initContainers', 'containers'] as const;

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CustomResourceDefinition',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'CertificateSigningRequest',
  'PodSecurityPolicy',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ComponentStatus',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'IPAddress',
  'ServiceCIDR',
  'VolumeSnapshotClass',
]);

/** True for kinds that are not namespaced (cluster-wide power), by name. */
export function isClusterScopedKind(kind: string): boolean {
  return (
    CLUSTER_SCOPED.has(kind) ||
    kind.startsWith('Cluster') ||
    kind.endsWith('WebhookConfiguration')
  );
}
