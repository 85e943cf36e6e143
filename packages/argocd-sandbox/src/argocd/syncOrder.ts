import type { K8sObject } from '../cluster/types.ts';

/** Kinds in the order Argo CD (gitops-engine) applies them within a sync wave; others come last. */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

function wave(o: K8sObject): number {
  return (
    Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0) || 0
  );
}

/** The order a sync applies its targets in: by sync wave, then kind, then position in the manifests. */
export function syncOrder(targets: K8sObject[]): K8sObject[] {
  return targets
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        wave(a.t) - wave(b.t) ||
        kindRank(a.t.kind) - kindRank(b.t.kind) ||
        a.i - b.i,
    )
    .map(x => x.t);
}
