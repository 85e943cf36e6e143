import { LoggerService } from '@backstage/backend-plugin-api';
import { taskStarted } from '../metrics';
import { TaskKinds } from './TaskKinds';
import { LeaseLostError, TaskRun } from './TaskRun';
import { Task, TaskCancelledError, TaskKind, TaskStore } from './types';

export type TaskWorkerOptions = {
  store: TaskStore;
  /** The kinds this worker runs; a task of another kind fails. */
  kinds: TaskKinds | TaskKind<any>[];
  logger: LoggerService;
  /** Unique per process: who holds a lease. */
  workerId: string;
  /** How long a claim lasts without a heartbeat; a crashed worker's tasks are resumed after it. */
  leaseMs?: number;
  /** How many tasks this process runs at once. */
  concurrency?: number;
  /** How often to look for work when not woken up. */
  pollMs?: number;
  /** Called after every saved change of a task (status pushes to the browser). */
  onChange?: (task: Task) => void;
};

/**
 * Claims tasks from the shared queue and runs each with its kind: at most `concurrency` at a time,
 * each kept alive by heartbeats, each step saved as it changes so another worker can resume the task.
 */
export class TaskWorker {
  private readonly kinds: TaskKinds;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly running = new Map<string, AbortController>();
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private looping?: Promise<void>;
  private wakeRequested = false;

  constructor(private readonly options: TaskWorkerOptions) {
    this.kinds =
      options.kinds instanceof TaskKinds
        ? options.kinds
        : new TaskKinds(options.kinds);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Looks for work now (after a task was created in this process). */
  wake(): void {
    if (this.stopped) return;
    if (this.looping) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.looping = this.fill()
      .catch(e =>
        this.options.logger.error(`task worker: claiming failed: ${e}`),
      )
      .finally(() => {
        this.looping = undefined;
        if (this.stopped) return;
        if (this.wakeRequested) {
          this.wakeRequested = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.pollMs);
        }
      });
  }

  /**
   * Stops claiming and hands running tasks back: their work is aborted and their leases end now, so
   * another replica resumes them at once rather than after the lease.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.looping;
    for (const controller of this.running.values())
      controller.abort(new LeaseLostError('worker stopping'));
    const deadline = Date.now() + 10_000;
    while (this.running.size && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 50));
  }

  /** Ids of the tasks this worker runs now. */
  get active(): string[] {
    return [...this.running.keys()];
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.running.size < this.concurrency) {
      const task = await this.options.store.claim(
        this.options.workerId,
        this.leaseMs,
      );
      if (!task) return;
      this.options.onChange?.(task);
      const controller = new AbortController();
      this.running.set(task.id, controller);
      this.run(task, controller).finally(() => {
        this.running.delete(task.id);
        this.wake();
      });
    }
  }

  private async run(task: Task, controller: AbortController): Promise<void> {
    const { store, workerId, logger } = this.options;
    const ended = taskStarted(task);
    const run = new TaskRun(task, {
      store,
      workerId,
      leaseMs: this.leaseMs,
      logger,
      controller,
      onChange: this.options.onChange,
    });
    run.startHeartbeat();
    try {
      const kind = this.kinds.get(task.kind);
      if (!kind) throw new Error(`no handler for tasks of kind "${task.kind}"`);
      const result = await kind.run(run.contextFor(kind));
      await run.checkCancelled();
      await store.complete(task.id, workerId, {
        status: 'succeeded',
        steps: run.steps,
        result: result ?? undefined,
      });
    } catch (e) {
      if (run.lost || e instanceof LeaseLostError) {
        logger.info(
          `task ${task.id}: handed back (${
            (e as Error).message
          }); another worker resumes it`,
        );
        if (!run.lost) await this.release(task.id);
        return;
      }
      const cancelled = e instanceof TaskCancelledError;
      run.closeUnfinished(cancelled ? 'cancelled' : 'skipped');
      await store
        .complete(task.id, workerId, {
          status: cancelled ? 'cancelled' : 'failed',
          steps: run.steps,
          error: (e as Error).message,
        })
        .catch(err =>
          logger.warn(`task ${task.id}: could not record its end: ${err}`),
        );
    } finally {
      run.stopHeartbeat();
      const final = await store.get(task.id).catch(() => undefined);
      ended(final?.status);
      if (final) this.options.onChange?.(final);
    }
  }

  /** Ends our lease now, so the task is claimable again at once. */
  private async release(id: string): Promise<void> {
    await this.options.store
      .releaseLease(id, this.options.workerId)
      .catch(() => undefined);
  }
}
