import type { CapabilityName } from '@internal/plugin-app-center-common';
import {
  type Environment,
  type Project,
  type Tenant,
} from '@internal/plugin-app-center-common';
import { applicationName, ArgoCDClient, ArgoCDInstances } from '../argocd';
import { AccessResolver, AccessTarget } from '../domain/AccessResolver';
import type { Caller } from '../domain/Caller';
import { GitOpsLayout, ProjectRepository } from '../git';
import { projectRepository } from '../git';
import type { EnvironmentRef } from '../environmentApps/EnvironmentAppStore';

/** Everything a deploy operation needs to know about one project environment. */
export interface EnvironmentTarget {
  project: Project;
  tenant: Tenant;
  env: Environment;
  envRef: EnvironmentRef;
  repo: ProjectRepository;
  layout: GitOpsLayout;
  argocd: ArgoCDClient;
  /** The AppProject every call passes (`project=`), so a missing app is a 404. */
  appProject: string;
  /** The Argo CD Application of an app of this environment. */
  applicationOf(app: string): string;
  /** The app's folder in the repository. */
  dirOf(app: string): string;
}

/**
 * Resolves project environments for the deploy engine, through the access resolver: `read` for reads,
 * `deploy` for tasks, `editEnvironmentApp` for edits of the environment's copy. Handlers resolve without a
 * caller (`load`): the service that queued the task checked the requester.
 */
export class DeployTargets {
  constructor(
    private readonly deps: {
      access: AccessResolver;
      argocd: ArgoCDInstances;
    },
  ) {}

  async load(projectName: string, envName: string): Promise<EnvironmentTarget> {
    return this.of(await this.deps.access.target(projectName, envName));
  }

  /** For reads: the caller may read the project. */
  readable(caller: Caller, projectName: string, envName: string) {
    return this.allowed(caller, 'read', projectName, envName);
  }

  /** For tasks: the caller may deploy to the environment (protected ones need its deployer groups). */
  deployable(caller: Caller, projectName: string, envName: string) {
    return this.allowed(caller, 'deploy', projectName, envName);
  }

  /** The caller may do `capability` on the environment; 403 with the reason otherwise. */
  async allowed(
    caller: Caller,
    capability: CapabilityName,
    projectName: string,
    envName: string,
  ): Promise<EnvironmentTarget> {
    return this.of(
      await this.deps.access.requireOn(
        caller,
        capability,
        projectName,
        envName,
      ),
    );
  }

  /** What the caller may do on the environment, for the views the UI acts on. */
  capabilities(caller: Caller, target: EnvironmentTarget) {
    return this.deps.access.capabilities(caller, {
      project: target.project,
      tenant: target.tenant,
      environment: target.env,
    });
  }

  private of({
    project,
    tenant,
    environment,
  }: AccessTarget): EnvironmentTarget {
    const env = environment!;
    const { repo, layout } = projectRepository(project);
    return {
      project,
      tenant,
      env,
      envRef: { name: env.name, namespace: env.destination.namespace },
      repo,
      layout,
      argocd: this.deps.argocd.get(project.argocd.instance),
      appProject: project.argocd.project,
      applicationOf: app => applicationName(project.name, env.name, app),
      dirOf: app => layout.envAppDir(env.name, app),
    };
  }
}
