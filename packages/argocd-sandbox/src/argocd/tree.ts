/* eslint-disable @typescript-eslint/no-explicit-any */
import { resourceHealth } from '../cluster/health.ts';
import { podImages, podStatusReason } from '../cluster/pods.ts';
import type { ClusterStore } from '../cluster/store.ts';
import type { K8sObject } from '../cluster/types.ts';
import { groupOf, versionOf } from '../cluster/types.ts';

/** Definition `v1alpha1ResourceNode`. */
export type ResourceNode = any;

/** The app's resource tree: managed live objects and everything they own (ReplicaSets, Pods, ...). */
export function buildTree(
  store: ClusterStore,
  managed: Readonly<K8sObject>[],
  nodes: string[],
): any {
  const out: ResourceNode[] = [];
  const seen = new Set<string>();
  const visit = (obj: Readonly<K8sObject>, parent?: Readonly<K8sObject>) => {
    const uid = obj.metadata.uid!;
    if (seen.has(uid)) return;
    seen.add(uid);
    out.push(nodeOf(obj, parent));
    for (const child of store.peekChildren(uid)) visit(child, obj);
  };
  for (const m of managed) visit(m);
  out.sort((a, b) =>
    `${a.group ?? ''}/${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(
      `${b.group ?? ''}/${b.kind}/${b.namespace ?? ''}/${b.name}`,
    ),
  );
  const usedNodes = new Set(
    out
      .filter(n => n.kind === 'Pod')
      .map(n => n.info?.find((i: any) => i.name === 'Node')?.value),
  );
  const hosts = nodes
    .filter(n => usedNodes.has(n))
    .map(name => ({
      name,
      systemInfo: {
        architecture: 'amd64',
        operatingSystem: 'linux',
        kernelVersion: '6.1.0-sandbox',
        kubeletVersion: 'v1.33.0',
        containerRuntimeVersion: 'containerd://2.0.0',
      },
      resourcesInfo: [],
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    }));
  return { nodes: out, orphanedNodes: [], hosts };
}

function nodeOf(
  obj: Readonly<K8sObject>,
  parent?: Readonly<K8sObject>,
): ResourceNode {
  const group = groupOf(obj.apiVersion);
  const node: ResourceNode = {
    version: versionOf(obj.apiVersion),
    kind: obj.kind,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    ...(group ? { group } : {}),
    resourceVersion: obj.metadata.resourceVersion,
    createdAt: obj.metadata.creationTimestamp ?? null,
  };
  if (parent) {
    const pg = groupOf(parent.apiVersion);
    node.parentRefs = [
      {
        ...(pg ? { group: pg } : {}),
        kind: parent.kind,
        namespace: parent.metadata.namespace,
        name: parent.metadata.name,
        uid: parent.metadata.uid,
      },
    ];
  }
  const health = resourceHealth(obj);
  if (health)
    node.health = health.message
      ? { status: health.status, message: health.message }
      : { status: health.status };
  const info: { name: string; value: string }[] = [];
  if (obj.kind === 'Pod') {
    node.images = podImages(obj);
    const statuses: any[] = obj.status?.containerStatuses ?? [];
    const ready = statuses.filter(s => s.ready).length;
    const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
    info.push({ name: 'Status Reason', value: podStatusReason(obj) });
    info.push({ name: 'Node', value: obj.spec?.nodeName ?? '' });
    info.push({
      name: 'Containers',
      value: `${ready}/${(obj.spec?.containers ?? []).length}`,
    });
    if (restarts > 0)
      info.push({ name: 'Restart Count', value: String(restarts) });
    node.networkingInfo = { labels: { ...(obj.metadata.labels ?? {}) } };
  }
  if (obj.kind === 'ReplicaSet') {
    const rev =
      obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ??
      obj.metadata.annotations?.['rollout.argoproj.io/revision'];
    if (rev) info.push({ name: 'Revision', value: `Rev:${rev}` });
  }
  if (obj.kind === 'Service') {
    node.networkingInfo = {
      targetLabels: { ...(obj.spec?.selector ?? {}) },
      ...(obj.status?.loadBalancer?.ingress?.length
        ? { ingress: obj.status.loadBalancer.ingress }
        : {}),
    };
  }
  if (obj.kind === 'Ingress') {
    const hosts = (obj.spec?.rules ?? [])
      .map((r: any) => r.host)
      .filter(Boolean);
    node.networkingInfo = {
      externalURLs: hosts.map((h: string) => `http://${h}/`),
    };
  }
  if (obj.kind === 'Rollout') {
    const st = obj.status ?? {};
    if (st.phase) info.push({ name: 'Status', value: st.phase });
    const steps = obj.spec?.strategy?.canary?.steps;
    if (steps && st.currentStepIndex !== undefined)
      info.push({
        name: 'Step',
        value: `${st.currentStepIndex}/${steps.length}`,
      });
  }
  if (info.length) node.info = info;
  return node;
}

/** Sorted, de-duplicated images of every live Pod in the tree (init containers included). */
export function summaryImages(tree: { nodes: ResourceNode[] }): string[] {
  const set = new Set<string>();
  for (const n of tree.nodes)
    if (n.kind === 'Pod') for (const i of n.images ?? []) set.add(i);
  return [...set].sort();
}

/**
 * The tree as the API sends it: Go's `omitempty` leaves out `nodes`, `orphanedNodes` and `hosts` when they
 * are empty (orphaned nodes are only filled when the project monitors orphaned resources).
 */
export function wireTree(tree: any): any {
  const out: any = {};
  for (const [k, v] of Object.entries(tree))
    if (!(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}
