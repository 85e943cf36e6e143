import type { Clock } from '../util/clock.ts';
import { newUid, randomSuffix } from '../util/ids.ts';
import { rfc3339 } from '../util/time.ts';
import type { K8sObject } from './types.ts';

/** A Kubernetes Event as Argo CD hands it out (definition `eventsEvent`). */
export interface KubeEvent {
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    resourceVersion: string;
    creationTimestamp: string;
  };
  involvedObject: {
    kind: string;
    name: string;
    namespace: string;
    uid: string;
    apiVersion: string;
    resourceVersion?: string;
    fieldPath?: string;
  };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  eventTime: null;
  source: { component: string; host?: string };
  reportingComponent: string;
  reportingInstance: string;
}

/** Records events; repeats of the same reason and message for one object bump `count`. */
export class EventRecorder {
  private events: KubeEvent[] = [];
  private rv = 1;
  private readonly listeners = new Set<(e: KubeEvent) => void>();

  private readonly clock: Clock;
  private readonly max: number;

  constructor(clock: Clock, max = 20_000) {
    this.clock = clock;
    this.max = max;
  }

  onEvent(fn: (e: KubeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  record(
    obj: Pick<K8sObject, 'apiVersion' | 'kind' | 'metadata'>,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component: string,
    fieldPath?: string,
  ): KubeEvent {
    const now = rfc3339(this.clock.now());
    const uid = obj.metadata.uid ?? '';
    const existing = this.events.find(
      e =>
        e.involvedObject.uid === uid &&
        e.reason === reason &&
        e.message === message,
    );
    if (existing) {
      existing.count++;
      existing.lastTimestamp = now;
      existing.metadata.resourceVersion = String(++this.rv);
      this.notify(existing);
      return existing;
    }
    const namespace = obj.metadata.namespace ?? 'default';
    const event: KubeEvent = {
      metadata: {
        name: `${obj.metadata.name}.${randomSuffix(16)}`,
        namespace,
        uid: newUid(),
        resourceVersion: String(++this.rv),
        creationTimestamp: now,
      },
      involvedObject: {
        kind: obj.kind,
        name: obj.metadata.name,
        namespace,
        uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      eventTime: null,
      source: {
        component,
        ...(component === 'kubelet' ? { host: 'sandbox-node-1' } : {}),
      },
      reportingComponent: component,
      reportingInstance: '',
    };
    this.events.push(event);
    if (this.events.length > this.max)
      this.events.splice(0, this.events.length - this.max);
    this.notify(event);
    return event;
  }

  private notify(e: KubeEvent) {
    for (const l of [...this.listeners]) l(e);
  }

  forObject(uid: string): KubeEvent[] {
    return this.events.filter(e => e.involvedObject.uid === uid);
  }

  forInvolved(namespace: string, name: string, uid: string): KubeEvent[] {
    return this.events.filter(
      e =>
        e.involvedObject.uid === uid &&
        e.involvedObject.name === name &&
        e.involvedObject.namespace === namespace,
    );
  }

  all(): KubeEvent[] {
    return [...this.events];
  }

  clear(): void {
    this.events = [];
  }
}
