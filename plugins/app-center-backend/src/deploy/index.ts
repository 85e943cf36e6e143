import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { ArgoCDInstances } from '../argocd';
import type { AccessControl } from '../domain/AccessControl';
import type { DatabaseDomainStore } from '../domain/DatabaseDomainStore';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import { GitRepositoryCache } from '../git';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import type { TaskService } from '../tasks/TaskService';
import type { TaskHandler } from '../tasks/types';
import {
  createAutoscalingHandler,
  createRollbackHandler,
  createScaleHandler,
  createSyncHandler,
} from './appTasks';
import { createDeployHandler } from './deployTask';
import { DeployService } from './DeployService';
import { HistoryService } from './HistoryService';
import { DeployTargets } from './targets';
import type { DeployEngineDeps, TagPublishability } from './types';

export { DeployService } from './DeployService';
export { HistoryService } from './HistoryService';
export { TASK_KINDS } from './types';
export type { TagPublishability } from './types';

/** Reads `appCenter.deploy`: how long a sync may take to become healthy (default 300 s). */
export function readDeployConfig(config: RootConfigService) {
  const timeoutSeconds =
    config.getOptionalNumber('appCenter.deploy.timeoutSeconds') ?? 300;
  if (!(timeoutSeconds > 0)) {
    throw new Error(
      `appCenter.deploy.timeoutSeconds must be a positive number, got ${timeoutSeconds}`,
    );
  }
  return { timeoutMs: timeoutSeconds * 1000 };
}

/**
 * The deploy engine (DESIGN.md sections 4 and 5): the task handlers of batch deploy, scale, autoscaling,
 * rollback and sync, the service that validates and queues them, and the deploy history.
 */
export function createDeployEngine(deps: {
  config: RootConfigService;
  logger: LoggerService;
  store: DatabaseDomainStore;
  access: AccessControl;
  argocd: ArgoCDInstances;
  git: GitRepositoryCache;
  tasks: TaskService;
  authors: CommitAuthorResolver;
  registry?: TagPublishability;
}): {
  service: DeployService;
  history: HistoryService;
  handlers: TaskHandler[];
} {
  const targets = new DeployTargets({
    store: deps.store,
    access: deps.access,
    argocd: deps.argocd,
  });
  const engine: DeployEngineDeps = {
    targets,
    git: deps.git,
    logger: deps.logger,
    ...readDeployConfig(deps.config),
  };
  return {
    service: new DeployService({
      targets,
      git: deps.git,
      envApps: new EnvironmentAppStore({ cache: deps.git }),
      tasks: deps.tasks,
      authors: deps.authors,
      registry: deps.registry,
    }),
    history: new HistoryService({ targets, git: deps.git, tasks: deps.tasks }),
    handlers: [
      createDeployHandler(engine),
      createScaleHandler(engine),
      createAutoscalingHandler(engine),
      createRollbackHandler(engine),
      createSyncHandler(engine),
    ],
  };
}
