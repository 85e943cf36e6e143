import {
  createExtensionPoint,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type {
  Task as WireTask,
  TaskStep as WireTaskStep,
} from '@internal/plugin-app-center-common';
import type { z } from 'zod';

/**
 * pending, running, succeeded, failed or cancelled.
 * @public
 */
export type TaskStatus = WireTask['status'];

/**
 * The status of one step; `skipped` steps did not run (e.g. the syncs after a failed commit).
 * @public
 */
export type TaskStepStatus = WireTaskStep['status'];

/**
 * A step as a task kind plans it, before it runs.
 * @public
 */
export interface TaskStepPlan {
  /** Unique in the task; the kind's `run` names it in `ctx.step(id, ...)`. */
  id: string;
  /** What the step does, in words shown in the portal. */
  title: string;
  /** The app the step works on, when it is about one app (a batch deploy has one step per app). */
  app?: string;
}

/**
 * One step of a task (the wire shape), persisted after every change so a resumed task knows what is done;
 * `result` is what the step produced (a commit SHA ...), read by later steps and on resume.
 * @public
 */
export type TaskStep = Omit<WireTaskStep, 'result'> & { result?: JsonObject };

/**
 * A task as it is stored and served (`GET /tasks/{id}`); `attempts` above 1 means it is being resumed.
 * @public
 */
export type Task = Omit<WireTask, 'input' | 'steps' | 'result'> & {
  input: JsonObject;
  steps: TaskStep[];
  result?: JsonObject;
};

/**
 * What a kind decides when a task is requested, before it is queued.
 * @public
 */
export interface TaskPlan<TInput> {
  /** The apps the task changes: two tasks on one app never run at once. */
  apps: string[];
  /** Every step the task may run, in order; the portal shows them from the start. */
  steps: TaskStepPlan[];
  /** The input to store when planning normalised it (checked against the kind's schema again). */
  input?: TInput;
}

/**
 * What a kind's `plan` sees: the request, already checked against the kind's schema, and where it goes.
 * The caller's right to change the environment has been checked before.
 * @public
 */
export interface TaskPlanContext<TInput> {
  input: TInput;
  project: string;
  environment: string;
  /** Entity ref of the user who asked. */
  requestedBy: string;
}

/**
 * Progress of the running step.
 * @public
 */
export interface TaskStepHandle {
  /** Progress a person can read, shown live in the portal. */
  progress(message: string): Promise<void>;
}

/**
 * The requesting user as a git author, resolved from the catalog when the task was queued.
 * @public
 */
export interface TaskAuthor {
  name: string;
  email: string;
}

/**
 * What a kind's `run` sees while a worker runs the task.
 * @public
 */
export interface TaskRunContext<TInput> {
  readonly task: Task;
  /** The stored input, checked against the kind's schema when the task was claimed. */
  readonly input: TInput;
  readonly author: TaskAuthor;
  readonly logger: LoggerService;
  /**
   * Runs one planned step unless a previous attempt finished it (then its stored result is returned): a
   * resumed task does not redo finished work. The body must itself be idempotent, since an attempt can
   * die in the middle of it.
   */
  step(
    id: string,
    body: (step: TaskStepHandle) => Promise<JsonObject | void>,
  ): Promise<JsonObject>;
  /** The stored result of an earlier step. */
  resultOf(stepId: string): JsonObject | undefined;
  /** Marks steps that will not run (e.g. the syncs after a failed commit). */
  skip(stepIds: string[], message: string): Promise<void>;
  /** Throws {@link TaskCancelledError} when someone cancelled the task; long waits call it in their loop. */
  checkCancelled(): Promise<void>;
  /** Ends when the worker stops or the task is cancelled. */
  readonly signal: AbortSignal;
}

/**
 * One kind of task: its name, its input schema, the steps it plans and how it runs them.
 * @public
 */
export interface TaskKind<TInput = unknown> {
  /** The name stored with each task and sent by the portal, e.g. `scale`. */
  readonly kind: string;
  /** One line for people (the README and the portal). */
  readonly description: string;
  /** The input a request must send; run receives it parsed. */
  readonly schema: z.ZodType<TInput>;
  /**
   * Refuses what the request got wrong (throw `InputError`, `NotFoundError` or `ConflictError` from
   * `@backstage/errors`: the caller gets the 4xx and nothing is queued) and plans the steps.
   */
  plan(ctx: TaskPlanContext<TInput>): Promise<TaskPlan<TInput>>;
  /** Runs the planned steps; throwing fails the task with the error's message. */
  run(ctx: TaskRunContext<TInput>): Promise<JsonObject | void>;
}

/**
 * Defines a task kind; the input type is the schema's.
 * @public
 */
export function createTaskKind<TSchema extends z.ZodType>(
  kind: TaskKind<z.output<TSchema>> & { schema: TSchema },
): TaskKind<z.output<TSchema>> {
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(kind.kind)) {
    throw new Error(
      `task kind "${kind.kind}" must be lower-case letters, digits and "-", starting with a letter`,
    );
  }
  return kind;
}

/**
 * Thrown by `checkCancelled` (and left to propagate) when the task was cancelled.
 * @public
 */
export class TaskCancelledError extends Error {
  name = 'TaskCancelledError';
  constructor() {
    super('the task was cancelled');
  }
}

/**
 * Lets backend modules add task kinds to App Center's queue.
 * @public
 */
export interface AppCenterTaskKindsExtensionPoint {
  /** Adds kinds; a kind whose name is already taken is refused when the plugin starts. */
  addTaskKinds(...kinds: TaskKind<any>[]): void;
}

/**
 * The extension point through which a backend module adds task kinds:
 * `deps: { taskKinds: appCenterTaskKindsExtensionPoint }`, then `taskKinds.addTaskKinds(myKind)`.
 * @public
 */
export const appCenterTaskKindsExtensionPoint =
  createExtensionPoint<AppCenterTaskKindsExtensionPoint>({
    id: 'app-center.task-kinds',
  });
