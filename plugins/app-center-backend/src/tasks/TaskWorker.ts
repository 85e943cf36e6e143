import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { taskStarted } from '../metrics';
import { DatabaseTaskStore } from './DatabaseTaskStore';
import {
  JsonObject,
  StepHandle,
  Task,
  TaskCancelledError,
  TaskContext,
  TaskHandler,
  TaskStep,
} from './types';

export type TaskWorkerOptions = {
  store: DatabaseTaskStore;
  handlers: TaskHandler[];
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

class LeaseLostError extends Error {}

/**
 * Claims tasks from the shared queue and runs them with their handler: at most `concurrency` at a time,
 * each kept alive by heartbeats, each step saved as it changes so another worker can resume the task.
 */
export class TaskWorker {
  private readonly handlers: Map<string, TaskHandler>;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly running = new Map<string, AbortController>();
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private looping?: Promise<void>;
  private wakeRequested = false;

  constructor(private readonly options: TaskWorkerOptions) {
    this.handlers = new Map(options.handlers.map(h => [h.kind, h]));
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
    const steps: TaskStep[] = task.steps.map(s => ({ ...s }));
    let lost = false;
    let cancelRequested = task.cancelRequested;

    const save = async () => {
      await store.saveSteps(task.id, workerId, steps);
      this.options.onChange?.({ ...task, steps: steps.map(s => ({ ...s })) });
    };
    const heartbeat = setInterval(async () => {
      try {
        ({ cancelRequested } = await store.heartbeat(
          task.id,
          workerId,
          this.leaseMs,
        ));
        if (cancelRequested) controller.abort(new TaskCancelledError());
      } catch (e) {
        if (e instanceof ConflictError) {
          lost = true;
          controller.abort(new LeaseLostError(e.message));
        } else {
          logger.warn(`task ${task.id}: heartbeat failed: ${e}`);
        }
      }
    }, Math.max(100, Math.floor(this.leaseMs / 3)));

    const findStep = (id: string) => {
      const step = steps.find(s => s.id === id);
      if (!step) throw new Error(`task ${task.kind} has no step "${id}"`);
      return step;
    };
    const checkCancelled = async () => {
      if (controller.signal.aborted) throw controller.signal.reason;
      if (cancelRequested) throw new TaskCancelledError();
    };
    const ctx: TaskContext = {
      task,
      signal: controller.signal,
      resultOf: id => steps.find(s => s.id === id)?.result,
      checkCancelled,
      skip: async (ids, message) => {
        for (const id of ids) {
          const step = findStep(id);
          if (step.status === 'pending' || step.status === 'running') {
            Object.assign(step, {
              status: 'skipped',
              message,
              finishedAt: new Date().toISOString(),
            });
          }
        }
        await save();
      },
      step: async (id, body) => {
        const step = findStep(id);
        if (step.status === 'succeeded' || step.status === 'skipped')
          return step.result ?? {};
        await checkCancelled();
        Object.assign(step, {
          status: 'running',
          startedAt: new Date().toISOString(),
        });
        delete step.finishedAt;
        await save();
        const handle: StepHandle = {
          progress: async message => {
            step.message = message;
            await save();
          },
        };
        try {
          const result = (await body(handle)) ?? {};
          Object.assign(step, {
            status: 'succeeded',
            result,
            finishedAt: new Date().toISOString(),
          });
          await save();
          return result as JsonObject;
        } catch (e) {
          if (!(e instanceof LeaseLostError) && !lost) {
            const cancelled = e instanceof TaskCancelledError;
            Object.assign(step, {
              status: cancelled ? 'cancelled' : 'failed',
              message: cancelled ? 'cancelled' : (e as Error).message,
              finishedAt: new Date().toISOString(),
            });
            await save().catch(() => undefined);
          }
          throw e;
        }
      },
    };

    try {
      const handler = this.handlers.get(task.kind);
      if (!handler)
        throw new Error(`no handler for tasks of kind "${task.kind}"`);
      const result = await handler.run(ctx);
      await checkCancelled();
      await store.complete(task.id, workerId, {
        status: 'succeeded',
        steps,
        result: result ?? undefined,
      });
    } catch (e) {
      if (lost || e instanceof LeaseLostError) {
        logger.info(
          `task ${task.id}: handed back (${
            (e as Error).message
          }); another worker resumes it`,
        );
        if (!lost) await this.release(task.id);
        return;
      }
      const cancelled = e instanceof TaskCancelledError;
      for (const step of steps) {
        if (step.status === 'pending' || step.status === 'running') {
          step.status = cancelled ? 'cancelled' : 'skipped';
          step.finishedAt = new Date().toISOString();
        }
      }
      await store
        .complete(task.id, workerId, {
          status: cancelled ? 'cancelled' : 'failed',
          steps,
          error: (e as Error).message,
        })
        .catch(err =>
          logger.warn(`task ${task.id}: could not record its end: ${err}`),
        );
    } finally {
      clearInterval(heartbeat);
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
