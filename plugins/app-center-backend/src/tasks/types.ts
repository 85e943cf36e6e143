import type { JsonObject, JsonValue } from '@backstage/types';
import type {
  Task,
  TaskStatus,
  TaskStep,
  TaskStepPlan,
} from '@internal/plugin-app-center-node';

export type {
  Task,
  TaskAuthor,
  TaskKind,
  TaskPlan,
  TaskPlanContext,
  TaskRunContext,
  TaskStatus,
  TaskStep,
  TaskStepHandle,
  TaskStepPlan,
  TaskStepStatus as StepStatus,
} from '@internal/plugin-app-center-node';
export { TaskCancelledError } from '@internal/plugin-app-center-node';

/** A task as the queue stores it when it is requested. */
export type NewTask = {
  kind: string;
  project: string;
  environment?: string;
  apps: string[];
  input: JsonObject;
  steps: TaskStepPlan[];
  requestedBy: string;
  /** Keys no other running task may hold (e.g. `project/env/app`): tasks on the same app run one at a time. */
  lockKeys: string[];
};

export type TaskFilter = {
  project?: string;
  projects?: string[];
  environment?: string;
  app?: string;
  status?: TaskStatus[];
  limit?: number;
};

/** How a task ended, as its worker records it. */
export type TaskOutcome = {
  status: 'succeeded' | 'failed' | 'cancelled';
  steps: TaskStep[];
  result?: JsonObject;
  error?: string;
};

/** An app's newest task, as the environment lists show it. */
export type TaskSummary = Pick<Task, 'id' | 'kind' | 'status' | 'createdAt'>;

/**
 * The queue several backend replicas share. A claim hands a task to one worker with a lease it keeps alive
 * with heartbeats; only the lease holder may save steps or end the task; a task whose lease expired is
 * claimable again (its worker died) and resumes with the steps it saved.
 */
export interface TaskStore {
  create(task: NewTask): Promise<Task>;
  /** NotFoundError when there is no such task. */
  get(id: string): Promise<Task>;
  /** Newest first. */
  list(filter?: TaskFilter): Promise<Task[]>;
  /** The newest task of each app of a project (optionally of one environment), keyed `<env>/<app>`. */
  latestPerApp(
    project: string,
    environment?: string,
  ): Promise<Map<string, TaskSummary>>;
  /**
   * The oldest runnable task (pending, or running with an expired lease), now leased to the worker, whose
   * lock keys no other live task holds; undefined when there is none.
   */
  claim(workerId: string, leaseMs: number): Promise<Task | undefined>;
  /** Extends the lease; ConflictError when the worker lost the task. */
  heartbeat(
    id: string,
    workerId: string,
    leaseMs: number,
  ): Promise<{ cancelRequested: boolean }>;
  /** ConflictError unless the worker holds the lease. */
  saveSteps(id: string, workerId: string, steps: TaskStep[]): Promise<void>;
  /** Ends the task and releases its locks; ConflictError unless the worker holds the lease. */
  complete(id: string, workerId: string, outcome: TaskOutcome): Promise<void>;
  /** Cancels a pending task at once, asks a running one to stop; ConflictError when it has finished. */
  cancel(id: string): Promise<Task>;
  /** Ends the worker's lease now, so another worker can resume the task at once. */
  releaseLease(id: string, workerId: string): Promise<void>;
  /** How many tasks wait to be claimed, on every replica's behalf. */
  countQueued(): Promise<number>;
  /** Deletes tasks that finished before the cutoff; returns how many. */
  deleteFinishedBefore(cutoff: Date): Promise<number>;
}

export type { JsonObject, JsonValue };
