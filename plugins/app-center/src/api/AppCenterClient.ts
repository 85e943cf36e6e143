import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Access,
  AssociateInput,
  EntityApps,
  Environment,
  EnvironmentApp,
  EnvironmentAppList,
  EnvironmentInput,
  EnvironmentUpdate,
  Project,
  ProjectInput,
  ProjectUpdate,
  Tenant,
  TenantInput,
  TenantUpdate,
  ImageTagList,
  Task,
} from '@internal/plugin-app-center-common';
import type { AppCenterApi, PortalConfig } from './AppCenterApi';
import type {
  AutoscalingInput,
  DeployInput,
  DeployRecord,
  ManifestFiles,
  ManifestFilesWrite,
  ManifestWriteResult,
} from './deployTypes';
import type {
  DriftApplyInput,
  DriftApplyResult,
  ManifestFilesWrite as TemplateFilesWrite,
  ManifestWriteResult as TemplateWriteResult,
  Template,
  TemplateDrift,
  TemplateInput,
  TemplateList,
} from '@internal/plugin-app-center-common';

/**
 * Talks to the App Center backend (`/api/app-center`) with the app's discovery and fetch APIs, so the
 * caller's Backstage token is attached by `fetchApi`.
 * @public
 */
export class AppCenterClient implements AppCenterApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  static create(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    return new AppCenterClient(options);
  }

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getAccess(): Promise<Access> {
    return this.request('GET', '/access');
  }

  getPortalConfig(): Promise<PortalConfig> {
    return this.request('GET', '/config');
  }

  async listTenants(): Promise<Tenant[]> {
    const res = await this.request<{ items: Tenant[] }>('GET', '/tenants');
    return res.items;
  }

  getTenant(name: string): Promise<Tenant> {
    return this.request('GET', `/tenants/${enc(name)}`);
  }

  createTenant(input: TenantInput): Promise<Tenant> {
    return this.request('POST', '/tenants', input);
  }

  updateTenant(name: string, update: TenantUpdate): Promise<Tenant> {
    return this.request('PUT', `/tenants/${enc(name)}`, update);
  }

  deleteTenant(name: string): Promise<void> {
    return this.request('DELETE', `/tenants/${enc(name)}`);
  }

  async listProjects(options?: { tenant?: string }): Promise<Project[]> {
    const res = await this.request<{ items: Project[] }>(
      'GET',
      `/projects${query({ tenant: options?.tenant })}`,
    );
    return res.items;
  }

  getProject(name: string): Promise<Project> {
    return this.request('GET', `/projects/${enc(name)}`);
  }

  createProject(input: ProjectInput): Promise<Project> {
    return this.request('POST', '/projects', input);
  }

  updateProject(name: string, update: ProjectUpdate): Promise<Project> {
    return this.request('PUT', `/projects/${enc(name)}`, update);
  }

  deleteProject(name: string): Promise<void> {
    return this.request('DELETE', `/projects/${enc(name)}`);
  }

  async listEnvironments(project: string): Promise<Environment[]> {
    const res = await this.request<{ items: Environment[] }>(
      'GET',
      `/projects/${enc(project)}/environments`,
    );
    return res.items;
  }

  getEnvironment(project: string, env: string): Promise<Environment> {
    return this.request(
      'GET',
      `/projects/${enc(project)}/environments/${enc(env)}`,
    );
  }

  createEnvironment(
    project: string,
    input: EnvironmentInput,
  ): Promise<Environment> {
    return this.request(
      'POST',
      `/projects/${enc(project)}/environments`,
      input,
    );
  }

  updateEnvironment(
    project: string,
    env: string,
    update: EnvironmentUpdate,
  ): Promise<Environment> {
    return this.request(
      'PUT',
      `/projects/${enc(project)}/environments/${enc(env)}`,
      update,
    );
  }

  deleteEnvironment(project: string, env: string): Promise<void> {
    return this.request(
      'DELETE',
      `/projects/${enc(project)}/environments/${enc(env)}`,
    );
  }

  getEntityApps(entityRef: string): Promise<EntityApps> {
    return this.request('GET', `/entity-apps${query({ entityRef })}`);
  }

  listEnvironmentApps(
    project: string,
    env: string,
  ): Promise<EnvironmentAppList> {
    return this.request('GET', `${envPath(project, env)}/apps`);
  }

  getEnvironmentApp(
    project: string,
    env: string,
    app: string,
  ): Promise<EnvironmentApp> {
    return this.request('GET', appPath(project, env, app));
  }

  associateApp(
    project: string,
    env: string,
    input: AssociateInput,
  ): Promise<EnvironmentApp | Task> {
    return this.request('POST', `${envPath(project, env)}/apps`, input);
  }

  async listTasks(
    options: {
      project?: string;
      env?: string;
      app?: string;
      limit?: number;
    } = {},
  ): Promise<Task[]> {
    const res = await this.request<{ items: Task[] }>(
      'GET',
      `/tasks${query(options)}`,
    );
    return res.items;
  }

  getTask(id: string): Promise<Task> {
    return this.request('GET', `/tasks/${enc(id)}`);
  }

  cancelTask(id: string): Promise<Task> {
    return this.request('POST', `/tasks/${enc(id)}/cancel`, {});
  }

  listImageTags(
    image: string,
    options: { q?: string; cursor?: string; limit?: number } = {},
  ): Promise<ImageTagList> {
    return this.request('GET', `/images/tags${query({ image, ...options })}`);
  }

  deploy(project: string, env: string, input: DeployInput): Promise<Task> {
    return this.request('POST', `${envPath(project, env)}/deployments`, input);
  }

  scaleApp(
    project: string,
    env: string,
    app: string,
    replicas: number,
  ): Promise<Task> {
    return this.request('POST', `${appPath(project, env, app)}/scale`, {
      replicas,
    });
  }

  setAutoscaling(
    project: string,
    env: string,
    app: string,
    input: AutoscalingInput,
  ): Promise<Task> {
    return this.request(
      'PUT',
      `${appPath(project, env, app)}/autoscaling`,
      input,
    );
  }

  removeAutoscaling(project: string, env: string, app: string): Promise<Task> {
    return this.request('DELETE', `${appPath(project, env, app)}/autoscaling`);
  }

  rollbackApp(
    project: string,
    env: string,
    app: string,
    revision: string,
  ): Promise<Task> {
    return this.request('POST', `${appPath(project, env, app)}/rollback`, {
      revision,
    });
  }

  syncApp(project: string, env: string, app: string): Promise<Task> {
    return this.request('POST', `${appPath(project, env, app)}/sync`, {});
  }

  async getAppHistory(
    project: string,
    env: string,
    app: string,
  ): Promise<DeployRecord[]> {
    const res = await this.request<{ items: DeployRecord[] }>(
      'GET',
      `${appPath(project, env, app)}/history`,
    );
    return res.items;
  }

  getAppFiles(
    project: string,
    env: string,
    app: string,
  ): Promise<ManifestFiles> {
    return this.request('GET', `${appPath(project, env, app)}/files`);
  }

  putAppFiles(
    project: string,
    env: string,
    app: string,
    write: ManifestFilesWrite,
  ): Promise<ManifestWriteResult> {
    return this.request('PUT', `${appPath(project, env, app)}/files`, write);
  }

  listTemplates(project: string): Promise<TemplateList> {
    return this.request('GET', templatePath(project));
  }

  getTemplate(project: string, app: string): Promise<Template> {
    return this.request('GET', templatePath(project, app));
  }

  createTemplate(project: string, input: TemplateInput): Promise<Template> {
    return this.request('POST', templatePath(project), input);
  }

  deleteTemplate(
    project: string,
    app: string,
    options?: { baseRevision?: string },
  ): Promise<void> {
    return this.request(
      'DELETE',
      `${templatePath(project, app)}${query({
        baseRevision: options?.baseRevision,
      })}`,
    );
  }

  getTemplateFiles(project: string, app: string): Promise<ManifestFiles> {
    return this.request('GET', `${templatePath(project, app)}/files`);
  }

  putTemplateFiles(
    project: string,
    app: string,
    write: TemplateFilesWrite,
  ): Promise<TemplateWriteResult> {
    return this.request('PUT', `${templatePath(project, app)}/files`, write);
  }

  getTemplateDrift(project: string, app: string): Promise<TemplateDrift> {
    return this.request('GET', `${templatePath(project, app)}/drift`);
  }

  applyTemplateDrift(
    project: string,
    app: string,
    env: string,
    input: DriftApplyInput = {},
  ): Promise<DriftApplyResult> {
    return this.request(
      'POST',
      `${templatePath(project, app)}/drift/${enc(env)}/apply`,
      input,
    );
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('app-center');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    if (res.status === 204) {
      return undefined as T;
    }
    return (await res.json()) as T;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function envPath(project: string, env: string): string {
  return `/projects/${enc(project)}/environments/${enc(env)}`;
}

function appPath(project: string, env: string, app: string): string {
  return `${envPath(project, env)}/apps/${enc(app)}`;
}

/** `?a=1&b=2` from the defined values, or nothing. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function templatePath(project: string, app?: string): string {
  const base = `/projects/${enc(project)}/templates`;
  return app === undefined ? base : `${base}/${enc(app)}`;
}
