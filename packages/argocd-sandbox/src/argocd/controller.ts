/* eslint-disable @typescript-eslint/no-explicit-any */
import { worstHealth } from '../cluster/health.ts';
import type { Simulator } from '../cluster/simulator.ts';
import type { K8sObject } from '../cluster/types.ts';
import { objKey } from '../cluster/types.ts';
import type { ManifestGenerator } from '../repo/manifests.ts';
import type { Clock } from '../util/clock.ts';
import { CostBound } from '../util/costBound.ts';
import { RESOURCES_FINALIZER } from './finalizers.ts';
import { rfc3339 } from '../util/time.ts';
import {
  appOfTracking,
  normalizeTarget,
  TRACKING_ANNOTATION,
} from './apply.ts';
import type { Comparison } from './appStatus.ts';
import {
  appSyncStatus,
  resourceStatuses,
  writeAppStatus,
} from './appStatus.ts';
import type { AppStore } from './appStore.ts';
import { ARGOCD_NAMESPACE } from './appStore.ts';
import { buildTree, summaryImages } from './tree.ts';

export interface ControllerOptions {
  /** Time a sync operation stays Running before it applies (default 300 ms). */
  syncDelayMs: number;
  /** Time a cascading delete keeps the app visible with deletionTimestamp (default 300 ms). */
  deleteDelayMs: number;
  /** Interval of the periodic comparison with git (default 10 s; 0 turns it off). */
  reconcileIntervalMs: number;
  /** Minimum time between two self-heal syncs of one app (default 2 s). */
  selfHealBackoffMs: number;
}

export const DEFAULT_CONTROLLER_OPTIONS: ControllerOptions = {
  syncDelayMs: 300,
  deleteDelayMs: 300,
  reconcileIntervalMs: 10_000,
  selfHealBackoffMs: 2000,
};

/**
 * The application controller: compares git (through the manifest generator) with the simulated cluster and
 * keeps `status` (sync, health, resources, summary, conditions) up to date; triggers auto-sync.
 */
export class AppController {
  readonly comparisons = new Map<string, Comparison>();
  private readonly managed = new Map<string, Set<string>>();
  private readonly keyOwner = new Map<string, string>();
  private readonly statusTimers = new Map<string, { cancel(): void }>();
  /** Per app: how expensive its status is, so that a 10,000-node app does not block the process. */
  private readonly statusCosts = new Map<string, CostBound>();
  private readonly autoSynced = new Map<
    string,
    { revision: string; at: number }
  >();
  private interval: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;
  /** Set by the operation runner, which the controller calls for auto-sync. */
  autoSync: (name: string, revision: string, prune: boolean) => void = () => {};

  readonly apps: AppStore;
  readonly sim: Simulator;
  readonly generator: ManifestGenerator;
  readonly clock: Clock;
  readonly options: ControllerOptions;

  constructor(
    apps: AppStore,
    sim: Simulator,
    generator: ManifestGenerator,
    clock: Clock,
    options: ControllerOptions,
  ) {
    this.apps = apps;
    this.sim = sim;
    this.generator = generator;
    this.clock = clock;
    this.options = options;
    this.unsubscribe = sim.store.onChange((type, obj) =>
      this.onClusterChange(type, obj),
    );
  }

  start(): void {
    if (this.options.reconcileIntervalMs > 0) {
      this.interval = setInterval(
        () => void this.compareAll(),
        this.options.reconcileIntervalMs,
      );
      this.interval.unref();
    }
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    for (const t of this.statusTimers.values()) t.cancel();
    this.statusTimers.clear();
    this.unsubscribe();
  }

  /**
   * Takes the resources finalizer off an app being deleted, as the controller does once its resources are
   * gone. Kubernetes then removes the object only when no finalizer is left: one that nobody handles (a
   * misspelt one, say) keeps it, with its deletionTimestamp, for ever.
   */
  releaseResourcesFinalizer(name: string): void {
    const app = this.apps.peek(name);
    if (!app) return;
    const rest = (app.metadata.finalizers ?? []).filter(
      (f: string) => !f.startsWith(RESOURCES_FINALIZER),
    );
    if (rest.length) {
      this.apps.update(name, a => (a.metadata.finalizers = rest));
      return;
    }
    this.apps.delete(name);
    this.forget(name);
  }

  forget(name: string): void {
    this.comparisons.delete(name);
    this.autoSynced.delete(name);
    this.statusTimers.get(name)?.cancel();
    this.statusTimers.delete(name);
    this.statusCosts.delete(name);
  }

  private onClusterChange(type: string, obj: K8sObject) {
    const key = objKey(obj);
    const tracked = appOfTracking(obj);
    const previous = this.keyOwner.get(key);
    if (previous && (previous !== tracked || type === 'DELETED')) {
      this.managed.get(previous)?.delete(key);
      this.keyOwner.delete(key);
      this.scheduleStatus(previous);
    }
    if (tracked) {
      let s = this.managed.get(tracked);
      if (!s) this.managed.set(tracked, (s = new Set()));
      if (type !== 'DELETED') {
        s.add(key);
        this.keyOwner.set(key, tracked);
      }
      this.scheduleStatus(tracked);
      return;
    }
    // a descendant (ReplicaSet, Pod): find the managed ancestor
    let cur: Readonly<K8sObject> | undefined = obj;
    for (let i = 0; i < 5 && cur; i++) {
      const owner: any = cur.metadata.ownerReferences?.[0];
      if (!owner) break;
      cur = this.sim.store.peekByUid(owner.uid);
      const app = cur ? appOfTracking(cur) : undefined;
      if (app) {
        this.scheduleStatus(app);
        return;
      }
    }
  }

