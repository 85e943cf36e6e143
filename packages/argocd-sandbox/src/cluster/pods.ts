/* eslint-disable @typescript-eslint/no-explicit-any */
import { clone } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import type { SimContext } from './context.ts';
import { ownerRef } from './store.ts';
import type { K8sObject } from './types.ts';

/** An image whose tag contains `bad` never pulls. */
export function isBadImage(image: string | undefined): boolean {
  if (!image) return false;
  const ref = image.split('@')[0];
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon <= lastSlash) return false;
  return ref.slice(colon + 1).includes('bad');
}

export function podImages(pod: Readonly<K8sObject>): string[] {
  const spec = pod.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
    .map((c: any) => c.image)
    .filter(Boolean);
}

export function isPodReady(pod: Readonly<K8sObject>): boolean {
  return (pod.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

export function podTemplateLabels(template: any): Record<string, string> {
  return { ...(template?.metadata?.labels ?? {}) };
}

/** Creates a Pod from a template, owned by `owner`, initially Pending with containers being created. */
export function createPod(
  ctx: SimContext,
  owner: K8sObject,
  template: any,
  name: string,
  extraLabels: Record<string, string>,
  nodeName?: string,
): K8sObject {
  const spec = clone(template?.spec ?? {});
  const node = nodeName ?? ctx.options.nodes[0];
  const labels = { ...podTemplateLabels(template), ...extraLabels };
  const now = rfc3339(ctx.clock.now());
  const pod: K8sObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels,
      ...(template?.metadata?.annotations
        ? { annotations: { ...template.metadata.annotations } }
        : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec: {
      ...spec,
      nodeName: node,
      restartPolicy: spec.restartPolicy ?? 'Always',
      serviceAccountName: spec.serviceAccountName ?? 'default',
    },
    status: {
      phase: 'Pending',
      hostIP: '10.0.0.10',
      startTime: now,
      qosClass: 'BestEffort',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        {
          type: 'Initialized',
          status: spec.initContainers?.length ? 'False' : 'True',
          lastTransitionTime: now,
        },
        {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          lastTransitionTime: now,
        },
        {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          lastTransitionTime: now,
        },
      ],
      ...(spec.initContainers?.length
        ? {
            initContainerStatuses: spec.initContainers.map((c: any) =>
              containerStatus(c, 'PodInitializing'),
            ),
          }
        : {}),
      containerStatuses: (spec.containers ?? []).map((c: any) =>
        containerStatus(c, 'ContainerCreating'),
      ),
    },
  };
  const created = ctx.store.create(pod);
  ctx.events.record(
    created,
    'Normal',
    'Scheduled',
    `Successfully assigned ${created.metadata.namespace}/${name} to ${node}`,
    'default-scheduler',
  );
  return created;
}

function containerStatus(c: any, reason: string) {
  return {
    name: c.name,
    image: c.image,
    imageID: '',
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason } },
  };
}

