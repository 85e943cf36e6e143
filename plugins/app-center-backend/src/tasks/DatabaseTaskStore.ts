import { ConflictError, NotFoundError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { taskLeaseTakenOver } from '../metrics';
import type {
  NewTask,
  Task,
  TaskFilter,
  TaskOutcome,
  TaskStatus,
  TaskStep,
  TaskStore,
  TaskSummary,
} from './types';

type TaskRow = {
  id: string;
  kind: string;
  status: string;
  project: string;
  environment: string | null;
  apps: string;
  input: string;
  steps: string;
  result: string | null;
  error: string | null;
  requested_by: string;
  cancel_requested: boolean | number;
  lease_owner: string | null;
  lease_expires_at: Date | string | null;
  attempts: number;
  created_at: Date | string;
  updated_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
};

const iso = (v: Date | string | null) =>
  v ? new Date(v).toISOString() : undefined;

function toTask(r: TaskRow): Task {
  const task: Task = {
    id: r.id,
    kind: r.kind,
    status: r.status as TaskStatus,
    project: r.project,
    apps: JSON.parse(r.apps),
    input: JSON.parse(r.input),
    steps: JSON.parse(r.steps),
    requestedBy: r.requested_by,
    cancelRequested: Boolean(r.cancel_requested),
    attempts: r.attempts,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
  if (r.environment) task.environment = r.environment;
  if (r.result) task.result = JSON.parse(r.result);
  if (r.error) task.error = r.error;
  if (r.started_at) task.startedAt = iso(r.started_at);
  if (r.finished_at) task.finishedAt = iso(r.finished_at);
  return task;
}

const FINAL: TaskStatus[] = ['succeeded', 'failed', 'cancelled'];

/** Another live task holds one of the keys: the claim is abandoned and the task stays pending. */
class LockedError extends Error {}

/**
 * Task rows in the plugin's database: the queue several backend replicas share. A claim is a conditional
 * update (only one worker's update matches), so a task runs once; a worker keeps its lease alive with
 * heartbeats, and a task whose lease expired (a crashed replica) can be claimed again and resumed.
 */
export class DatabaseTaskStore implements TaskStore {
  /** The creation time given last: tasks are listed newest first, by a time with millisecond resolution. */
  private lastCreatedAt = 0;

  constructor(private readonly db: Knex) {}

  /**
   * Creation times strictly increase within a replica, so two tasks requested in the same millisecond
   * still list in the order they were asked for (ties across replicas fall back to the id).
   */
  private creationTime(): Date {
    this.lastCreatedAt = Math.max(Date.now(), this.lastCreatedAt + 1);
    return new Date(this.lastCreatedAt);
  }

  async create(task: NewTask): Promise<Task> {
    const now = this.creationTime();
    const id = randomUUID();
    await this.db<TaskRow>('tasks').insert({
      id,
      kind: task.kind,
      status: 'pending',
      project: task.project,
      environment: task.environment ?? null,
      apps: JSON.stringify(task.apps),
      input: JSON.stringify({ ...task.input, lockKeys: task.lockKeys }),
      steps: JSON.stringify(task.steps.map(s => ({ ...s, status: 'pending' }))),
      requested_by: task.requestedBy,
      cancel_requested: false,
      attempts: 0,
      created_at: now,
      updated_at: now,
    });
    return this.get(id);
  }

  async get(id: string): Promise<Task> {
    const row = await this.db<TaskRow>('tasks').where({ id }).first();
    if (!row) throw new NotFoundError(`task "${id}" does not exist`);
    return toTask(row);
  }

  async list(filter: TaskFilter = {}): Promise<Task[]> {
    let q = this.db<TaskRow>('tasks')
      .orderBy('created_at', 'desc')
      .orderBy('id');
    if (filter.project) q = q.where('project', filter.project);
    if (filter.projects) q = q.whereIn('project', filter.projects);
    if (filter.environment) q = q.where('environment', filter.environment);
    if (filter.status) q = q.whereIn('status', filter.status);
    // Apps are a JSON list: match the quoted name, then confirm in code (a LIKE cannot be exact).
    if (filter.app)
      q = q.where('apps', 'like', `%${JSON.stringify(filter.app)}%`);
    const limit = filter.limit ?? 50;
    const rows = await q.limit(filter.app ? limit * 4 : limit);
    return rows
      .map(toTask)
      .filter(t => !filter.app || t.apps.includes(filter.app))
      .slice(0, limit);
  }

  /**
   * The newest task of each app of a project (optionally of one environment), keyed `<env>/<app>`: what the
   * environment lists show as each app's last task. Reads only the newest `scan` tasks, light columns.
   */
  async latestPerApp(
    project: string,
    environment?: string,
    scan = 2000,
  ): Promise<Map<string, TaskSummary>> {
    let q = this.db<TaskRow>('tasks')
      .where('project', project)
      .orderBy('created_at', 'desc')
      .limit(scan)
      .select('id', 'kind', 'status', 'environment', 'apps', 'created_at');
    if (environment) q = q.where('environment', environment);
    const latest = new Map<string, TaskSummary>();
    for (const row of await q) {
      for (const app of JSON.parse(row.apps) as string[]) {
        const key = `${row.environment ?? ''}/${app}`;
        if (!latest.has(key)) {
          latest.set(key, {
            id: row.id,
            kind: row.kind,
            status: row.status as TaskStatus,
            createdAt: iso(row.created_at)!,
          });
        }
      }
    }
    return latest;
  }

  /**
   * Claims the oldest runnable task: pending, or running with an expired lease (its worker died). Tasks whose
   * lock keys another live task holds wait. Returns undefined when there is nothing to run.
   */
  async claim(workerId: string, leaseMs: number): Promise<Task | undefined> {
    const now = new Date();
    const candidates = await this.db<TaskRow>('tasks')
      .where('status', 'pending')
      .orWhere(q =>
        q.where('status', 'running').andWhere('lease_expires_at', '<', now),
      )
      .orderBy('created_at')
      .limit(50);
    for (const row of candidates) {
      const claimed = await this.tryClaim(row, workerId, leaseMs, now);
      if (!claimed) continue;
      // A lease that ran out, not one handed back (those end at time 0): its replica died.
      if (
        row.status === 'running' &&
        new Date(row.lease_expires_at!).getTime() > 0
      )
        taskLeaseTakenOver(claimed.kind);
      return claimed;
    }
    return undefined;
  }

  private async tryClaim(
    row: TaskRow,
    workerId: string,
    leaseMs: number,
    now: Date,
  ): Promise<Task | undefined> {
    const lockKeys: string[] = JSON.parse(row.input).lockKeys ?? [];
    try {
      return await this.db.transaction(async tx => {
        const won = await tx<TaskRow>('tasks')
          .where({ id: row.id, status: row.status })
          .andWhere(q => {
            if (row.status === 'running') q.where('lease_expires_at', '<', now);
            else q.whereNull('lease_owner');
          })
          .update({
            status: 'running',
            lease_owner: workerId,
            lease_expires_at: new Date(now.getTime() + leaseMs),
            attempts: row.attempts + 1,
            started_at: row.started_at ?? now,
            updated_at: now,
          });
        if (won !== 1) return undefined;
        // Locks of a dead attempt of this same task stay ours; locks of live other tasks make us wait.
        const held = lockKeys.length
          ? await tx('task_locks')
              .whereIn('lock_key', lockKeys)
              .select('lock_key', 'task_id')
          : [];
        const blockers = held.filter(h => h.task_id !== row.id);
        if (blockers.length) throw new LockedError();
        const mine = new Set(held.map(h => h.lock_key));
        const missing = lockKeys.filter(k => !mine.has(k));
        if (missing.length) {
          await tx('task_locks').insert(
            missing.map(lock_key => ({ lock_key, task_id: row.id })),
          );
        }
        const claimed = await tx<TaskRow>('tasks')
          .where({ id: row.id })
          .first();
        return toTask(claimed!);
      });
    } catch (e) {
      // Another task holds one of the keys (or won the insert race): leave this one pending for later.
      if (e instanceof LockedError || isUniqueViolation(e)) return undefined;
      throw e;
    }
  }

  /** Extends the lease; ConflictError when the worker lost the task (lease taken over, or task finished). */
  async heartbeat(
    id: string,
    workerId: string,
    leaseMs: number,
  ): Promise<{ cancelRequested: boolean }> {
    const now = new Date();
    const n = await this.db<TaskRow>('tasks')
      .where({ id, lease_owner: workerId, status: 'running' })
      .update({ lease_expires_at: new Date(now.getTime() + leaseMs) });
    if (n !== 1)
      throw new ConflictError(`task ${id} is no longer held by ${workerId}`);
    const row = await this.db<TaskRow>('tasks')
      .where({ id })
      .first('cancel_requested');
    return { cancelRequested: Boolean(row?.cancel_requested) };
  }

  /** Saves the steps; only the lease holder may. */
  async saveSteps(
    id: string,
    workerId: string,
    steps: TaskStep[],
  ): Promise<void> {
    const n = await this.db<TaskRow>('tasks')
      .where({ id, lease_owner: workerId, status: 'running' })
      .update({ steps: JSON.stringify(steps), updated_at: new Date() });
    if (n !== 1)
      throw new ConflictError(`task ${id} is no longer held by ${workerId}`);
  }

  /** Ends the task and releases its locks; only the lease holder may. */
  async complete(
    id: string,
    workerId: string,
    outcome: TaskOutcome,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const now = new Date();
      const n = await tx<TaskRow>('tasks')
        .where({ id, lease_owner: workerId, status: 'running' })
        .update({
          status: outcome.status,
          steps: JSON.stringify(outcome.steps),
          result: outcome.result ? JSON.stringify(outcome.result) : null,
          error: outcome.error ?? null,
          lease_owner: null,
          lease_expires_at: null,
          finished_at: now,
          updated_at: now,
        });
      if (n !== 1)
        throw new ConflictError(`task ${id} is no longer held by ${workerId}`);
      await tx('task_locks').where({ task_id: id }).delete();
    });
  }

  /**
   * Cancels a pending task at once; asks a running one to stop (its worker sees it at the next heartbeat or
   * step). A finished task cannot be cancelled.
   */
  async cancel(id: string): Promise<Task> {
    const now = new Date();
    await this.db.transaction(async tx => {
      const row = await tx<TaskRow>('tasks').where({ id }).first();
      if (!row) throw new NotFoundError(`task "${id}" does not exist`);
      if (FINAL.includes(row.status as TaskStatus)) {
        throw new ConflictError(
          `task ${id} has already ${
            row.status === 'cancelled' ? 'been cancelled' : row.status
          }`,
        );
      }
      if (row.status === 'pending') {
        const steps = (JSON.parse(row.steps) as TaskStep[]).map(s => ({
          ...s,
          status: 'cancelled' as const,
        }));
        await tx<TaskRow>('tasks')
          .where({ id, status: 'pending' })
          .update({
            status: 'cancelled',
            steps: JSON.stringify(steps),
            cancel_requested: true,
            finished_at: now,
            updated_at: now,
          });
      } else {
        await tx<TaskRow>('tasks')
          .where({ id })
          .update({ cancel_requested: true, updated_at: now });
      }
    });
    return this.get(id);
  }

  /** Gives a running task back to the queue at once (a stopping worker): its lease ends now. */
  async releaseLease(id: string, workerId: string): Promise<void> {
    await this.db<TaskRow>('tasks')
      .where({ id, lease_owner: workerId, status: 'running' })
      .update({ lease_expires_at: new Date(0), updated_at: new Date() });
  }

  /** Tasks waiting to be claimed, on every replica's behalf. */
  async countQueued(): Promise<number> {
    const [row] = await this.db<TaskRow>('tasks')
      .where('status', 'pending')
      .count({ n: '*' });
    return Number(row?.n ?? 0);
  }

  /** Deletes finished tasks older than the cutoff; returns how many. */
  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    return this.db<TaskRow>('tasks')
      .whereIn('status', FINAL)
      .andWhere('finished_at', '<', cutoff)
      .delete();
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' ||
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(err?.message ?? '')
  );
}
