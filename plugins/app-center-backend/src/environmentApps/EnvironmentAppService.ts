import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { APP_ANNOTATION } from '@internal/plugin-app-center-common';
import { ArgoCDInstances } from '../argocd';
import { AccessResolver, AccessTarget } from '../domain/AccessResolver';
import type { Caller } from '../domain/Caller';
import type { DomainStore } from '../domain/DomainStore';
import { assertDnsLabel, GitRepositoryCache, projectRepository } from '../git';
import { appOfEntity, normalizeEntityRef } from './entityAnnotation';
import {
  CommitAuthorResolver,
  EnvironmentAppAssociation,
} from './EnvironmentAppAssociation';
import { EnvironmentAppReader, LastTasks } from './EnvironmentAppReader';
import { EnvironmentAppStore } from './EnvironmentAppStore';
import type {
  AppsTarget,
  EntityAppsView,
  EnvironmentAppListView,
  EnvironmentAppView,
} from './views';

export type { CommitAuthorResolver } from './EnvironmentAppAssociation';
export type {
  EntityAppsView,
  EnvironmentAppListView,
  EnvironmentAppView,
  StoreAppView,
} from './views';

/**
 * Environment apps (DESIGN.md sections 3, 4, 6 and 9): a template associated to an environment is a folder in
 * git plus one Argo CD Application. This service asks the access resolver first (`read` to read, `deploy` to
 * associate and disassociate), then reads ({@link EnvironmentAppReader}) or changes
 * ({@link EnvironmentAppAssociation}); reads answer the caller's capabilities for the UI. Every check runs
 * before git or Argo CD is changed.
 */
export class EnvironmentAppService {
  private readonly reader: EnvironmentAppReader;
  private readonly association: EnvironmentAppAssociation;

  constructor(
    private readonly deps: {
      store: Pick<DomainStore, 'listEnvironments'>;
      access: AccessResolver;
      authors: CommitAuthorResolver;
      cache: GitRepositoryCache;
      envApps: EnvironmentAppStore;
      argocd: ArgoCDInstances;
      catalog: CatalogService;
      logger?: LoggerService;
      lastTasks?: LastTasks;
    },
  ) {
    this.reader = new EnvironmentAppReader(deps);
    this.association = new EnvironmentAppAssociation({
      ...deps,
      reader: this.reader,
    });
  }

  async list(
    caller: Caller,
    projectName: string,
    envName: string,
  ): Promise<EnvironmentAppListView> {
    const access = await this.allowed(caller, 'read', projectName, envName);
    const [read, capabilities] = await Promise.all([
      this.reader.list(appsTarget(access), access.environment!),
      this.deps.access.capabilities(caller, access),
    ]);
    return { ...read, capabilities };
  }

  async get(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<EnvironmentAppView> {
    const access = await this.allowed(caller, 'read', projectName, envName);
    assertDnsLabel('app', app);
    const [view, capabilities] = await Promise.all([
      this.reader.get(appsTarget(access), access.environment!, app),
      this.deps.access.capabilities(caller, access),
    ]);
    return { ...view, capabilities };
  }

  /** What a Component's Deployments tab shows: its app in every environment of its project. */
  async entityApps(caller: Caller, entityRef: string): Promise<EntityAppsView> {
    const ref = normalizeEntityRef(entityRef);
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials: caller.credentials,
    });
    if (!entity)
      throw new NotFoundError(
        `entity ${ref} does not exist in the catalog (or you may not read it)`,
      );
    const { project, app } = appOfEntity(
      ref,
      entity.metadata.annotations?.[APP_ANNOTATION],
    );
    const access = await this.allowed(caller, 'read', project);
    const envs = await this.deps.store.listEnvironments(project);
    const [read, capabilities] = await Promise.all([
      this.reader.acrossEnvironments(appsTarget(access), envs, app),
      this.deps.access.capabilitiesOf(
        caller,
        envs.map(environment => ({ ...access, environment })),
      ),
    ]);
    return {
      project,
      app,
      ...read,
      environments: read.environments.map((e, i) => ({
        ...e,
        capabilities: capabilities[i],
      })),
    };
  }

  async associate(
    caller: Caller,
    projectName: string,
    envName: string,
    input: { app: string; overwrite?: boolean },
  ): Promise<EnvironmentAppView> {
    const { target, environment } = await this.changing(
      caller,
      [projectName, envName],
      input.app,
    );
    return this.association.associate(caller, target, environment, input);
  }

  /** Recreates a missing Argo CD Application from git without touching the files (needs deploy rights). */
  async recreate(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<EnvironmentAppView> {
    const { target, environment } = await this.changing(
      caller,
      [projectName, envName],
      app,
    );
    return this.association.recreate(target, environment, app);
  }

  async disassociate(
    caller: Caller,
    projectName: string,
    envName: string,
    app: string,
  ): Promise<void> {
    const where = await this.changing(caller, [projectName, envName], app);
    await this.association.disassociate(
      caller,
      where.target,
      where.environment,
      app,
    );
  }

  /** Where the caller associates, recreates or removes `app`: needs deploy rights; the app's name is checked. */
  private async changing(
    caller: Caller,
    [projectName, envName]: [string, string],
    app: string,
  ) {
    const access = await this.allowed(caller, 'deploy', projectName, envName);
    assertDnsLabel('app', app);
    return { target: appsTarget(access), environment: access.environment! };
  }

  private allowed(
    caller: Caller,
    capability: 'read' | 'deploy',
    project: string,
    env?: string,
  ): Promise<AccessTarget> {
    return this.deps.access.requireOn(caller, capability, project, env);
  }
}

function appsTarget({ project, tenant }: AccessTarget): AppsTarget {
  return { project, tenant, ...projectRepository(project) };
}
