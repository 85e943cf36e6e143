// The deploy engine (DESIGN.md sections 4 and 5): how an environment app changes, as tasks. Each task kind is one
// module in kinds/ (deploy, scale, autoscaling, rollback, sync: input schema, planned steps, run); planning.ts
// holds the checks a request passes before it is queued; changes.ts the git changes; argoSync.ts the pinned
// sync and health watch; targets.ts resolves a project environment. Also the deploy history and the
// environment app's manifest files.
import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import { GitRepositoryCache } from '../git';
import { EnvironmentAppStore } from '../environmentApps/EnvironmentAppStore';
import type { TaskService } from '../tasks/TaskService';
import type { TaskKind } from '../tasks/types';
import { DeployService } from './DeployService';
import { deployTaskKinds } from './kinds';
import { HistoryService } from './HistoryService';
import { DeployTargets } from './targets';
import { ApplicationWatches } from './applicationWatch';
import type {
  DeployEngineDeps,
  ImagePolicyCheck,
  TagPublishability,
} from './types';

export { DeployService } from './DeployService';
export { HistoryService } from './HistoryService';
export { DeployTargets } from './targets';
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
 * The deploy engine (DESIGN.md sections 4 and 5): the task kinds batch deploy, scale, autoscaling, rollback
 * and sync (one module each in `kinds/`), the service the deploy routes call, and the deploy history.
 */
export function createDeployEngine(deps: {
  config: RootConfigService;
  logger: LoggerService;
  targets: DeployTargets;
  git: GitRepositoryCache;
  tasks: TaskService;
  authors: CommitAuthorResolver;
  registry?: TagPublishability;
  imagePolicy?: ImagePolicyCheck;
}): {
  service: DeployService;
  history: HistoryService;
  kinds: TaskKind<any>[];
} {
  const { targets } = deps;
  const engine: DeployEngineDeps = {
    targets,
    registry: deps.registry,
    imagePolicy: deps.imagePolicy,
    git: deps.git,
    logger: deps.logger,
    watches: new ApplicationWatches(),
    ...readDeployConfig(deps.config),
  };
  return {
    service: new DeployService({
      targets,
      git: deps.git,
      envApps: new EnvironmentAppStore({ cache: deps.git }),
      tasks: deps.tasks,
      authors: deps.authors,
    }),
    history: new HistoryService({ targets, git: deps.git, tasks: deps.tasks }),
    kinds: deployTaskKinds(engine),
  };
}
