import type { Application, ArgoCDClient } from '../argocd';
import { sleep } from './argoSync';

/** Longest pause between two polls while nothing of the batch changes. */
const MAX_POLL_MS = 1000;

type Waiter = {
  resolve: (app: Application | undefined) => void;
  reject: (error: unknown) => void;
};

/**
 * The health watch of a batch deploy: ONE Argo CD list call per poll for every app of the batch, instead
 * of one read per app and poll. An app asks for its next state (`next`); every app waiting when a poll
 * starts is answered by that poll's list call. Polls run while someone waits; the pause between them
 * starts at `pollMs` and grows while nothing in the batch changes (back to `pollMs` when something does).
 */
export class ApplicationWatch {
  private waiting = new Map<string, Waiter[]>();
  private running = false;
  private interval: number;
  private versions = new Map<string, string | undefined>();

  constructor(
    private readonly options: {
      client: ArgoCDClient;
      appProject: string;
      /** Label selector covering every app of the batch (e.g. the environment's). */
      selector: string;
      signal: AbortSignal;
      pollMs?: number;
    },
  ) {
    this.interval = options.pollMs ?? 100;
  }

  /**
   * The Application as read by the next poll; undefined when the list does not hold it (the caller reads
   * it on its own then, which also gives Argo CD's 404).
   */
  next(application: string): Promise<Application | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(application) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(application, list);
      if (!this.running) {
        this.running = true;
        // Joins everyone asking in this turn of the event loop into the first poll.
        setImmediate(() => this.loop());
      }
    });
  }

  private async loop() {
    const { signal } = this.options;
    let first = true;
    try {
      while (this.waiting.size > 0) {
        if (!first) await sleep(this.interval, signal);
        first = false;
        signal.throwIfAborted();
        const asked = this.waiting;
        this.waiting = new Map();
        let apps: Application[];
        try {
          apps = await this.options.client.listApplications({
            selector: this.options.selector,
            projects: [this.options.appProject],
            signal,
          });
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
          ? this.options.pollMs ?? 100
          : Math.min(MAX_POLL_MS, Math.round(this.interval * 1.5));
      }
    } catch (error) {
      const left = this.waiting;
      this.waiting = new Map();
      left.forEach(ws => ws.forEach(w => w.reject(error)));
    } finally {
      this.running = false;
      // Someone may have asked between the last poll and now.
      if (this.waiting.size > 0) {
        this.running = true;
        setImmediate(() => this.loop());
      }
    }
  }
}
