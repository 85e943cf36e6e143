import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  operationRoutes,
  type OperationId,
  type PathParams,
  type QueryParams,
  type RequestBody,
  type ResourceTree,
  type ResponseBody,
} from '@internal/plugin-app-center-common';
import type { AppCenterApi, LogLine, ResourceRef } from './AppCenterApi';
import { readEvents } from './serverSentEvents';

/** What one call of an operation sends: its path parameters, query and JSON body. */
type Call<Op extends OperationId> = {
  path?: PathParams<Op>;
  query?: QueryParams<Op>;
  body?: RequestBody<Op>;
};

/**
 * Talks to the App Center backend (`/api/app-center`) with the app's discovery and fetch APIs, so the
 * caller's Backstage token is attached by `fetchApi`. Each method calls one operation of the OpenAPI
 * document by its id: the path, parameters, body and answer are the document's generated types.
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

  getAccess: AppCenterApi['getAccess'] = () => this.call('getAccess', {});
  getPortalConfig: AppCenterApi['getPortalConfig'] = () =>
    this.call('getPortalConfig', {});

  listTenants: AppCenterApi['listTenants'] = async () =>
    (await this.call('listTenants', {})).items;
  getTenant: AppCenterApi['getTenant'] = tenant =>
    this.call('getTenant', { path: { tenant } });
  createTenant: AppCenterApi['createTenant'] = body =>
    this.call('createTenant', { body });
  updateTenant: AppCenterApi['updateTenant'] = (tenant, body) =>
    this.call('updateTenant', { path: { tenant }, body });
  deleteTenant: AppCenterApi['deleteTenant'] = tenant =>
    this.call('deleteTenant', { path: { tenant } });

  listProjects: AppCenterApi['listProjects'] = async options =>
    (await this.call('listProjects', { query: { tenant: options?.tenant } }))
      .items;
  getProject: AppCenterApi['getProject'] = project =>
    this.call('getProject', { path: { project } });
  createProject: AppCenterApi['createProject'] = body =>
    this.call('createProject', { body });
  updateProject: AppCenterApi['updateProject'] = (project, body) =>
    this.call('updateProject', { path: { project }, body });
  deleteProject: AppCenterApi['deleteProject'] = project =>
    this.call('deleteProject', { path: { project } });

  listEnvironments: AppCenterApi['listEnvironments'] = async project =>
    (await this.call('listEnvironments', { path: { project } })).items;
  getEnvironment: AppCenterApi['getEnvironment'] = (project, env) =>
    this.call('getEnvironment', { path: { project, env } });
  createEnvironment: AppCenterApi['createEnvironment'] = (project, body) =>
    this.call('createEnvironment', { path: { project }, body });
  updateEnvironment: AppCenterApi['updateEnvironment'] = (project, env, body) =>
    this.call('updateEnvironment', { path: { project, env }, body });
  deleteEnvironment: AppCenterApi['deleteEnvironment'] = (project, env) =>
    this.call('deleteEnvironment', { path: { project, env } });

  getEntityApps: AppCenterApi['getEntityApps'] = entityRef =>
    this.call('getEntityApps', { query: { entityRef } });
  listEnvironmentApps: AppCenterApi['listEnvironmentApps'] = (project, env) =>
    this.call('listEnvironmentApps', { path: { project, env } });
  getEnvironmentApp: AppCenterApi['getEnvironmentApp'] = (project, env, app) =>
    this.call('getEnvironmentApp', { path: { project, env, app } });
  recreateApplication: AppCenterApi['recreateApplication'] = (
    project,
    env,
    app,
  ) => this.call('recreateApplication', { path: { project, env, app } });
  associateApp: AppCenterApi['associateApp'] = (project, env, body) =>
    this.call('associateApp', { path: { project, env }, body });

  listTasks: AppCenterApi['listTasks'] = async query =>
    (await this.call('listTasks', { query })).items;
  getTask: AppCenterApi['getTask'] = id =>
    this.call('getTask', { path: { id } });
  cancelTask: AppCenterApi['cancelTask'] = id =>
    this.call('cancelTask', { path: { id } });
  startTask: AppCenterApi['startTask'] = body =>
    this.call('startTask', { body });

  listImageTags: AppCenterApi['listImageTags'] = (image, options) =>
    this.call('listImageTags', { query: { image, ...options } });

  deploy: AppCenterApi['deploy'] = (project, env, body) =>
    this.call('deployApps', { path: { project, env }, body });
  scaleApp: AppCenterApi['scaleApp'] = (project, env, app, replicas) =>
    this.call('scaleApp', { path: { project, env, app }, body: { replicas } });
  setAutoscaling: AppCenterApi['setAutoscaling'] = (project, env, app, body) =>
    this.call('setAutoscaling', { path: { project, env, app }, body });
  removeAutoscaling: AppCenterApi['removeAutoscaling'] = (project, env, app) =>
    this.call('removeAutoscaling', { path: { project, env, app } });
  rollbackApp: AppCenterApi['rollbackApp'] = (project, env, app, revision) =>
    this.call('rollbackApp', {
      path: { project, env, app },
      body: { revision },
    });
  syncApp: AppCenterApi['syncApp'] = (project, env, app) =>
    this.call('syncApp', { path: { project, env, app }, body: {} });
  getResourceTree: AppCenterApi['getResourceTree'] = (project, env, app) =>
    this.call('getResourceTree', { path: { project, env, app } });
  watchResourceTree: AppCenterApi['watchResourceTree'] = async (
    project,
    env,
    app,
    onTree,
    signal,
  ) => {
    const res = await this.send(
      'streamResourceTree',
      { path: { project, env, app } },
      signal,
    );
    await readEvents(res, signal, (event, data) => {
      if (event === 'tree') onTree(data as ResourceTree);
      if (event === 'error')
        throw new Error((data as { message: string }).message);
    });
  };
  getResource: AppCenterApi['getResource'] = (project, env, app, ref) =>
    this.call('getResource', {
      path: { project, env, app },
      query: coordinates(ref),
    });
  getResourceDiff: AppCenterApi['getResourceDiff'] = (
    project,
    env,
    app,
    ref,
  ) => {
    // the diff is of the managed resource, whatever its version
    const { version: _version, ...query } = coordinates(ref);
    return this.call('getResourceDiff', { path: { project, env, app }, query });
  };
  listResourceEvents: AppCenterApi['listResourceEvents'] = async (
    project,
    env,
    app,
    ref,
  ) =>
    (
      await this.call('listResourceEvents', {
        path: { project, env, app },
        query: ref,
      })
    ).items;
  syncResource: AppCenterApi['syncResource'] = (project, env, app, resource) =>
    this.call('syncAppResource', {
      path: { project, env, app },
      body: resource,
    });
  deleteResource: AppCenterApi['deleteResource'] = (
    project,
    env,
    app,
    ref,
    cascade,
  ) =>
    this.call('deleteResource', {
      path: { project, env, app },
      query: { ...coordinates(ref), cascade },
    });
  streamLogs: AppCenterApi['streamLogs'] = async (
    project,
    env,
    app,
    query,
    onLine,
    signal,
  ) => {
    const res = await this.send(
      'streamLogs',
      { path: { project, env, app }, query },
      signal,
    );
    await readEvents(res, signal, (event, data) => {
      if (event === 'line') onLine(data as LogLine);
      if (event === 'error')
        throw new Error((data as { message: string }).message);
    });
  };
  downloadLogs: AppCenterApi['downloadLogs'] = async (
    project,
    env,
    app,
    query,
  ) =>
    (
      await this.send('streamLogs', {
        path: { project, env, app },
        query: { ...query, follow: false, download: true },
      })
    ).blob();
  getAppHistory: AppCenterApi['getAppHistory'] = async (project, env, app) =>
    (
      await this.call('getDeployHistory', {
        path: { project, env, app },
        // Every deploy Argo CD keeps (up to 100): the table pages them itself.
        query: { limit: 100 },
      })
    ).items;
  getImageSecurity: AppCenterApi['getImageSecurity'] = (project, env, app) =>
    this.call('getImageSecurity', { path: { project, env, app } });
  getAppFiles: AppCenterApi['getAppFiles'] = (project, env, app) =>
    this.call('getEnvironmentAppFiles', { path: { project, env, app } });
  putAppFiles: AppCenterApi['putAppFiles'] = (project, env, app, body) =>
    this.call('writeEnvironmentAppFiles', {
      path: { project, env, app },
      body,
    });

  listTemplates: AppCenterApi['listTemplates'] = project =>
    this.call('listTemplates', { path: { project } });
  getTemplate: AppCenterApi['getTemplate'] = (project, app) =>
    this.call('getTemplate', { path: { project, app } });
  createTemplate: AppCenterApi['createTemplate'] = (project, body) =>
    this.call('createTemplate', { path: { project }, body });
  deleteTemplate: AppCenterApi['deleteTemplate'] = (project, app, query) =>
    this.call('deleteTemplate', { path: { project, app }, query });
  getTemplateFiles: AppCenterApi['getTemplateFiles'] = (project, app) =>
    this.call('getTemplateFiles', { path: { project, app } });
  putTemplateFiles: AppCenterApi['putTemplateFiles'] = (project, app, body) =>
    this.call('writeTemplateFiles', { path: { project, app }, body });
  getTemplateDrift: AppCenterApi['getTemplateDrift'] = (project, app) =>
    this.call('getTemplateDrift', { path: { project, app } });
  applyTemplateDrift: AppCenterApi['applyTemplateDrift'] = (
    project,
    app,
    env,
    body = {},
  ) => this.call('applyTemplateDrift', { path: { project, app, env }, body });

  /** Calls one operation; throws a `ResponseError` when the backend answers with an error status. */
  private async call<Op extends OperationId>(
    operation: Op,
    call: Call<Op>,
  ): Promise<ResponseBody<Op>> {
    const res = await this.send(operation, call);
    if (res.status === 204) {
      return undefined as ResponseBody<Op>;
    }
    return (await res.json()) as ResponseBody<Op>;
  }

  /** Sends one operation's request; the answer when it is not an error status. */
  private async send<Op extends OperationId>(
    operation: Op,
    { path, query, body }: Call<Op>,
    signal?: AbortSignal,
  ): Promise<Response> {
    const route = operationRoutes[operation];
    const baseUrl = await this.discoveryApi.getBaseUrl('app-center');
    const res = await this.fetchApi.fetch(
      `${baseUrl}${fillPath(route.path, path)}${queryString(query)}`,
      {
        method: route.method,
        headers:
          body === undefined
            ? undefined
            : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      },
    );
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

/** Only the fields that name a resource (a tree node carries many more). */
function coordinates(ref: ResourceRef): ResourceRef {
  return {
    group: ref.group ?? '',
    version: ref.version,
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
  };
}

/** The document's path with each `{param}` replaced by its encoded value. */
function fillPath(template: string, params: object = {}): string {
  const values = params as Record<string, string>;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name]),
  );
}

/** `?a=1&b=2` from the defined values, or nothing. */
function queryString(values: object = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
