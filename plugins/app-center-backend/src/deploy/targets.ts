import {
  appCenterProjectReadPermission,
  type Environment,
  type Project,
  type Tenant,
} from '@internal/plugin-app-center-common';
import { applicationName, ArgoCDClient, ArgoCDInstances } from '../argocd';
import { AccessControl, Caller } from '../domain/AccessControl';
import type { DomainStore } from '../domain/DomainStore';
import { assertDnsLabel, GitOpsLayout, ProjectRepository } from '../git';
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
 * Resolves project environments for the deploy engine, with App Center's access rules: members of the
 * tenant read (and the portal policy's project read), deployers (the domain rule and the portal policy's
 * `app-center.environment.deploy` on `<project>/<env>`) change. Handlers resolve without a caller: the
 * route already checked the requester.
 */
export class DeployTargets {
  constructor(
    private readonly deps: {
      store: DomainStore;
      access: AccessControl;
      argocd: ArgoCDInstances;
    },
  ) {}

  async load(projectName: string, envName: string): Promise<EnvironmentTarget> {
    assertDnsLabel('project', projectName);
    assertDnsLabel('environment', envName);
    const project = await this.deps.store.getProject(projectName);
    const [tenant, env] = await Promise.all([
      this.deps.store.getTenant(project.tenant),
      this.deps.store.getEnvironment(projectName, envName),
    ]);
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

  /** For reads: a member of the project's tenant, allowed by the portal to read the project. */
  async readable(
    caller: Caller,
    projectName: string,
    envName: string,
  ): Promise<EnvironmentTarget> {
    const target = await this.load(projectName, envName);
    this.deps.access.requireMember(caller, target.tenant);
    await this.deps.access.requirePermission(
      caller,
      appCenterProjectReadPermission,
      projectName,
      `read project "${projectName}"`,
    );
    return target;
  }

  /** For changes: may deploy to the environment (protected ones need its deployer groups) and the portal agrees. */
  async deployable(
    caller: Caller,
    projectName: string,
    envName: string,
  ): Promise<EnvironmentTarget> {
    const target = await this.load(projectName, envName);
    this.deps.access.requireMember(caller, target.tenant);
    await this.deps.access.requireDeployer(caller, target.tenant, target.env);
    return target;
  }
}
