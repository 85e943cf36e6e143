import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Access,
  AssociateInput,
  LiveResource,
  ResourceEvent,
  ResourceStateDiff,
  ResourceTree,
  SyncResource,
  AutoscalingInput,
  DeployHistoryEntry,
  ImageSecurity,
  DeployInput,
  DriftApplyInput,
  DriftApplyResult,
  EntityApps,
  Environment,
  EnvironmentApp,
  EnvironmentAppFilesWrite,
  EnvironmentAppFilesWriteResult,
  EnvironmentAppList,
  EnvironmentInput,
  EnvironmentUpdate,
  ImageTagList,
  ManifestFiles,
  ManifestFilesWrite,
  ManifestWriteResult,
  Project,
  ProjectInput,
  ProjectUpdate,
  QueryParams,
  RequestBody,
  ResponseBody,
  Task,
  Template,
  TemplateDrift,
  TemplateInput,
  TemplateList,
  Tenant,
  TenantInput,
  TenantUpdate,
} from '@internal/plugin-app-center-common';

/** One resource of an app's tree. @public */
export type ResourceRef = {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
};

/** Which pod logs to stream and how. @public */
export type LogStreamQuery = Omit<
  NonNullable<QueryParams<'streamLogs'>>,
  'download'
>;

/** One log line of the merged stream. @public */
export type LogLine = { pod: string; timestamp: string; content: string };

/**
 * Choices the admin forms need from the backend's configuration.
 * @public
 */
export type PortalConfig = ResponseBody<'getPortalConfig'>;

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

  /** The app of a catalog Component across its project's environments (the Deployments tab). */
  getEntityApps(entityRef: string): Promise<EntityApps>;
  listEnvironmentApps(
    project: string,
    env: string,
  ): Promise<EnvironmentAppList>;
  getEnvironmentApp(
    project: string,
    env: string,
    app: string,
  ): Promise<EnvironmentApp>;
  /** Recreates an app's missing Argo CD Application from git, leaving the files as they are. */
  recreateApplication(
    project: string,
    env: string,
    app: string,
  ): Promise<EnvironmentApp>;
  /** Associates a template to an environment: the app, or the task doing it. */
  associateApp(
    project: string,
    env: string,
    input: AssociateInput,
  ): Promise<EnvironmentApp | Task>;

  listTasks(query?: QueryParams<'listTasks'>): Promise<Task[]>;
  getTask(id: string): Promise<Task>;
  cancelTask(id: string): Promise<Task>;
  /**
   * Starts a task of any kind the backend runs (`POST /tasks`): a new kind needs no method of its own here.
   * The 400 of a bad input names the field first (`replicas: ...`), as forms expect.
   */
  startTask(request: RequestBody<'startTask'>): Promise<Task>;

  /** Tags of an image's repository, newest first, one page at a time. */
  listImageTags(
    image: string,
    options?: Omit<QueryParams<'listImageTags'>, 'image'>,
  ): Promise<ImageTagList>;

  deploy(project: string, env: string, input: DeployInput): Promise<Task>;
  scaleApp(
    project: string,
    env: string,
    app: string,
    replicas: number,
  ): Promise<Task>;
  setAutoscaling(
    project: string,
    env: string,
    app: string,
    input: AutoscalingInput,
  ): Promise<Task>;
  removeAutoscaling(project: string, env: string, app: string): Promise<Task>;
  rollbackApp(
    project: string,
    env: string,
    app: string,
    revision: string,
  ): Promise<Task>;
  syncApp(project: string, env: string, app: string): Promise<Task>;

  /** The app's live resources, rooted at its Argo CD Application. */
  getResourceTree(
    project: string,
    env: string,
    app: string,
  ): Promise<ResourceTree>;
  /** The same tree each time it changes (server-sent events) until `signal` is aborted. */
  watchResourceTree(
    project: string,
    env: string,
    app: string,
    onTree: (tree: ResourceTree) => void,
    signal: AbortSignal,
  ): Promise<void>;
  getResource(
    project: string,
    env: string,
    app: string,
    ref: ResourceRef,
  ): Promise<LiveResource>;
  getResourceDiff(
    project: string,
    env: string,
    app: string,
    ref: ResourceRef,
  ): Promise<ResourceStateDiff>;
  /** Events of one resource (namespace, name, uid), or of the app without `ref`. */
  listResourceEvents(
    project: string,
    env: string,
    app: string,
    ref?: { namespace?: string; name: string; uid?: string },
  ): Promise<ResourceEvent[]>;
  syncResource(
    project: string,
    env: string,
    app: string,
    resource: SyncResource,
  ): Promise<Task>;
  deleteResource(
    project: string,
    env: string,
    app: string,
    ref: ResourceRef,
    cascade?: 'foreground' | 'background' | 'orphan',
  ): Promise<Task>;
  /**
   * Streams pod logs (server-sent events through the backend, with the caller's Backstage token) until
   * they end, fail or `signal` is aborted; a refusal before the stream (too many pods, no such container)
   * throws a `ResponseError`.
   */
  streamLogs(
    project: string,
    env: string,
    app: string,
    query: LogStreamQuery,
    onLine: (line: LogLine) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** The same lines as a text file. */
  downloadLogs(
    project: string,
    env: string,
    app: string,
    query: LogStreamQuery,
  ): Promise<Blob>;
  getAppHistory(
    project: string,
    env: string,
    app: string,
  ): Promise<DeployHistoryEntry[]>;
  getImageSecurity(
    project: string,
    env: string,
    app: string,
  ): Promise<ImageSecurity>;
  getAppFiles(
    project: string,
    env: string,
    app: string,
  ): Promise<ManifestFiles>;
  putAppFiles(
    project: string,
    env: string,
    app: string,
    write: EnvironmentAppFilesWrite,
  ): Promise<EnvironmentAppFilesWriteResult>;

  // Templates: the project-level manifests (tenant members read, tenant admins write).
  listTemplates(project: string): Promise<TemplateList>;
  getTemplate(project: string, app: string): Promise<Template>;
  createTemplate(project: string, input: TemplateInput): Promise<Template>;
  deleteTemplate(
    project: string,
    app: string,
    options?: { baseRevision?: string },
  ): Promise<void>;
  getTemplateFiles(project: string, app: string): Promise<ManifestFiles>;
  /**
   * Writes template files in one commit. A 400 carries `error.issues` (path, line, column) and a 409
   * `error.baseRevision`, `error.headRevision` and `error.files`: see `templateErrorDetails`.
   */
  putTemplateFiles(
    project: string,
    app: string,
    write: ManifestFilesWrite,
  ): Promise<ManifestWriteResult>;
  getTemplateDrift(project: string, app: string): Promise<TemplateDrift>;
  /** Merges the template changes into one environment's copy; 409 with `error.files` when they conflict. */
  applyTemplateDrift(
    project: string,
    app: string,
    env: string,
    input?: DriftApplyInput,
  ): Promise<DriftApplyResult>;
}

/**
 * Reference to the {@link AppCenterApi}.
 * @public
 */
export const appCenterApiRef = createApiRef<AppCenterApi>({
  id: 'plugin.app-center.service',
});
