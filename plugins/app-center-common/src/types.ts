import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** @public */
export type Tenant = Schemas['Tenant'];
/** @public */
export type TenantInput = Schemas['TenantInput'];
/** @public */
export type TenantUpdate = Schemas['TenantUpdate'];
/** @public */
export type Project = Schemas['Project'];
/** @public */
export type ProjectInput = Schemas['ProjectInput'];
/** @public */
export type ProjectUpdate = Schemas['ProjectUpdate'];
/** @public */
export type Environment = Schemas['Environment'];
/** @public */
export type EnvironmentInput = Schemas['EnvironmentInput'];
/** @public */
export type EnvironmentUpdate = Schemas['EnvironmentUpdate'];
/** @public */
export type EnvironmentKind = Schemas['EnvironmentKind'];
/** @public */
export type EntrySource = Schemas['Source'];
/** @public */
export type Access = Schemas['Access'];
/** Whether the caller may do one thing on a target, and why not (decided by the backend's access resolver).
 * @public */
export type Capability = Schemas['Capability'];
/** What the caller may do on a target: read, edit templates, edit the environment app, deploy, manage.
 * @public */
export type Capabilities = Schemas['Capabilities'];
/** The names of the {@link Capabilities}.
 * @public */
export type CapabilityName = keyof Capabilities;
/** @public */
export type ImageTag = Schemas['ImageTag'];
/** @public */
export type ImageTagList = Schemas['ImageTagList'];
/** @public */
export type ImageTagOrder = Schemas['ImageTagOrder'];
/** A template associated to an environment: its folder in git merged with its Argo CD Application. @public */
export type EnvironmentApp = Schemas['EnvironmentApp'];
/** associated, no-application, no-folder or unknown. @public */
export type EnvironmentAppState = EnvironmentApp['state'];
/** An Argo CD Application in an environment's namespace that App Center does not manage. @public */
export type StoreApp = Schemas['StoreApp'];
/** @public */
export type EnvironmentAppList = Schemas['EnvironmentAppList'];
/** @public */
export type AssociateInput = Schemas['AssociateInput'];
/** The app of a catalog Component across its project's environments. @public */
export type EntityApps = Schemas['EntityApps'];

/** One asynchronous operation (associate, deploy, scale, rollback ...) with its steps. @public */
export type Task = Schemas['Task'];
/** @public */
export type TaskStep = Schemas['TaskStep'];
/** pending, running, succeeded, failed or cancelled. @public */
export type TaskStatus = Schemas['TaskStatus'];

/** A manifest file of an app folder (path relative to the folder). @public */
export type ManifestFile = Schemas['ManifestFile'];
/** The files of an app folder and the commit they were read at. @public */
export type ManifestFiles = Schemas['ManifestFiles'];
/** A write of an app folder: files, deleted, baseRevision, message. @public */
export type ManifestFilesWrite = Schemas['ManifestFilesWrite'];
/** @public */
export type ManifestWriteResult = Schemas['ManifestWriteResult'];
/** One problem of a manifest at its line and column (400 `error.issues`). @public */
export type ManifestIssue = Schemas['ManifestIssue'];
/** The error body of the template routes: issues (400), revisions and files (409). @public */
export type TemplateError = Schemas['TemplateError'];
/** A new app's answers: image, port, replicas. @public */
export type StarterInput = Schemas['StarterInput'];
/** @public */
export type TemplateInput = Schemas['TemplateInput'];
/** A template with its files, kinds and images. @public */
export type TemplateSummary = Schemas['TemplateSummary'];
/** @public */
export type Template = Schemas['Template'];
/** @public */
export type TemplateList = Schemas['TemplateList'];
/** Which template commit an environment copied. @public */
export type TemplateProvenance = Schemas['TemplateProvenance'];
/** @public */
export type DriftFile = Schemas['DriftFile'];
/** The template changes one environment has not taken yet. @public */
export type EnvironmentDrift = Schemas['EnvironmentDrift'];
/** @public */
export type TemplateDrift = Schemas['TemplateDrift'];
/** @public */
export type DriftApplyInput = Schemas['DriftApplyInput'];
/** A value the template and an environment both changed since the copy. @public */
export type DriftConflict = Schemas['DriftConflict'];
/** The side to take for one drift conflict. @public */
export type DriftResolution = Schemas['DriftResolution'];
/** @public */
export type DriftApplyResult = Schemas['DriftApplyResult'];

/** Batch deploy request: new tags for some images of some apps. @public */
export type DeployInput = Schemas['DeployInput'];
/** @public */
export type ScaleInput = Schemas['ScaleInput'];
/** @public */
export type AutoscalingInput = Schemas['AutoscalingInput'];
/** @public */
export type RollbackInput = Schemas['RollbackInput'];
/** @public */
export type SyncInput = Schemas['SyncInput'];
/** One resource of a partial sync. @public */
export type SyncResource = Schemas['SyncResource'];
/** One deploy of an app: Argo CD's history joined with git and App Center's task. @public */
export type DeployHistoryEntry = Schemas['DeployHistoryEntry'];
/** @public */
export type DeployHistory = Schemas['DeployHistory'];
/** The vulnerability findings of the images an app runs, per provider. @public */
export type ImageSecurity = Schemas['ImageSecurity'];
/** One running image's scan: counts per severity, fixable count, top findings. @public */
export type ImageSecurityReport = Schemas['ImageSecurityReport'];
/** @public */
export type EnvironmentAppFilesWrite = Schemas['EnvironmentAppFilesWrite'];
/** @public */
export type EnvironmentAppFilesWriteResult =
  Schemas['EnvironmentAppFilesWriteResult'];

/** The catalog annotation that links a Component to its app: `<project>/<app>`. @public */
export const APP_ANNOTATION = 'app-center.io/app';
/** The catalog annotation that links a System to its project. @public */
export const PROJECT_ANNOTATION = 'app-center.io/project';
/** One node of an app's live resource tree, its children nested under it. @public */
export type ResourceTreeNode = Schemas['ResourceTreeNode'];
/** An app's live resource tree, rooted at its Argo CD Application. @public */
export type ResourceTree = Schemas['ResourceTree'];
/** One resource's live manifest. @public */
export type LiveResource = Schemas['LiveResource'];
/** One managed resource's live and desired states and their diff. @public */
export type ResourceStateDiff = Schemas['ResourceDiff'];
/** A Kubernetes event of an app or one of its resources. @public */
export type ResourceEvent = Schemas['ResourceEvent'];
