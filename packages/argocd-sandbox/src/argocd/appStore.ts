/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Clock } from '../util/clock.ts';
import { newUid } from '../util/ids.ts';
import { clone } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';

export const ARGOCD_NAMESPACE = 'argocd';
export type Application = any;
export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type AppListener = (type: WatchType, app: Application) => void;

/** The Application custom resources (in the `argocd` namespace) with resourceVersion and watch events. */
export class AppStore {
  private readonly apps = new Map<string, Application>();
  private readonly listeners = new Set<AppListener>();
  private rv = 5000;

  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  onChange(fn: AppListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(type: WatchType, app: Application) {
    for (const l of [...this.listeners]) l(type, clone(app));
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  has(name: string): boolean {
    return this.apps.has(name);
  }

  get(name: string): Application | undefined {
    const a = this.apps.get(name);
    return a ? clone(a) : undefined;
  }

  /** Read-only access. */
  peek(name: string): Readonly<Application> | undefined {
    return this.apps.get(name);
  }

  names(): string[] {
    return [...this.apps.keys()].sort();
  }

  list(): Application[] {
    return this.names().map(n => clone(this.apps.get(n)));
  }

  peekAll(): Readonly<Application>[] {
    return this.names().map(n => this.apps.get(n));
  }

  create(app: Application): Application {
    const a = clone(app);
    a.metadata.namespace = ARGOCD_NAMESPACE;
    a.metadata.uid = newUid();
    a.metadata.generation = 1;
    a.metadata.creationTimestamp = rfc3339(this.clock.now());
    a.metadata.resourceVersion = String(++this.rv);
    a.status = a.status ?? {};
    this.apps.set(a.metadata.name, a);
    this.emit('ADDED', a);
    return clone(a);
  }

  /** Applies `fn` to a copy; stores and emits MODIFIED only if something changed. */
  update(name: string, fn: (a: Application) => void): Application | undefined {
    const cur = this.apps.get(name);
    if (!cur) return undefined;
    const next = clone(cur);
    fn(next);
    if (JSON.stringify(next) === JSON.stringify(cur)) return clone(cur);
    if (JSON.stringify(next.spec) !== JSON.stringify(cur.spec))
      next.metadata.generation = (cur.metadata.generation ?? 1) + 1;
    next.metadata.resourceVersion = String(++this.rv);
    this.apps.set(name, next);
    this.emit('MODIFIED', next);
    return clone(next);
  }

  delete(name: string): boolean {
    const cur = this.apps.get(name);
    if (!cur) return false;
    this.apps.delete(name);
    this.rv++;
    this.emit('DELETED', cur);
    return true;
  }

  clear(): void {
    for (const n of this.names()) this.delete(n);
  }
}