/** Moves a pod on after its start-up delay: Running and ready, or stuck on ImagePullBackOff for a bad image. */
export function startPod(ctx: SimContext, pod: K8sObject): void {
  const now = rfc3339(ctx.clock.now());
  const all = [
    ...(pod.spec.initContainers ?? []),
    ...(pod.spec.containers ?? []),
  ];
  const bad = all.find((c: any) => isBadImage(c.image));
  for (const c of all) {
    ctx.events.record(
      pod,
      'Normal',
      'Pulling',
      `Pulling image "${c.image}"`,
      'kubelet',
      fieldPath(pod, c),
    );
  }
  if (bad) {
    const msg = `Back-off pulling image "${bad.image}"`;
    ctx.events.record(
      pod,
      'Warning',
      'Failed',
      `Failed to pull image "${bad.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${bad.image}": not found`,
      'kubelet',
      fieldPath(pod, bad),
    );
    ctx.events.record(
      pod,
      'Warning',
      'Failed',
      'Error: ErrImagePull',
      'kubelet',
      fieldPath(pod, bad),
    );
    ctx.events.record(
      pod,
      'Normal',
      'BackOff',
      msg,
      'kubelet',
      fieldPath(pod, bad),
    );
    ctx.events.record(
      pod,
      'Warning',
      'Failed',
      'Error: ImagePullBackOff',
      'kubelet',
      fieldPath(pod, bad),
    );
    const waiting = (c: any) =>
      isBadImage(c.image)
        ? { waiting: { reason: 'ImagePullBackOff', message: msg } }
        : undefined;
    pod.status.initContainerStatuses = pod.status.initContainerStatuses?.map(
      (s: any) => ({
        ...s,
        state: waiting(s) ?? s.state,
      }),
    );
    if (!pod.status.initContainerStatuses)
      delete pod.status.initContainerStatuses;
    const initBad = (pod.spec.initContainers ?? []).some((c: any) =>
      isBadImage(c.image),
    );
    pod.status.containerStatuses = pod.status.containerStatuses.map(
      (s: any) => ({
        ...s,
        state:
          waiting(s) ??
          (initBad ? { waiting: { reason: 'PodInitializing' } } : s.state),
      }),
    );
    ctx.store.update(pod);
    return;
  }
  for (const c of all) {
    ctx.events.record(
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${c.image}" in 812ms (812ms including waiting)`,
      'kubelet',
      fieldPath(pod, c),
    );
    ctx.events.record(
      pod,
      'Normal',
      'Created',
      `Created container: ${c.name}`,
      'kubelet',
      fieldPath(pod, c),
    );
    ctx.events.record(
      pod,
      'Normal',
      'Started',
      `Started container ${c.name}`,
      'kubelet',
      fieldPath(pod, c),
    );
  }
  const digest = (image: string) =>
    `${image.split(':')[0]}@sha256:${'0'.repeat(64)}`;
  pod.status.phase = 'Running';
  pod.status.podIP = `10.244.0.${10 + (hashCode(pod.metadata.name) % 240)}`;
  pod.status.podIPs = [{ ip: pod.status.podIP }];
  pod.status.conditions = pod.status.conditions.map((c: any) => ({
    type: c.type,
    status: 'True',
    lastTransitionTime: now,
  }));
  if (pod.status.initContainerStatuses) {
    pod.status.initContainerStatuses = pod.status.initContainerStatuses.map(
      (s: any) => ({
        ...s,
        imageID: digest(s.image),
        ready: true,
        started: false,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: now,
            finishedAt: now,
          },
        },
      }),
    );
  }
  pod.status.containerStatuses = pod.status.containerStatuses.map((s: any) => ({
    ...s,
    imageID: digest(s.image),
    ready: true,
    started: true,
    state: { running: { startedAt: now } },
  }));
  ctx.store.update(pod);
}

function fieldPath(pod: K8sObject, c: any): string {
  const init = (pod.spec.initContainers ?? []).some(
    (i: any) => i.name === c.name,
  );
  return `spec.${init ? 'initContainers' : 'containers'}{${c.name}}`;
}

function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

/** The pod's "Status Reason" as kubectl and Argo CD show it. */
export function podStatusReason(pod: Readonly<K8sObject>): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const init = pod.status?.initContainerStatuses ?? [];
  const initCount = init.length;
  for (let i = 0; i < initCount; i++) {
    const s = init[i];
    if (s.state?.terminated?.exitCode === 0) continue;
    if (
      s.state?.waiting?.reason &&
      s.state.waiting.reason !== 'PodInitializing'
    ) {
      return `Init:${s.state.waiting.reason}`;
    }
    return `Init:${i}/${initCount}`;
  }
  for (const s of pod.status?.containerStatuses ?? []) {
    if (s.state?.waiting?.reason) return s.state.waiting.reason;
    if (s.state?.terminated?.reason) return s.state.terminated.reason;
  }
  return pod.status?.phase ?? 'Unknown';
}
