import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { describeIssues } from './TaskKinds';
import {
  JsonObject,
  Task,
  TaskAuthor,
  TaskCancelledError,
  TaskKind,
  TaskRunContext,
  TaskStep,
  TaskStepHandle,
  TaskStore,
} from './types';

/** The worker gave the task back (stopping, or its lease was taken over): another worker resumes it. */
export class LeaseLostError extends Error {}

/**
 * One attempt of one task on this worker: keeps the lease alive with heartbeats, records each step as it
 * changes (so another worker can resume the task) and gives the task kind its run context.
 */
export class TaskRun {
  readonly steps: TaskStep[];
  /** Another worker took the task over: this attempt must change nothing more. */
  lost = false;
  private cancelRequested: boolean;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    readonly task: Task,
    private readonly deps: {
      store: TaskStore;
      workerId: string;
      leaseMs: number;
      logger: LoggerService;
      controller: AbortController;
      onChange?: (task: Task) => void;
    },
  ) {
    this.steps = task.steps.map(s => ({ ...s }));
    this.cancelRequested = task.cancelRequested;
  }

  /** Heartbeats every third of the lease; a lost lease or a cancel request aborts the run. */
  startHeartbeat(): void {
    const { store, workerId, leaseMs, logger, controller } = this.deps;
    this.heartbeat = setInterval(async () => {
      try {
        ({ cancelRequested: this.cancelRequested } = await store.heartbeat(
          this.task.id,
          workerId,
          leaseMs,
        ));
        if (this.cancelRequested) controller.abort(new TaskCancelledError());
      } catch (e) {
        if (e instanceof ConflictError) {
          this.lost = true;
          controller.abort(new LeaseLostError(e.message));
        } else {
          logger.warn(`task ${this.task.id}: heartbeat failed: ${e}`);
        }
      }
    }, Math.max(100, Math.floor(leaseMs / 3)));
  }

  stopHeartbeat(): void {
    clearInterval(this.heartbeat);
  }

  async checkCancelled(): Promise<void> {
    const { signal } = this.deps.controller;
    if (signal.aborted) throw signal.reason;
    if (this.cancelRequested) throw new TaskCancelledError();
  }

  /** The context the kind runs with; throws when the stored input does not fit the kind's schema. */
  contextFor<I>(kind: TaskKind<I>): TaskRunContext<I> {
    const parsed = kind.schema.safeParse(this.task.input);
    if (!parsed.success) {
      throw new Error(
        `the input of task ${this.task.id} does not fit the kind "${
          kind.kind
        }": ${describeIssues(parsed.error)}`,
      );
    }
    return {
      task: this.task,
      input: parsed.data,
      author: this.author(),
      logger: this.deps.logger.child({ task: this.task.id }),
      signal: this.deps.controller.signal,
      resultOf: id => this.steps.find(s => s.id === id)?.result,
      checkCancelled: () => this.checkCancelled(),
      skip: (ids, message) => this.skip(ids, message),
      step: (id, body) => this.step(id, body),
    };
  }

  /** Marks the steps that had not finished when the task ended. */
  closeUnfinished(status: 'cancelled' | 'skipped'): void {
    for (const step of this.steps) {
      if (step.status === 'pending' || step.status === 'running') {
        step.status = status;
        step.finishedAt = new Date().toISOString();
      }
    }
  }

  /**
   * The author the queue stored with the task (see TaskService.start); a task queued without one (only
   * tests do) is authored by its requester's ref.
   */
  private author(): TaskAuthor {
    const stored = this.task.input.author as Partial<TaskAuthor> | undefined;
    if (typeof stored?.name === 'string' && typeof stored.email === 'string')
      return { name: stored.name, email: stored.email };
    return { name: this.task.requestedBy, email: '' };
  }

  private async save(): Promise<void> {
    const { store, workerId, onChange } = this.deps;
    await store.saveSteps(this.task.id, workerId, this.steps);
    onChange?.({ ...this.task, steps: this.steps.map(s => ({ ...s })) });
  }

  private findStep(id: string): TaskStep {
    const step = this.steps.find(s => s.id === id);
    if (!step) throw new Error(`task ${this.task.kind} has no step "${id}"`);
    return step;
  }

  private async skip(ids: string[], message: string): Promise<void> {
    for (const id of ids) {
      const step = this.findStep(id);
      if (step.status === 'pending' || step.status === 'running') {
        Object.assign(step, {
          status: 'skipped',
          message,
          finishedAt: new Date().toISOString(),
        });
      }
    }
    await this.save();
  }

  private async step(
    id: string,
    body: (step: TaskStepHandle) => Promise<JsonObject | void>,
  ): Promise<JsonObject> {
    const step = this.findStep(id);
    // Done by an earlier attempt: its stored result stands, the body does not run again.
    if (step.status === 'succeeded' || step.status === 'skipped')
      return step.result ?? {};
    await this.checkCancelled();
    Object.assign(step, {
      status: 'running',
      startedAt: new Date().toISOString(),
    });
    delete step.finishedAt;
    await this.save();
    const handle: TaskStepHandle = {
      progress: async message => {
        step.message = message;
        await this.save();
      },
    };
    try {
      const result = (await body(handle)) ?? {};
      Object.assign(step, {
        status: 'succeeded',
        result,
        finishedAt: new Date().toISOString(),
      });
      await this.save();
      return result;
    } catch (e) {
      if (!(e instanceof LeaseLostError) && !this.lost) {
        const cancelled = e instanceof TaskCancelledError;
        Object.assign(step, {
          status: cancelled ? 'cancelled' : 'failed',
          message: cancelled ? 'cancelled' : (e as Error).message,
          finishedAt: new Date().toISOString(),
        });
        await this.save().catch(() => undefined);
      }
      throw e;
    }
  }
}
