import { setTimeout as pause } from 'node:timers/promises';
import type { Application, ArgoCDClient } from '../argocd';

/** Longest pause between two polls while nothing watched changes (as the per-app watch had). */
const MAX_POLL_MS = 500;

type Waiter = {
  resolve: (app: Application | undefined) => void;
  reject: (error: unknown) => void;
};

/** What one watch covers: the Applications of one environment, read from one Argo CD instance. */
export interface WatchScope {
  client: ArgoCDClient;
  appProject: string;
  /** Label selector covering every app the watch serves (the environment's). */
  selector: string;
}

/**
 * The health watch of the deploy tasks of one environment, shared by every task of this process: ONE Argo
 * CD list call per poll answers every app waiting (of one batch or of many concurrent tasks), instead of one
 * read per app and poll. A lone app is read on its own (cheaper than listing the environment). Polls run
 * while someone waits; the pause between them starts at `pollMs` and grows while nothing watched changes
 * (back to `pollMs` when something does).
 */
export class ApplicationWatch {
  private waiting = new Map<string, Waiter[]>();
  private running = false;
  private interval: number;
  private readonly versions = new Map<string, string | undefined>();

  constructor(
    private readonly scope: WatchScope,
    private readonly pollMs = 100,
  ) {
    this.interval = pollMs;
  }

  /**
   * The Application as read by the next poll; undefined when the list does not hold it (the caller reads
   * it on its own then, which also gives Argo CD's 404). Rejects with the signal's reason when it aborts.
   */
  next(
    application: string,
    signal: AbortSignal,
  ): Promise<Application | undefined> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      let onAbort = () => {};
      const waiter: Waiter = {
        resolve: app => {
          signal.removeEventListener('abort', onAbort);
          resolve(app);
        },
        reject: error => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      onAbort = () => {
        this.drop(application, waiter);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(application, [
        ...(this.waiting.get(application) ?? []),
        waiter,
      ]);
      if (!this.running) {
        this.running = true;
        // Joins everyone asking in this turn of the event loop into the first poll.
        setImmediate(() => this.loop());
      }
    });
  }

  private drop(application: string, waiter: Waiter) {
    const left = (this.waiting.get(application) ?? []).filter(
      w => w !== waiter,
    );
    if (left.length) this.waiting.set(application, left);
    else this.waiting.delete(application);
  }

  private async loop() {
    let first = true;
    while (this.waiting.size > 0) {
      if (!first) await pause(this.interval);
      first = false;
      const asked = this.waiting;
      this.waiting = new Map();
      if (asked.size === 0) continue;
      let apps: Application[];
      try {
        apps = await this.read([...asked.keys()]);
      } catch (error) {
        asked.forEach(ws => ws.forEach(w => w.reject(error)));
        continue;
      }
      const byName = new Map(apps.map(a => [a.metadata.name, a]));
      let changed = false;
      for (const [name, waiters] of asked) {
        const app = byName.get(name);
        const version = app?.metadata.resourceVersion;
        if (this.versions.get(name) !== version) changed = true;
        this.versions.set(name, version);
        waiters.forEach(w => w.resolve(app));
      }
      this.interval = changed
        ? this.pollMs
        : Math.min(MAX_POLL_MS, Math.round(this.interval * 1.5));
    }
    this.running = false;
  }

  private async read(names: string[]): Promise<Application[]> {
    const { client, appProject, selector } = this.scope;
    if (names.length === 1) {
      const one = await client
        .getApplication(names[0], { project: appProject })
        .catch(error => {
          // a missing app is the caller's to report (it reads the app itself)
          if ((error as { name?: string }).name === 'NotFoundError') return;
          throw error;
        });
      return one ? [one] : [];
    }
    return client.listApplications({ selector, projects: [appProject] });
  }
}

/** One {@link ApplicationWatch} per Argo CD instance, AppProject and selector, for the whole process. */
export class ApplicationWatches {
  private readonly watches = new Map<string, ApplicationWatch>();

  constructor(private readonly pollMs?: number) {}

  of(scope: WatchScope): ApplicationWatch {
    const key = `${scope.client.name}\n${scope.appProject}\n${scope.selector}`;
    let watch = this.watches.get(key);
    if (!watch) {
      watch = new ApplicationWatch(scope, this.pollMs);
      this.watches.set(key, watch);
    }
    return watch;
  }
}
