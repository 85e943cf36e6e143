import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import type { AppCenterApi, PortalConfig } from './AppCenterApi';

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
    const query = options?.tenant
      ? `?${new URLSearchParams({ tenant: options.tenant })}`
      : '';
    const res = await this.request<{ items: Project[] }>(
      'GET',
      `/projects${query}`,
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
