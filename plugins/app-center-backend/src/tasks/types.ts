import type { JsonObject, JsonValue } from '@backstage/types';

export type TaskStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled';
export type StepStatus =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'cancelled';

/** One step of a task, persisted after every change so a resumed task knows what is done. */
export type TaskStep = {
  id: string;
  title: string;
  /** The app the step works on, when it is about one app (batch deploys have one step per app). */
  app?: string;
  status: StepStatus;
  message?: string;
  /** What the step produced (a commit SHA, an Argo CD revision ...): read by later steps and on resume. */
  result?: JsonObject;
  startedAt?: string;
  finishedAt?: string;
};

export type Task = {
  id: string;
  kind: string;
  status: TaskStatus;
  project: string;
  environment?: string;
  apps: string[];
  input: JsonObject;
  steps: TaskStep[];
  result?: JsonObject;
  error?: string;
  requestedBy: string;
  cancelRequested: boolean;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
};

export type NewTask = {
  kind: string;
  project: string;
  environment?: string;
  apps: string[];
  input: JsonObject;
  steps: Array<Pick<TaskStep, 'id' | 'title' | 'app'>>;
  requestedBy: string;
  /** Keys no other running task may hold (e.g. `project/env/app`): tasks on the same app run one at a time. */
  lockKeys: string[];
};

/** What a handler sees while it runs a task. */
export interface TaskContext {
  readonly task: Task;
  /**
   * Runs one step unless a previous attempt finished it (then its stored result is returned): a resumed
   * task does not redo finished work. The step's body must itself be idempotent, since an attempt can die
   * in the middle of it.
   */
  step(
    id: string,
    body: (step: StepHandle) => Promise<JsonObject | void>,
  ): Promise<JsonObject>;
  /** The stored result of an earlier step. */
  resultOf(stepId: string): JsonObject | undefined;
  /** Marks steps that will not run (e.g. the syncs after a failed commit). */
  skip(stepIds: string[], message: string): Promise<void>;
  /** Throws TaskCancelledError when someone cancelled the task; long waits call it in their loop. */
  checkCancelled(): Promise<void>;
  /** Ends when the worker stops or the task is cancelled. */
  readonly signal: AbortSignal;
}

export interface StepHandle {
  /** Progress a person can read, shown live in the portal. */
  progress(message: string): Promise<void>;
}

/** Runs one kind of task. Throwing fails the task with the error's message. */
export interface TaskHandler {
  readonly kind: string;
  run(ctx: TaskContext): Promise<JsonObject | void>;
}

export class TaskCancelledError extends Error {
  name = 'TaskCancelledError';
  constructor() {
    super('the task was cancelled');
  }
}

export type { JsonObject, JsonValue };
