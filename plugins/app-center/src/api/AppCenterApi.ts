import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Access,
  Environment,
  EnvironmentInput,
  EnvironmentUpdate,
  Project,
  ProjectInput,
  ProjectUpdate,
  Tenant,
  TenantInput,
  TenantUpdate,
} from '@internal/plugin-app-center-common';

/**
 * Choices the admin forms need from the backend's configuration.
 * @public
 */
export interface PortalConfig {
  /** Names of the Argo CD instances configured in `appCenter.argocd.instances`. */
  argocdInstances: string[];
}

/**
 * The App Center backend as the frontend sees it. Every method throws a `ResponseError` (from
 * `@backstage/errors`) when the backend answers with an error status.
 * @public
 */
export interface AppCenterApi {
  getAccess(): Promise<Access>;
  getPortalConfig(): Promise<PortalConfig>;

  listTenants(): Promise<Tenant[]>;
  getTenant(name: string): Promise<Tenant>;
  createTenant(input: TenantInput): Promise<Tenant>;
  updateTenant(name: string, update: TenantUpdate): Promise<Tenant>;
  deleteTenant(name: string): Promise<void>;

  listProjects(options?: { tenant?: string }): Promise<Project[]>;
  getProject(name: string): Promise<Project>;
  createProject(input: ProjectInput): Promise<Project>;
  updateProject(name: string, update: ProjectUpdate): Promise<Project>;
  deleteProject(name: string): Promise<void>;

  listEnvironments(project: string): Promise<Environment[]>;
  getEnvironment(project: string, env: string): Promise<Environment>;
  createEnvironment(
    project: string,
    input: EnvironmentInput,
  ): Promise<Environment>;
  updateEnvironment(
    project: string,
    env: string,
    update: EnvironmentUpdate,
  ): Promise<Environment>;
  deleteEnvironment(project: string, env: string): Promise<void>;
}

/**
 * Reference to the {@link AppCenterApi}.
 * @public
 */
export const appCenterApiRef = createApiRef<AppCenterApi>({
  id: 'plugin.app-center.service',
});
