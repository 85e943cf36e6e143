export { GitRepositoryCache } from './GitRepositoryCache';
export type {
  GitRepositoryCacheOptions,
  GitRepositoryRef,
} from './GitRepositoryCache';
export { GitUpstreamError } from './GitUpstreamError';
export { MergeConflictError, RevisionConflictError } from './conflicts';
export { formatCommitMessage } from './commitMessage';
export { commitTrailers } from './commitLog';
export type { GitCommitInfo } from './commitLog';
export type { CommitMessageParts } from './commitMessage';
export { redactSecrets, redactUrl } from './redact';
export { GitOpsLayout, assertDnsLabel } from './GitOpsLayout';
export { PathPolicy } from './PathPolicy';
export { TemplateStore } from './TemplateStore';
export type {
  ProjectRepository,
  WriteContext,
  GitOpsStoreOptions,
} from './TemplateStore';
export { TemplateSummaryCache } from './TemplateSummaryCache';
export type { TemplateSummary } from './TemplateSummaryCache';
export { EnvironmentAppStore } from './EnvironmentAppStore';
export type { EnvironmentRef, Provenance } from './EnvironmentAppStore';
export { TemplateDrift } from './TemplateDrift';
export type { DriftFile, EnvironmentDrift } from './TemplateDrift';
export { starterManifests } from './starterManifests';
export type { StarterInput } from './starterManifests';
export type { AppFile, AppFilesEdit } from './appFiles';
export { ImageReference } from './yaml/ImageReference';
export { ManifestEditor } from './yaml/ManifestEditor';
export type {
  ImageUpdate,
  ImageChange,
  ContainerImage,
} from './yaml/ManifestEditor';
export { ManifestValidator } from './yaml/ManifestValidator';
export type { ManifestValidationContext } from './yaml/ManifestValidator';
export { ManifestValidationError } from './yaml/ManifestValidationError';
export type { ManifestIssue } from './yaml/ManifestValidationError';
export type * from './types';
