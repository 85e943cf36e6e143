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
  /** Indexes, so that recording stays cheap with thousands of objects: by repeat key and by involved uid. */
  private readonly byRepeat = new Map<string, KubeEvent>();
  private readonly byUid = new Map<string, KubeEvent[]>();
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
    const repeatKey = `${uid}\u0000${reason}\u0000${message}`;
    const existing = this.byRepeat.get(repeatKey);
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
    this.byRepeat.set(repeatKey, event);
    const forUid = this.byUid.get(uid);
    if (forUid) forUid.push(event);
    else this.byUid.set(uid, [event]);
    if (this.events.length > this.max)
      for (const old of this.events.splice(0, this.events.length - this.max))
        this.unindex(old);
    this.notify(event);
    return event;
  }

  private unindex(e: KubeEvent) {
    const uid = e.involvedObject.uid;
    const key = `${uid}\u0000${e.reason}\u0000${e.message}`;
    if (this.byRepeat.get(key) === e) this.byRepeat.delete(key);
    const rest = (this.byUid.get(uid) ?? []).filter(x => x !== e);
    if (rest.length) this.byUid.set(uid, rest);
    else this.byUid.delete(uid);
  }

  private notify(e: KubeEvent) {
    for (const l of [...this.listeners]) l(e);
  }

  forObject(uid: string): KubeEvent[] {
    return [...(this.byUid.get(uid) ?? [])];
  }

  forInvolved(namespace: string, name: string, uid: string): KubeEvent[] {
    return (this.byUid.get(uid) ?? []).filter(
      e =>
        e.involvedObject.name === name &&
        e.involvedObject.namespace === namespace,
    );
  }

  all(): KubeEvent[] {
    return [...this.events];
  }

  clear(): void {
    this.events = [];
    this.byRepeat.clear();
    this.byUid.clear();
  }
}
