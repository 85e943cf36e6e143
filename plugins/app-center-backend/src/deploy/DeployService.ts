import type {
  AutoscalingInput,
  DeployInput,
} from '@internal/plugin-app-center-common';
import type { Caller } from '../domain/Caller';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import { assertDnsLabel, GitRepositoryCache } from '../git';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import type { TaskService } from '../tasks/TaskService';
import type { Task } from '../tasks/types';
import { requireAssociated } from './planning';
import { DeployTargets } from './targets';

/** A batch deploy as the OpenAPI document defines it. */
export type DeployRequest = DeployInput;

export interface ResourceRef {
  group?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * The deploy routes' operations: each starts a task of one kind (its module in `kinds/` checks the input and
 * plans the steps), and the environment app's manifest files are read and written here.
 */
export class DeployService {
  constructor(
    private readonly deps: {
      targets: DeployTargets;
      git: GitRepositoryCache;
      envApps: EnvironmentAppStore;
      tasks: TaskService;
      authors: CommitAuthorResolver;
    },
  ) {}

  deploy(
    caller: Caller,
    project: string,
    env: string,
    body: DeployRequest,
  ): Promise<Task> {
    return this.start(caller, 'deploy', project, env, body);
  }

  scale(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { replicas: number; workload?: string },
  ) {
    return this.start(caller, 'scale', project, env, { ...body, app });
  }

  setAutoscaling(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: AutoscalingInput & { workload?: string },
  ) {
    const autoscaling = Object.fromEntries(
      Object.entries(body).filter(([, v]) => v !== undefined),
    );
    return this.start(caller, 'autoscaling', project, env, {
      app,
      autoscaling,
    });
  }

  removeAutoscaling(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    workload: string | undefined,
  ) {
    return this.start(caller, 'autoscaling', project, env, {
      app,
      autoscaling: null,
      ...(workload ? { workload } : {}),
    });
  }

  rollback(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { revision: string },
  ) {
    return this.start(caller, 'rollback', project, env, { ...body, app });
  }

  sync(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: { resources?: ResourceRef[]; prune?: boolean },
    revision?: string,
  ) {
    const input = { ...body, app, ...(revision ? { revision } : {}) };
    return this.start(caller, 'sync', project, env, input);
  }

  // ---- manifests

  async readFiles(caller: Caller, project: string, env: string, app: string) {
    const target = await this.deps.targets.readable(caller, project, env);
    assertDnsLabel('app', app);
    const { revision, files } = await this.deps.envApps.readFiles(
      target.repo,
      target.envRef,
      app,
    );
    const capabilities = await this.deps.targets.capabilities(caller, target);
    return { revision, files, capabilities };
  }

  async writeFiles(
    caller: Caller,
    project: string,
    env: string,
    app: string,
    body: {
      files?: Array<{ path: string; content: string }>;
      deleted?: string[];
      baseRevision?: string;
      message?: string;
      sync?: boolean;
    },
  ) {
    // Editing the environment's copy is its own capability (today the same people as deploying).
    const target = await this.deps.targets.allowed(
      caller,
      'editEnvironmentApp',
      project,
      env,
    );
    await requireAssociated(this.deps.git, target, app, false);
    const author = await this.deps.authors.authorOf(
      caller.userEntityRef,
      caller.credentials,
    );
    const written = await this.deps.envApps.writeFiles(
      target.repo,
      target.envRef,
      app,
      body,
      { author, message: body.message },
    );
    const dir = `${target.dirOf(app)}/`;
    const result = {
      revision: written.revision,
      parent: written.parent,
      committed: written.committed,
      files: written.changedPaths.map(p =>
        p.startsWith(dir) ? p.slice(dir.length) : p,
      ),
    };
    if (!body.sync) return result;
    const task = await this.sync(
      caller,
      project,
      env,
      app,
      {},
      written.revision,
    );
    return { ...result, task };
  }

  // ---- helpers

  private start(
    caller: Caller,
    kind: string,
    project: string,
    environment: string,
    input: object,
  ): Promise<Task> {
    return this.deps.tasks.start(caller, { kind, project, environment, input });
  }
}