  /** Recomputes the status from the last comparison and the live state, soon (coalesced per app). */
  scheduleStatus(name: string): void {
    if (this.statusTimers.has(name) || !this.apps.has(name)) return;
    let cost = this.statusCosts.get(name);
    if (!cost) this.statusCosts.set(name, (cost = new CostBound()));
    const bound = cost;
    this.statusTimers.set(
      name,
      this.clock.setTimeout(() => {
        this.statusTimers.delete(name);
        bound.run(() => this.updateStatus(name));
      }, bound.delayMs()),
    );
  }

  managedLive(name: string): Readonly<K8sObject>[] {
    const out: Readonly<K8sObject>[] = [];
    for (const key of this.managed.get(name) ?? []) {
      const [group, kind, namespace, ...rest] = key.split('/');
      const o = this.sim.store.peek({
        group,
        kind,
        namespace,
        name: rest.join('/'),
      });
      if (
        o &&
        o.metadata.annotations?.[TRACKING_ANNOTATION]?.startsWith(`${name}:`)
      )
        out.push(o);
    }
    return out;
  }

  tree(name: string): any {
    return buildTree(
      this.sim.store,
      this.managedLive(name),
      this.sim.options.nodes,
    );
  }

  async compareAll(): Promise<void> {
    for (const name of this.apps.names()) {
      const app = this.apps.peek(name);
      if (app && !app.metadata.deletionTimestamp)
        await this.compare(name, false).catch(() => undefined);
    }
  }

  /** Compares git with the cluster (a "refresh"); `hard` skips the revision cache. */
  async compare(name: string, hard: boolean): Promise<void> {
    const app = this.apps.peek(name);
    if (!app) return;
    const src = app.spec?.source;
    const dest = app.spec?.destination ?? {};
    let cmp: Comparison;
    try {
      if (!src?.repoURL)
        throw new Error(
          'spec.source.repoURL is required (multi-source and hydrator apps are not simulated)',
        );
      const sha = await this.generator.git.resolveRevision(
        src.repoURL,
        src.targetRevision,
        hard,
      );
      const gen = await this.generator.generate(src, sha);
      cmp = {
        revision: sha,
        sourceType: gen.sourceType,
        targets: gen.objects.map(o =>
          normalizeTarget(name, o, dest.namespace ?? 'default'),
        ),
      };
    } catch (e) {
      cmp = {
        error: `Failed to load target state: failed to generate manifest for source 1 of 1: ${
          (e as Error).message
        }`,
      };
    }
    if (!this.apps.has(name)) return;
    this.comparisons.set(name, cmp);
    this.updateStatus(name, true);
  }

  /** Computes sync and health status from the last comparison and the live objects. */
  updateStatus(name: string, reconciled = false): void {
    const app = this.apps.peek(name);
    if (!app) return;
    const cmp = this.comparisons.get(name) ?? {};
    const now = rfc3339(this.clock.now());
    const resources = resourceStatuses(
      cmp.targets,
      this.managedLive(name),
      ref => this.sim.store.peek(ref),
    );
    const syncStatus = appSyncStatus(cmp, resources);
    const health = worstHealth(resources.map(r => r.health));
    const images = summaryImages(this.tree(name));
    const prevHealth = app.status?.health?.status;
    const prevSync = app.status?.sync?.status;
    const updated = this.apps.update(name, a =>
      writeAppStatus(a, {
        cmp,
        resources,
        syncStatus,
        health,
        images,
        prevHealth,
        now,
        reconciled,
      }),
    );
    if (!updated) return;
    if (prevSync !== syncStatus)
      this.appEvent(
        updated,
        'Normal',
        'ResourceUpdated',
        `Updated sync status: ${prevSync ?? ''} -> ${syncStatus}`,
      );
    if (prevHealth !== health)
      this.appEvent(
        updated,
        health === 'Degraded' ? 'Warning' : 'Normal',
        'ResourceUpdated',
        `Updated health status: ${prevHealth ?? ''} -> ${health}`,
      );
    this.maybeAutoSync(updated, syncStatus, cmp);
  }

  private maybeAutoSync(app: any, syncStatus: string, cmp: Comparison) {
    const auto = app.spec?.syncPolicy?.automated;
    if (
      !auto ||
      auto.enabled === false ||
      syncStatus !== 'OutOfSync' ||
      !cmp.revision
    )
      return;
    if (app.operation || app.metadata.deletionTimestamp) return;
    const last = this.autoSynced.get(app.metadata.name);
    const syncedRev = app.status?.operationState?.syncResult?.revision;
    const now = this.clock.now();
    if (syncedRev === cmp.revision || last?.revision === cmp.revision) {
      if (!auto.selfHeal) return;
      if (last && now - last.at < this.options.selfHealBackoffMs) return;
    }
    this.autoSynced.set(app.metadata.name, { revision: cmp.revision, at: now });
    this.autoSync(app.metadata.name, cmp.revision, !!auto.prune);
  }

  appEvent(
    app: any,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component = 'argocd-application-controller',
  ): void {
    this.sim.events.record(
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: app.metadata.name,
          namespace: ARGOCD_NAMESPACE,
          uid: app.metadata.uid,
          resourceVersion: app.metadata.resourceVersion,
        },
      },
      type,
      reason,
      message,
      component,
    );
  }
}
