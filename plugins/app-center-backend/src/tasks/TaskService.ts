import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { SignalsService } from '@backstage/plugin-signals-node';
import { AccessResolver } from '../domain/AccessResolver';
import type { Caller } from '../domain/Caller';
import type { DomainStore } from '../domain/DomainStore';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import { describeIssues, TaskKinds } from './TaskKinds';
import { TaskWorker } from './TaskWorker';
import type {
  JsonObject,
  NewTask,
  Task,
  TaskFilter,
  TaskKind,
  TaskStore,
} from './types';

/** A request for a task of any kind: where it goes and its input, checked against the kind's schema. */
export interface TaskRequest {
  kind: string;
  project: string;
  environment: string;
  input: unknown;
}

/**
 * The input a kind accepts, parsed; 400 listing what does not fit, each problem led by its field's path (the
 * portal's forms show such a message next to the field).
 */
function parseInput<I>(kind: TaskKind<I>, input: unknown): I {
  const parsed = kind.schema.safeParse(input ?? {});
  if (!parsed.success) throw new InputError(describeIssues(parsed.error));
  return parsed.data;
}

/** The signal channel the portal listens on for task changes. */
export const TASK_SIGNAL_CHANNEL = 'app-center:tasks';

/**
 * Starting tasks of every kind, reading and cancelling them for callers, with App Center's access rules; pushes every task
 * change to the people of the task's tenant through Backstage signals and records how each task finished with
 * the auditor. Starting and cancelling are audited once, by the route that asked (with the task's id).
 */
export class TaskService {
  constructor(
    private readonly deps: {
      store: TaskStore;
      domain: DomainStore;
      access: AccessResolver;
      kinds: TaskKinds;
      /** Refuses (403) a caller who may not change the environment; every task kind changes one. */
      authorize(caller: Caller, project: string, env: string): Promise<unknown>;
      /** The requester as the author of the commits the task makes. */
      authors: CommitAuthorResolver;
      auditor: AuditorService;
      logger: LoggerService;
      signals?: SignalsService;
      worker?: () => TaskWorker | undefined;
    },
  ) {}

  /**
   * Starts a task of any kind for the caller: 403 when the caller may not change the environment, 400 when
   * the input does not fit the kind's schema or its plan refuses it; otherwise the planned task is queued
   * (its apps locked for it) and the worker woken.
   */
  async start(caller: Caller, request: TaskRequest): Promise<Task> {
    const { project, environment } = request;
    // Who may ask comes first (DESIGN.md section 6): an outsider learns nothing about kinds or input rules.
    await this.deps.authorize(caller, project, environment);
    const kind = this.deps.kinds.require(request.kind);
    const input = parseInput(kind, request.input);
    const plan = await kind.plan({
      input,
      project,
      environment,
      requestedBy: caller.userEntityRef,
    });
    const stored = plan.input === undefined ? input : plan.input;
    if (!kind.schema.safeParse(stored).success)
      throw new Error(
        `the ${kind.kind} plan stored an input its schema refuses`,
      );
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    return this.enqueue(caller, {
      kind: kind.kind,
      project,
      environment,
      apps: plan.apps,
      // The author rides with the input: any replica that resumes the task commits as the requester.
      input: {
        ...(stored as JsonObject),
        author: { name: author.name, email: author.email },
      },
      steps: plan.steps,
      lockKeys: plan.apps.map(a => `${project}/${environment}/${a}`),
    });
  }

  private async enqueue(
    caller: Caller,
    task: Omit<NewTask, 'requestedBy'>,
  ): Promise<Task> {
    const created = await this.deps.store.create({
      ...task,
      requestedBy: caller.userEntityRef,
    });
    this.deps.worker?.()?.wake();
    this.notify(created);
    return created;
  }

  async get(caller: Caller, id: string): Promise<Task> {
    const task = await this.deps.store.get(id);
    await this.deps.access.requireOn(caller, 'read', task.project);
    return task;
  }

  async list(
    caller: Caller,
    filter: Omit<TaskFilter, 'projects'>,
  ): Promise<Task[]> {
    if (filter.project) {
      await this.deps.access.requireOn(caller, 'read', filter.project);
      return this.deps.store.list(filter);
    }
    const visible = await this.visibleProjects(caller);
    return this.deps.store.list({ ...filter, projects: visible });
  }

  /**
   * The requester, whoever may manage the project (tenant admins) and whoever may deploy to the task's
   * environment may cancel it.
   */
  async cancel(caller: Caller, id: string): Promise<Task> {
    const task = await this.deps.store.get(id);
    if (caller.userEntityRef !== task.requestedBy) {
      const project = await this.deps.domain.getProject(task.project);
      const env = task.environment
        ? await this.deps.domain.findEnvironment(task.project, task.environment)
        : undefined;
      const target = {
        project,
        tenant: await this.deps.domain.getTenant(project.tenant),
        ...(env ? { environment: env } : {}),
      };
      const may = await this.deps.access.capabilities(caller, target);
      if (!may.manage.allowed && !may.deploy.allowed) {
        throw new NotAllowedError(
          `only the requester, admins of tenant "${target.tenant.name}" or deployers of the environment may cancel task ${id}: ${may.deploy.reason}`,
        );
      }
    }
    const cancelled = await this.deps.store.cancel(id);
    this.notify(cancelled);
    return cancelled;
  }

  /** Pushes a task change to its tenant's groups and its requester; reading the details still needs access. */
  notify(task: Task): void {
    const signals = this.deps.signals;
    if (!signals) return;
    (async () => {
      const project = await this.deps.domain.findProject(task.project);
      const tenant = project
        ? await this.deps.domain.findTenant(project.tenant)
        : undefined;
      const recipients = [
        task.requestedBy,
        ...(tenant?.groups ?? []),
        ...(tenant?.adminGroups ?? []),
      ];
      await signals.publish({
        recipients: { type: 'user', entityRef: recipients },
        channel: TASK_SIGNAL_CHANNEL,
        message: {
          id: task.id,
          kind: task.kind,
          status: task.status,
          project: task.project,
          environment: task.environment ?? null,
          apps: task.apps,
          updatedAt: task.updatedAt,
        },
      });
    })().catch(e =>
      this.deps.logger.warn(
        `could not push task ${task.id} to the portal: ${e}`,
      ),
    );
  }

  /** Records a finished task with the auditor (the creation was recorded with its request). */
  async auditOutcome(task: Task): Promise<void> {
    if (!['succeeded', 'failed', 'cancelled'].includes(task.status)) return;
    const event = await this.deps.auditor.createEvent({
      eventId: 'task-finish',
      severityLevel: 'medium',
      meta: {
        taskId: task.id,
        kind: task.kind,
        status: task.status,
        requestedBy: task.requestedBy,
        project: task.project,
      },
    });
    if (task.status === 'failed')
      await event.fail({ error: new Error(task.error ?? 'failed') });
    else await event.success();
  }

  private async visibleProjects(caller: Caller): Promise<string[]> {
    const tenants = (await this.deps.domain.listTenants()).filter(t =>
      this.deps.access.isMember(caller, t),
    );
    const byName = new Map(tenants.map(t => [t.name, t]));
    const projects = await this.deps.domain.listProjects({
      tenants: tenants.map(t => t.name),
    });
    const may = await this.deps.access.capabilitiesOf(
      caller,
      projects.map(project => ({
        project,
        tenant: byName.get(project.tenant)!,
      })),
    );
    return projects.filter((_, i) => may[i].read.allowed).map(p => p.name);
  }
}
