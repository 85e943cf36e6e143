import { InputError, NotFoundError } from '@backstage/errors';
import type { operations } from '@internal/plugin-app-center-common';
import type { LogQuery, ResourceNode } from '../argocd';
import type { AppLocation } from './ResourceService';

/** Argo CD refuses more (server.maxPodLogsToRender, 10 by default); say so before, with the count. */
export const MAX_PODS = 10;

/** What a caller asks of the logs route (its query, less download), and where a reconnect resumes. */
export type PodLogRequest = Omit<
  NonNullable<operations['streamLogs']['parameters']['query']>,
  'download'
> & {
  /** The id of the last event a reconnecting client got (the line's timestamp): no line is sent twice. */
  after?: string;
};

/** One line of the merged stream. */
export interface PodLogLine {
  pod: string;
  timestamp: string;
  content: string;
}

const key = (n: {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
}) => `${n.group ?? ''}/${n.kind}/${n.namespace ?? ''}/${n.name}`;

/** The Pods of the tree that are `start` or descend from it (through parentRefs). */
function podsUnder(nodes: ResourceNode[], start: (n: ResourceNode) => boolean) {
  const byKey = new Map(nodes.map(n => [key(n), n]));
  const matches = (n: ResourceNode, seen = new Set<string>()): boolean => {
    if (start(n)) return true;
    if (seen.has(key(n))) return false;
    seen.add(key(n));
    return (n.parentRefs ?? []).some(p => {
      const parent = byKey.get(key(p));
      return !!parent && matches(parent, seen);
    });
  };
  return nodes.filter(
    n => n.kind === 'Pod' && (n.group ?? '') === '' && matches(n),
  );
}

/**
 * Opens an app's pod logs after checking what Argo CD would answer with an empty or cut stream: no pod
 * matches, too many pods match, or the container does not exist (the pod's containers are named). The
 * lines are pulled one by one from Argo CD's stream, so a slow client slows the upstream read and the
 * backend holds no backlog.
 */
export async function openPodLogs(
  { target, application }: AppLocation,
  request: PodLogRequest,
  signal: AbortSignal,
): Promise<{ pods: string[]; lines: AsyncGenerator<PodLogLine> }> {
  const options = { project: target.appProject };
  if (!request.pod && !(request.kind && request.name))
    throw new InputError(
      'say whose logs: pod=<name>, or kind and name of a workload for all of its pods',
    );
  const tree = await target.argocd.resourceTree(application, options);
  const nodes = tree.nodes ?? [];
  const pods = request.pod
    ? nodes.filter(n => n.kind === 'Pod' && n.name === request.pod)
    : podsUnder(
        nodes,
        n =>
          n.kind === request.kind &&
          n.name === request.name &&
          (n.group ?? '') === (request.group ?? ''),
      );
  const what = request.pod
    ? `pod ${request.pod}`
    : `${request.kind}/${request.name}`;
  if (!pods.length)
    throw new NotFoundError(`no pod of ${what} runs in the app right now`);
  if (pods.length > MAX_PODS)
    throw new InputError(
      `${pods.length} pods match ${what}; logs of at most ${MAX_PODS} pods can be merged: pick one pod`,
    );
  if (request.container) {
    const pod = await target.argocd.getResource(
      application,
      {
        group: '',
        version: 'v1',
        kind: 'Pod',
        namespace: pods[0].namespace,
        resourceName: pods[0].name!,
      },
      options,
    );
    const spec = (pod.spec ?? {}) as {
      containers?: Array<{ name: string }>;
      initContainers?: Array<{ name: string }>;
    };
    const names = [
      ...(spec.containers ?? []),
      ...(spec.initContainers ?? []),
    ].map(c => c.name);
    if (!names.includes(request.container))
      throw new InputError(
        `pod ${pods[0].name} has no container "${
          request.container
        }"; its containers: ${names.join(', ')}`,
      );
  }
  const afterSeconds = request.after ? Date.parse(request.after) : NaN;
  const query: LogQuery = {
    ...(request.pod
      ? { podName: request.pod, namespace: pods[0].namespace }
      : {
          kind: request.kind,
          group: request.group ?? '',
          resourceName: request.name,
          namespace: pods[0].namespace,
        }),
    container: request.container,
    follow: request.follow,
    previous: request.previous,
    filter: request.filter,
    // a reconnect resumes from the last line it got rather than the tail
    ...(Number.isFinite(afterSeconds)
      ? { 'sinceTime.seconds': Math.floor(afterSeconds / 1000) }
      : { tailLines: request.tailLines, sinceSeconds: request.sinceSeconds }),
  };
  const upstream = target.argocd.podLogs(application, query, {
    ...options,
    signal,
  });
  async function* lines(): AsyncGenerator<PodLogLine> {
    for await (const e of upstream) {
      const timestamp = e.timeStampStr ?? e.timeStamp ?? '';
      // RFC 3339 with nanoseconds in one zone compares as text: drop what a reconnecting client has
      if (request.after && timestamp && timestamp <= request.after) continue;
      yield { pod: e.podName ?? '', timestamp, content: e.content ?? '' };
    }
  }
  return { pods: pods.map(p => p.name!), lines: lines() };
}
