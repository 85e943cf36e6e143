/* eslint-disable @typescript-eslint/no-explicit-any */
/** A Kubernetes object as plain JSON. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: OwnerReference[];
    [k: string]: any;
  };
  spec?: any;
  status?: any;
  [k: string]: any;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjRef {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface HealthStatus {
  status:
    | 'Healthy'
    | 'Progressing'
    | 'Degraded'
    | 'Suspended'
    | 'Missing'
    | 'Unknown';
  message?: string;
}

export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'APIService',
]);

export function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion || !apiVersion.includes('/')) return '';
  return apiVersion.split('/')[0];
}

export function versionOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  return apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
}

export function refOf(obj: K8sObject): ObjRef {
  return {
    group: groupOf(obj.apiVersion),
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name,
  };
}

export function keyOf(ref: ObjRef): string {
  return `${ref.group}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function objKey(obj: K8sObject): string {
  return keyOf(refOf(obj));
}

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/** `deployment.apps/web`, `service/web` — the kubectl-style name used in Argo CD messages. */
export function kubectlName(obj: {
  kind: string;
  group: string;
  name: string;
}): string {
  const kind = obj.kind.toLowerCase();
  return obj.group ? `${kind}.${obj.group}/${obj.name}` : `${kind}/${obj.name}`;
}
