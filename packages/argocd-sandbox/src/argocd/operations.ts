/* eslint-disable @typescript-eslint/no-explicit-any */
import type { K8sObject } from '../cluster/types.ts';
import { refOf } from '../cluster/types.ts';
import { clone } from '../util/json.ts';
import { rfc3339 } from '../util/time.ts';
import { normalizeTarget } from './apply.ts';
import type { AppController } from './controller.ts';
import { applySync } from './syncApply.ts';

/** Runs sync operations recorded on Applications (the controller's half of Sync), and cascading deletes. */
export class OperationRunner {
  private readonly running = new Set<string>();

  private readonly ctl: AppController;

  constructor(ctl: AppController) {
    this.ctl = ctl;
    ctl.autoSync = (name, revision, prune) => {
      const app = ctl.apps.peek(name);
      if (!app || app.operation) return;
      ctl.apps.update(name, a => {
        a.operation = {
          sync: {
            revision,
            prune,
            syncOptions: a.spec?.syncPolicy?.syncOptions,
          },
          initiatedBy: { automated: true },
          retry: {},
        };
        if (!a.operation.sync.syncOptions) delete a.operation.sync.syncOptions;
      });
      this.kick(name);
    };
  }

  /** Starts running the app's recorded operation, unless one is already running. */
  kick(name: string): void {
    if (this.running.has(name)) return;
    this.running.add(name);
    void this.run(name).finally(() => this.running.delete(name));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => this.ctl.clock.setTimeout(resolve, ms));
  }

  private terminated(name: string): boolean {
    return (
      this.ctl.apps.peek(name)?.status?.operationState?.phase === 'Terminating'
    );
  }

  private async run(name: string): Promise<void> {
    const { apps, clock } = this.ctl;
    const app = apps.peek(name);
    const op = app?.operation;
    if (!app || !op?.sync) return;
    const startedAt = rfc3339(clock.now());
    const sync = op.sync;
    const src = app.spec.source;
    const revisionAsked = sync.revision || src?.targetRevision || 'HEAD';
    apps.update(name, a => {
      a.status = a.status ?? {};
      a.status.operationState = {
        operation: clone(op),
        phase: 'Running',
        message: '',
        startedAt,
        retryCount: 0,
      };
    });
    const who = op.initiatedBy?.automated
      ? 'automated'
      : op.initiatedBy?.username ?? 'admin';
    this.ctl.appEvent(
      app,
      'Normal',
      'OperationStarted',
      `${
        op.initiatedBy?.automated ? 'Initiated automated' : `${who} initiated`
      } sync to ${revisionAsked}`,
    );
    const fail = (message: string, syncResult?: any) =>
      this.finish(name, 'Failed', message, syncResult, startedAt);
    await this.sleep(this.ctl.options.syncDelayMs);
    if (this.terminated(name)) {
      fail('Operation terminated');
      return;
    }
    const current = apps.peek(name);
    if (!current) return;
    let sha: string;
    let targets: K8sObject[];
    try {
      sha = await this.ctl.generator.git.resolveRevision(
        src.repoURL,
        revisionAsked,
        true,
      );
      const gen = await this.ctl.generator.generate(src, sha);
      targets = gen.objects.map(o =>
        normalizeTarget(
          name,
          o,
          current.spec.destination?.namespace ?? 'default',
        ),
      );
    } catch (e) {
      fail(
        `ComparisonError: Failed to load target state: failed to generate manifest for source 1 of 1: ${
          (e as Error).message
        }`,
      );
      return;
    }
    if (this.terminated(name)) {
      fail('Operation terminated');
      return;
    }
    const results = applySync(this.ctl, name, targets, sync);
    const failed = results.filter(r => r.status === 'SyncFailed');
    const syncResult = {
      resources: results,
      revision: sha,
      source: clone(src),
    };
    if (failed.length) {
      fail(
        `one or more objects failed to apply, reason: ${failed
          .map(f => f.message)
          .join(', ')}`,
        syncResult,
      );
      return;
    }
    this.finish(
      name,
      'Succeeded',
      'successfully synced (all tasks run)',
      syncResult,
      startedAt,
    );
  }

  private finish(
    name: string,
    phase: 'Succeeded' | 'Failed',
    message: string,
    syncResult: any,
    startedAt: string,
  ): void {
    const { apps, clock } = this.ctl;
    const finishedAt = rfc3339(clock.now());
    const app = apps.update(name, a => {
      const op = a.operation ?? a.status?.operationState?.operation;
      a.status.operationState = {
        ...(a.status.operationState ?? {}),
        operation: op,
        phase,
        message,
        startedAt,
        finishedAt,
        ...(syncResult ? { syncResult } : {}),
      };
      const sync = op?.sync ?? {};
      if (
        phase === 'Succeeded' &&
        !sync.dryRun &&
        !sync.resources?.length &&
        syncResult
      ) {
        const history: any[] = a.status.history ?? [];
        const id = history.length ? history[history.length - 1].id + 1 : 0;
        history.push({
          id,
          revision: syncResult.revision,
          deployedAt: finishedAt,
          deployStartedAt: startedAt,
          source: clone(a.spec.source),
          initiatedBy: op?.initiatedBy ?? {},
        });
        const limit = a.spec.revisionHistoryLimit ?? 10;
        a.status.history = history.slice(Math.max(0, history.length - limit));
      }
      delete a.operation;
    });
    if (app) {
      const rev =
        syncResult?.revision ??
        app.status?.operationState?.operation?.sync?.revision ??
        '';
      this.ctl.appEvent(
        app,
        phase === 'Succeeded' ? 'Normal' : 'Warning',
        'OperationCompleted',
        phase === 'Succeeded'
          ? `Sync operation to ${rev} succeeded`
          : `Sync operation to ${rev} failed: ${message}`,
      );
      // Like Argo CD's controller after an operation (CompareWithLatestForceResolve): compare again with the
      // branch head resolved afresh, not from the revision cache, so the app shows Synced right away.
      void this.ctl.compare(name, true);
    }
  }

  /** Cascading delete: deletionTimestamp first, then the managed resources and the app go. */
  async deleteCascade(
    name: string,
    propagation: 'foreground' | 'background',
  ): Promise<void> {
    await this.sleep(this.ctl.options.deleteDelayMs);
    for (const l of this.ctl.managedLive(name))
      this.ctl.sim.store.delete(refOf(l as K8sObject), propagation);
    const app = this.ctl.apps.peek(name);
    if (app)
      this.ctl.appEvent(
        app,
        'Normal',
        'ResourceDeleted',
        'admin deleted application',
        'argocd-server',
      );
    this.ctl.releaseResourcesFinalizer(name);
  }
}
